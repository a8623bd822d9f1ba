import type { RequestsReport, Scores } from './requests-types.js';

/** The `requests` report as a table (requests.ts). */

const pad = (s: string, n: number): string => (s.length >= n ? s + ' ' : s + ' '.repeat(n - s.length));

export function formatRequests(r: RequestsReport): string {
  const out: string[] = [];
  const w = Math.max(24, ...Object.keys(r.results).map((k) => k.length + 1));
  out.push(`Text requests ("movies about {TMDB keyword}", ${r.keywords} keywords with >= 15 of ${r.joinedMovies} joined movies), cosine top 10 — ${r.seconds} s`);
  out.push(`  catalogs: starter = ${r.catalogs.starter} joined movies as the starter catalog has them (no TMDB text); starter-all = all ${r.catalogs['starter-all']} starter movies; overviews = TMDB title + overview only; starter+overviews = the joined movies as the starter has them plus TMDB's overview, as the bot embeds them with TMDB`);
  out.push(`  ${pad('embedder', w)}${pad('catalog', 18)}${pad('NDCG@10', 9)}${pad('P@5', 8)}${pad('tune NDCG/P@5', 17)}held-out NDCG/P@5`);
  for (const [model, cats] of Object.entries(r.results)) {
    for (const [c, s] of Object.entries(cats)) {
      const h = (x: Scores): string => `${x['ndcg@10'].toFixed(4)}/${x['p@5'].toFixed(4)}`;
      out.push(`  ${pad(model, w)}${pad(c, 18)}${pad(s['ndcg@10'].toFixed(4), 9)}${pad(s['p@5'].toFixed(4), 8)}${pad(h(s.tune), 17)}${h(s.heldOut)}`);
    }
  }
  const base = Object.keys(r.results)[0];
  out.push(`  NDCG@10 / ${base}'s (issue 8 targets: overviews >= 2x, starter >= 1.3x):`);
  for (const [model, rs] of Object.entries(r.ratios)) {
    out.push(`  ${pad(model, w)}` + Object.entries(rs).map(([c, x]) => `${c} ${x.toFixed(2)}x`).join(', '));
  }
  if (r.bot) {
    out.push(`  the bot's /recommend, as a member with no ratings meets it (starter-all: the starter catalog with its prior; overviews: uploaded as a custom catalog):`);
    for (const [c, s] of Object.entries(r.bot)) {
      const baseScore = r.results[base][c as keyof typeof r.results[string]]['ndcg@10'];
      out.push(`  ${pad("the bot's /recommend", w)}${pad(c, 18)}${pad(s['ndcg@10'].toFixed(4), 9)}${pad(s['p@5'].toFixed(4), 8)}${pad(`${s.tune['ndcg@10'].toFixed(4)}/${s.tune['p@5'].toFixed(4)}`, 17)}${s.heldOut['ndcg@10'].toFixed(4)}/${s.heldOut['p@5'].toFixed(4)}  ${(s['ndcg@10'] / Math.max(baseScore, 1e-9)).toFixed(2)}x ${base}`);
    }
  }
  return out.join('\n');
}
