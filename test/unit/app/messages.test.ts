import { describe, expect, it } from 'vitest';
import { checkRankTitles, checkRating } from '../../../src/app/checks.js';
import { AppError, asUserError } from '../../../src/app/errors.js';
import { MESSAGES, messageFor, type MessageCode } from '../../../src/app/messages.js';
import { isRating, RANK_TITLES, RATING_VALUES, splitTitles } from '../../../src/domain/rules.js';

const PLACEHOLDER = /\{\w+(?:\|[^}]*)?\}/g;
const codes = Object.keys(MESSAGES) as MessageCode[];

describe('the message table', () => {
  it.each(codes)('GIVEN the code %s with a value for each placeholder THEN it renders without leftover placeholders', (code) => {
    const names = [...MESSAGES[code].matchAll(PLACEHOLDER)].map((m) => m[0].slice(1, -1).split('|')[0]);
    const context = Object.fromEntries(names.map((n) => [n, `<${n}>`]));
    const text = messageFor(code, context);
    expect(text).not.toMatch(PLACEHOLDER);
    expect(text).not.toMatch(/undefined|null|NaN/);
    for (const n of names) expect(text).toContain(`<${n}>`);
    expect(new AppError(code, context).message).toBe(text);
  });

  it('GIVEN no value for a placeholder THEN its fallback words are used, or it stays visible when it has none', () => {
    expect(messageFor('import.unrecognised', { reason: 'no header' })).toBe('I could not read that file as a Letterboxd, IMDb or CSV export: no header.');
    expect(messageFor('import.unrecognised', { format: 'letterboxd', reason: 'no header' })).toBe('I could not read that file as letterboxd: no header.');
    expect(messageFor('rank.too-many', { max: 25 })).toBe('I can rank at most 25 titles at once (you gave {count}).');
  });

  it('GIVEN an AppError THEN it is recognised as the user error with its own code; a userMessage error as service.message; anything else not', () => {
    const e = new AppError('conversation.not-owner');
    expect(asUserError(e)).toBe(e);
    expect(e.code).toBe('conversation.not-owner');
    expect(asUserError(Object.assign(new Error('x'), { userMessage: 'Try later.' }))).toMatchObject({ code: 'service.message', message: 'Try later.' });
    expect(asUserError(new Error('db down'))).toBeNull();
    expect(asUserError(Object.assign(new Error('look-alike'), { name: 'AppError', code: 'rank.too-few' }))).toBeNull();
  });
});

describe('the rules and their checks', () => {
  it('GIVEN the rating scale THEN it is 0.5 to 5 by halves, and the check says so in the table words', () => {
    expect(RATING_VALUES).toEqual([0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]);
    for (const v of RATING_VALUES) expect(checkRating(v)).toBe(v);
    for (const v of [0, 0.25, 5.5, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(isRating(v)).toBe(false);
      expect(() => checkRating(v)).toThrow(new AppError('rating.range', { value: String(v) }).message);
    }
  });

  it('GIVEN a /rank list THEN fewer than the minimum or more than the maximum titles is refused with the right code', () => {
    const titles = (n: number) => Array.from({ length: n }, (_, k) => `t${k}`);
    expect(checkRankTitles(titles(RANK_TITLES.min))).toHaveLength(RANK_TITLES.min);
    expect(checkRankTitles(titles(RANK_TITLES.max))).toHaveLength(RANK_TITLES.max);
    const code = (n: number) => { try { checkRankTitles(titles(n)); return null; } catch (e) { return (e as AppError).code; } };
    expect(code(RANK_TITLES.min - 1)).toBe('rank.too-few');
    expect(code(RANK_TITLES.max + 1)).toBe('rank.too-many');
    expect(() => checkRankTitles(titles(30))).toThrow('I can rank at most 25 titles at once (you gave 30).');
    expect(splitTitles('Heat, Alien\nUp;heat,, ')).toEqual(['Heat', 'Alien', 'Up']);
  });
});
