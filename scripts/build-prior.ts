/**
 * Builds the starter catalog's community prior from MovieLens ml-latest-small: data/prior/starter-prior-v1.bin
 * (the body) and .json (its header), keyed by starter item id (`ml-<movieId>`). Numbers only: no titles, tags
 * or any TMDB text. MovieLens' licence (data/MOVIELENS-LICENSE.txt) covers this derived data.
 * Usage: npm run build-prior [-- --data DIR] [--out DIR]   (DIR defaults to ../shared/data)
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findMovieLensDir, loadMovieLens } from '../eval/load.js';
import { STARTER_PRIOR_NAME } from '../src/engine/prior.js';
import { encodePrior } from '../src/recsys/models/prior-format.js';
import { trainPrior } from '../src/recsys/models/prior-train.js';

const USAGE = 'usage: npm run build-prior [-- --data DIR] [--out DIR]';

export function parseBuildArgs(argv: string[], repo: string): { data: string; out: string } {
  let data = join(repo, '../shared/data');
  let out = join(repo, 'data/prior');
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const take = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value (${USAGE})`);
      return v;
    };
    if (a === '--data') data = take();
    else if (a.startsWith('--data=')) data = a.slice(7);
    else if (a === '--out') out = take();
    else if (a.startsWith('--out=')) out = a.slice(6);
    else if (a !== '--') throw new Error(`unknown argument ${a} (${USAGE})`);
  }
  return { data: resolve(data), out: resolve(out) };
}

function main(): void {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const { data, out } = parseBuildArgs(process.argv.slice(2), repo);
  const dir = findMovieLensDir(data);
  if (!dir) throw new Error(`no MovieLens data in ${data}: pass --data DIR with a MovieLens folder such as ml-latest-small (ratings.csv, movies.csv, links.csv)`);
  const t0 = performance.now();
  const ds = loadMovieLens(dir);
  const prior = trainPrior(ds.ratings, { itemId: (id) => `ml-${id}`, source: `MovieLens ${ds.name} (GroupLens Research, University of Minnesota)` });
  const { header, body } = encodePrior(prior, 'ml-');
  header.sha256 = createHash('sha256').update(body).digest('hex');
  header.licence = relative(out, join(repo, 'data/MOVIELENS-LICENSE.txt')).split('\\').join('/');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `${STARTER_PRIOR_NAME}.bin`), body);
  writeFileSync(join(out, `${STARTER_PRIOR_NAME}.json`), JSON.stringify(header, null, 2) + '\n');
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  process.stderr.write(`wrote ${prior.ids.length} items, ${prior.factors} factors, ${body.length} bytes to ${join(out, STARTER_PRIOR_NAME)}.{bin,json} in ${s} s\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`build-prior failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
