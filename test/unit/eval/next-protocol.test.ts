import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PIPELINES } from '../../../src/app/pipelines/definitions.js';
import { formatNext, runNext } from '../../../eval/protocols/next.js';

const FIX = join(import.meta.dirname, '../../fixtures/movielens');

describe('the next-item protocol alone (npm run eval -- --protocol next)', () => {
  it('GIVEN the fixture and 3 validation items THEN each ranker has the validation item, the test item and the mean of the 3 items before the test item', async () => {
    const rows = await runNext({ data: FIX, json: false }, { 'sequence-only': { ...PIPELINES.next, sources: { sequence: { weight: 1 } } } }, () => {}, 3);
    expect(Object.keys(rows).sort()).toEqual(['popular', 'sequence-only', 'tastemaker']);
    for (const r of Object.values(rows)) {
      for (const m of [r.validation, r.test, r.validationMean!]) expect(m['ndcg@10']).toBeGreaterThanOrEqual(0);
      expect(r.validationMean!['recall@10']).toBeGreaterThanOrEqual(r.validationMean!['ndcg@10']);
    }
    expect(rows.tastemaker.validationMean!['ndcg@10']).toBeGreaterThan(rows.popular.validationMean!['ndcg@10']);
    expect(formatNext(rows)).toContain('validationMean');
  }, 120_000);

  it('GIVEN one validation item THEN no mean is reported and the figures are those of the validation and test items', async () => {
    const rows = await runNext({ data: FIX, json: false });
    expect(rows.tastemaker.validationMean).toBeUndefined();
    expect(rows.tastemaker.test['ndcg@10']).toBeGreaterThan(rows.popular.test['ndcg@10']);
  }, 120_000);
});
