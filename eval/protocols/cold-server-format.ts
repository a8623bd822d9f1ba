import { SYSTEMS, type ColdServerReport } from './cold-server-types.js';

/** The report as a table: one row per k and system. */
export function formatColdServer(r: ColdServerReport, dataset: string, seconds: number): string {
  const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
  const f = (x: number): string => (Number.isFinite(x) ? x.toFixed(4) : 'n/a');
  const out = [
    `Cold server on ${dataset} — ${seconds.toFixed(1)} s`,
    `${r.folds} disjoint draws of ${r.users / r.folds} held-out users (${r.users} in all); each draw is a new server, its prior learnt from the other ${r.trainUsers} users (${r.prior.items} items, ${r.prior.bytes} bytes).`,
    `Each reveals their first k ratings in time; targets: their ${r.targets}; all ${r.items} items ranked; RMSE over every remaining rating.`,
    `  ${pad('k', 4)}${pad('system', 12)}${pad('taste NDCG', 12)}${pad('taste R@10', 12)}${pad('next NDCG', 12)}${pad('next R@10', 12)}RMSE`,
  ];
  for (const [k, row] of Object.entries(r.results)) {
    for (const s of SYSTEMS) {
      const m = row[s];
      out.push(`  ${pad(k, 4)}${pad(s, 12)}${pad(f(m.taste['ndcg@10']), 12)}${pad(f(m.taste['recall@10']), 12)}${pad(f(m.next['ndcg@10']), 12)}${pad(f(m.next['recall@10']), 12)}${f(m.rmse)}`);
    }
  }
  const five = r.results['5'];
  if (five) {
    const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a');
    out.push(`  k=5 taste NDCG@10, prior vs popularity: ${ratio(five.prior.taste['ndcg@10'], five.popularity.taste['ndcg@10'])}; vs no prior: ${ratio(five.prior.taste['ndcg@10'], five['no-prior'].taste['ndcg@10'])} (target >= 1.5x)`);
  }
  out.push('  popularity RMSE is the global mean; no-prior is the same engine with every count the server\'s own (a custom catalog).');
  return out.join('\n');
}
