/**
 * `npm run bench -- card [--n 60] [--save docs/profile-card.png]`: how long the profile card takes to draw
 * (PNG bytes out), warm, from the fixture member; target p50 under 200 ms. `--save` writes the card.
 */
import { writeFileSync } from 'node:fs';
import { renderProfileCard } from '../src/present/card/profile-card.js';
import type { ProfileCardData } from '../src/present/card/profile-data.js';
import { SAMPLE_CARD } from '../test/fixtures/card/profile-card.js';
import { fmt, summary, table } from './stats.js';

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

const EMPTY: ProfileCardData = { ...SAMPLE_CARD, watched: 0, rated: 0, meanRating: null, spread: SAMPLE_CARD.spread.map((s) => ({ ...s, count: 0 })),
  topTags: [], favourites: [], groupPick: undefined };
const LONG = `${'🍿 The Extraordinarily Long Title of a Film '.repeat(8)}`;
const HOSTILE: ProfileCardData = { ...SAMPLE_CARD, memberName: LONG, serverName: LONG,
  favourites: SAMPLE_CARD.favourites.map((f) => ({ ...f, title: LONG })), topTags: SAMPLE_CARD.topTags.map((t) => ({ ...t, tag: LONG })) };

export async function benchCard(args: string[]): Promise<void> {
  const n = Number(arg(args, 'n') ?? 60);
  const cases: [string, ProfileCardData][] = [['sample member', SAMPLE_CARD], ['no ratings', EMPTY], ['long titles', HOSTILE]];
  for (const [, d] of cases) renderProfileCard(d); // warm: font registration, first-use allocations
  const times = new Map<string, number[]>(cases.map(([name]) => [name, []]));
  let bytes = 0;
  // Interleaved, so machine load hits every case alike.
  for (let k = 0; k < n; k++) {
    for (const [name, d] of cases) {
      const t = performance.now();
      bytes = renderProfileCard(d).byteLength;
      times.get(name)!.push(performance.now() - t);
    }
  }
  const rows = cases.map(([name]) => {
    const s = summary(times.get(name)!);
    return [name, s.n, fmt(s.p50, 1), fmt(s.p99, 1), s.p50 < 200 ? 'yes' : 'NO'];
  });
  console.log(table(['card', 'n', 'p50 ms', 'p99 ms', 'p50 < 200 ms'], rows));
  console.log(`PNG size (long titles): ${(bytes / 1024).toFixed(0)} KB`);
  const save = arg(args, 'save');
  if (save) {
    writeFileSync(save, renderProfileCard(SAMPLE_CARD));
    console.log(`saved ${save}`);
  }
}
