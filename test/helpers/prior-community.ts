/**
 * A small synthetic community for the community prior's tests (no ../shared needed): sci-fi fans, rom-com
 * fans and a few who like both, and a prior trained on them.
 */
import { trainPrior } from '../../src/recsys/models/prior-train.js';
import type { CommunityPrior } from '../../src/recsys/models/prior-format.js';
import { mulberry32 } from '../../src/recsys/models/rng.js';
import type { RatingTriple } from '../../src/recsys/models/types.js';

export const SCIFI = Array.from({ length: 12 }, (_, i) => `ml-${100 + i}`);
export const ROMCOM = Array.from({ length: 12 }, (_, i) => `ml-${200 + i}`);

/**
 * 120 users: sci-fi fans (sci-fi 4.5-5, rom-coms 1-2), rom-com fans (the opposite) and a few who like
 * both. Everyone watches in catalog order within a genre, so ml-100 is usually followed by ml-101.
 */
export function community(seed = 5): RatingTriple[] {
  const rng = mulberry32(seed);
  const out: RatingTriple[] = [];
  for (let u = 0; u < 120; u++) {
    const kind = u % 5 === 4 ? 'both' : u % 2 === 0 ? 'scifi' : 'romcom';
    let at = 1_000 + u;
    for (const [genre, list] of [['scifi', SCIFI], ['romcom', ROMCOM]] as const) {
      for (const item of list) {
        if (rng() < 0.35) continue;
        const likes = kind === 'both' || kind === genre;
        const v = likes ? 4.5 + (rng() < 0.5 ? 0.5 : 0) : 1 + (rng() < 0.5 ? 0.5 : 0) + (rng() < 0.3 ? 0.5 : 0);
        out.push({ user: `u${u}`, item, value: v, at: at++ });
      }
    }
  }
  return out;
}

export const small = { mf: { factors: 8, epochs: 60, seed: 3 }, neighbours: 8 };

export function trained(): CommunityPrior {
  return trainPrior(community(), small);
}
