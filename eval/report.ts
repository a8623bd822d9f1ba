/** The eval's result, printed as one JSON object with --json. */
export interface EvalReport {
  dataset: string;
  rating: Record<string, { rmse: number; mae: number }>;
  coldStart: Record<string, { rmse: number }>;
  sequential: { users: number; items: number } & Record<string, unknown>;
  similar: Record<string, { 'ndcg@10': number }>;
}

export interface ReportExtras {
  seconds: number;
  trainingMs: Record<string, number>;
  coldRatings: number;
  validation: Record<string, { 'ndcg@10': number; 'recall@10': number; 'mrr@10': number }>;
  overviews: boolean;
}

const RATING_ANCHORS: Record<string, string> = {
  'global-mean': '—',
  baseline: 'BaselineOnly 0.944 (ml-100k)',
  'svd-reference': 'SVD 0.934 (ml-100k)',
  tastemaker: 'SVD++ 0.919 (ml-100k)',
  'tastemaker-no-text': '—',
};

const SEQ_ANCHORS = 'SASRec 0.0522/0.0993 · LRURec 0.0705/0.1426 · LlamaRec 0.0759/0.1524';

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const num = (x: unknown): string => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(4) : 'n/a');

/** A readable table with each number beside its published anchor. */
export function formatReport(r: EvalReport, x: ReportExtras): string {
  const out: string[] = [];
  out.push(`Tastemaker eval on ${r.dataset}${x.overviews ? ' (item text with TMDB overviews)' : ''} — ${x.seconds.toFixed(1)} s`);
  out.push('');
  out.push('Rating prediction, 5-fold CV (Surprise protocol). Anchors are Surprise\'s published ml-100k numbers,');
  out.push('a different dataset: compare models within this run, the anchors only orient.');
  out.push(`  ${pad('model', 20)}${pad('RMSE', 9)}${pad('MAE', 9)}${pad('train ms/fold', 15)}anchor RMSE`);
  for (const [id, m] of Object.entries(r.rating)) {
    out.push(`  ${pad(id, 20)}${pad(num(m.rmse), 9)}${pad(num(m.mae), 9)}${pad(String(x.trainingMs[id] ?? ''), 15)}${RATING_ANCHORS[id] ?? '—'}`);
  }
  const svd = r.rating['svd-reference']?.rmse;
  const tm = r.rating.tastemaker?.rmse;
  if (svd && tm) out.push(`  tastemaker vs svd-reference: ${(((svd - tm) / svd) * 100).toFixed(2)}% lower RMSE (target >= 1.5%)`);
  out.push('');
  out.push(`Cold start: RMSE on ${x.coldRatings} test ratings of items with <= 5 training ratings (same folds)`);
  for (const [id, m] of Object.entries(r.coldStart)) out.push(`  ${pad(id, 20)}${num(m.rmse)}`);
  out.push('');
  out.push(`Sequential next item, LlamaRec protocol: ${r.sequential.users} users, ${r.sequential.items} items, all items ranked`);
  out.push(`  anchors (LlamaRec Table 1, ml-latest-small, NDCG@10/Recall@10): ${SEQ_ANCHORS}`);
  out.push(`  ${pad('model', 20)}${pad('split', 12)}${pad('NDCG@10', 10)}${pad('Recall@10', 11)}MRR@10`);
  for (const [id, m] of Object.entries(r.sequential)) {
    if (typeof m !== 'object' || m === null) continue;
    const v = m as Record<string, number>;
    out.push(`  ${pad(id, 20)}${pad('test', 12)}${pad(num(v['ndcg@10']), 10)}${pad(num(v['recall@10']), 11)}${num(v['mrr@10'])}`);
    const val = x.validation[id];
    if (val) out.push(`  ${pad('', 20)}${pad('validation', 12)}${pad(num(val['ndcg@10']), 10)}${pad(num(val['recall@10']), 11)}${num(val['mrr@10'])}`);
  }
  out.push('');
  out.push('Text similarity: last item among 19 random unseen items, ranked by cosine to the previous 5 (NDCG@10; random ≈ 0.23)');
  for (const [id, m] of Object.entries(r.similar)) out.push(`  ${pad(id, 20)}${num(m['ndcg@10'])}`);
  return out.join('\n');
}
