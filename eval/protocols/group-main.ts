import { loadMovieLens } from '../load.js';
import { GROUP_SYSTEMS, runGroupEval, type GroupEvalReport } from './group.js';

export const GROUP_USAGE = 'usage: npm run eval -- group [--data DIR] [--json]   (or --protocol group)';

/** The report as a table: one row per group size and system. */
export function formatGroup(r: GroupEvalReport, dataset: string, seconds: number): string {
  const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
  const out = [
    `Watching together on ${dataset} — ${seconds.toFixed(1)} s`,
    `${r.users} held-out users (prior from the other ${r.trainUsers}); ${r.groups} seeded groups per size; one list of 10 over ${r.items} items;`,
    `relevant to a member: their ${r.relevant}. mean = members' mean NDCG@10, worst = the least served member's NDCG@10,`,
    `disliked = items of the 10 that some member ${r.disliked} (all averaged over groups).`,
    `  ${pad('size', 6)}${pad('system', 14)}${pad('mean NDCG', 12)}${pad('worst NDCG', 12)}disliked@10`,
  ];
  for (const [size, row] of Object.entries(r.results)) {
    for (const s of GROUP_SYSTEMS) out.push(`  ${pad(size, 6)}${pad(s, 14)}${pad(row[s]['ndcg@10'].toFixed(4), 12)}${pad(row[s]['worst@10'].toFixed(4), 12)}${row[s]['disliked@10'].toFixed(3)}`);
  }
  out.push('  solo is each member\'s own list (not a group list): the ceiling a shared list gives up from.');
  out.push('  Paired against average over the same groups (difference ± 2 standard errors):');
  const pm = (p: { diff: number; se: number }, digits: number): string => `${p.diff >= 0 ? '+' : ''}${p.diff.toFixed(digits)} ± ${(2 * p.se).toFixed(digits)}`;
  for (const [size, row] of Object.entries(r.versusAverage)) {
    for (const [rule, v] of Object.entries(row)) out.push(`  ${pad(size, 6)}${pad(rule, 14)}NDCG ${pm(v['ndcg@10'], 4)}   disliked@10 ${pm(v['disliked@10'], 3)}`);
  }
  return out.join('\n');
}

/** `npm run eval -- group [--data DIR] [--json]`: this protocol alone; other arguments go through eval/main.ts's parser. */
export async function groupMain(argv: string[], parse: (argv: string[]) => { data: string; json: boolean }): Promise<void> {
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--protocol' && argv[i + 1] === 'group') i++;
    else if (argv[i] !== '--protocol=group' && argv[i] !== 'group') rest.push(argv[i]);
  }
  const args = parse(rest);
  const t0 = performance.now();
  const log = (m: string): void => void process.stderr.write(`[eval] ${m}\n`);
  const ds = loadMovieLens(args.data);
  log(`loaded ${ds.name} (${ds.format}): ${ds.ratings.length} ratings, ${ds.movies.size} movies`);
  const report = runGroupEval(ds.ratings, { log });
  const seconds = (performance.now() - t0) / 1000;
  if (args.json) process.stdout.write(JSON.stringify({ dataset: ds.name, protocol: 'group', ...report }) + '\n');
  else process.stdout.write(formatGroup(report, ds.name, seconds) + '\n');
}
