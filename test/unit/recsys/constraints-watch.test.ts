import { describe, expect, it } from 'vitest';
import { queryText } from '../../../src/app/query-text.js';
import { readWatch } from '../../../src/recsys/constraints-watch.js';

describe('watch wishes read from words', () => {
  it.each([
    ['shorter than 1h30', { maxMinutes: 90 }],
    ['under 1h 30m please', { maxMinutes: 90 }],
    ['not more than 100 min', { maxMinutes: 100 }],
    ['less than 1h30m', { maxMinutes: 90 }],
    ['under 90 min', { maxMinutes: 90 }],
    ['under 90 minutes', { maxMinutes: 90 }],
    ['no more than 2 hrs', { maxMinutes: 120 }],
    ['under 2 hours', { maxMinutes: 120 }],
    ['under 1.5 hours', { maxMinutes: 90 }],
    ['under 1 hour 45 minutes', { maxMinutes: 105 }],
    ['under an hour', { maxMinutes: 60 }],
    ['longer than 2h15', { minMinutes: 135 }],
    ['at least 150 mins', { minMinutes: 150 }],
    ['something on netflix', { services: ['netflix'] }],
    ['a thriller on Prime Video', { services: ['amazonprimevideo'] }],
    ['streaming on amazon prime', { services: ['amazonprimevideo'] }],
    ['anything on prime', { services: ['amazonprimevideo'] }],
    ['a cartoon on disney+', { services: ['disneyplus'] }],
    ['on disney plus', { services: ['disneyplus'] }],
    ['something on max', { services: ['max'] }],
    ['on hbo max tonight', { services: ['max'] }],
    ['on netflix or hulu', { services: ['netflix'] }],
    ['on netflix or on hulu', { services: ['netflix', 'hulu'] }],
    ['on apple tv+', { services: ['appletvplus'] }],
    ['free to stream and under 2 hours', { freeOnly: true, maxMinutes: 120 }],
  ])('GIVEN "%s" THEN %j', (text, want) => {
    expect(readWatch(text.toLowerCase())).toEqual(want);
  });

  it.each([
    'a documentary on the amazon river',
    'films about the amazon',
    'a prime minister drama',
    'the max payne movie',
    'mad max',
    'a heist on a train',
    'disney classics',
    'under the sea',
    '1h30 of fun',
    'over the moon',
  ])('GIVEN "%s" THEN no watch wish', (text) => {
    expect(readWatch(text.toLowerCase())).toEqual({});
  });

  it.each([
    ['a documentary on the amazon river', 'amazon'],
    ['heist shorter than 1h30', 'heist'],
    ['a thriller on Prime Video', 'thriller'],
    ['a cartoon on Disney+', 'cartoon'],
  ])('GIVEN "%s" THEN the search text keeps "%s" and drops the wish', (text, keep) => {
    const q = queryText(text).toLowerCase();
    expect(q).toContain(keep);
    expect(q).not.toMatch(/1h30|prime|video|disney/);
  });
});
