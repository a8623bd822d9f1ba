import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { extractJson, parseAnswer } from '../../../src/llm/parse.js';

describe('extractJson', () => {
  it.each([
    ['plain JSON', '{"a":1}', { a: 1 }],
    ['prose before and after', 'Here you go: {"a": [1, 2]} hope it helps', { a: [1, 2] }],
    ['a json code fence', 'Sure!\n```json\n{"a": "}"}\n```', { a: '}' }],
    ['a bare fence', '```\n[1,2]\n```', [1, 2]],
    ['braces inside strings', 'x {"a": "{not} [json]"} y', { a: '{not} [json]' }],
    ['a broken object then a good one', '{"a": } and then {"b": 2}', { b: 2 }],
  ])('GIVEN %s THEN the JSON is found', (_n, text, want) => {
    expect(extractJson(text)).toEqual(want);
  });

  it.each([[''], ['no json here'], ['{"a": ']])('GIVEN %j THEN nothing is found', (text) => {
    expect(extractJson(text)).toBeUndefined();
  });
});

describe('parseAnswer', () => {
  const schema = z.object({ rating: z.number().min(1).max(5) });
  it('GIVEN a valid answer THEN it is returned typed', () => {
    expect(parseAnswer('{"rating": 4}', schema)).toEqual({ ok: true, value: { rating: 4 } });
  });
  it('GIVEN a rating of 11 THEN it is refused with the field named', () => {
    const r = parseAnswer('{"rating": 11}', schema);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/rating/);
  });
  it('GIVEN an empty answer THEN the error says so', () => {
    expect(parseAnswer('  ', schema)).toEqual({ ok: false, error: 'empty answer' });
  });
});
