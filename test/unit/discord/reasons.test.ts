import { describe, expect, it } from 'vitest';
import { publicReason } from '../../../src/discord/render/reasons.js';
import { reasons } from '../../../src/recsys/reasons.js';

describe('reasons in public lists', () => {
  it('GIVEN the engine\'s personal templates THEN public lists say "similar to X", never the rating', () => {
    expect(publicReason(reasons.rated('Heat', 4.5))).toBe('similar to Heat');
    expect(publicReason(reasons.liked("Ocean's 11"))).toBe("similar to Ocean's 11");
    expect(publicReason(reasons.after('Alien'))).toBe('similar to Alien');
    expect(publicReason(reasons.coWatched('Up'))).toBe('similar to Up');
    expect(publicReason('because you rated Blade Runner 2049 5')).toBe('similar to Blade Runner 2049');
  });

  it('GIVEN reasons that name no history THEN they stay as they are', () => {
    for (const r of [reasons.similarTo('Heat'), reasons.request(), reasons.popular(), reasons.listed(), 'a slow-burn heist with a twist']) expect(publicReason(r)).toBe(r);
    expect(publicReason(undefined)).toBeUndefined();
  });

  it('GIVEN free text (an LLM reason) that speaks of the asker\'s ratings THEN it is replaced by a neutral reason', () => {
    expect(publicReason('You gave Heat five stars, so this fits')).toBe('close to the request');
    expect(publicReason('matches your watch history of crime films')).toBe('close to the request');
  });
});
