/**
 * Child process for the kill test: writes a large new catalog version to a SQLite store and prints
 * `chunk N/T` after each chunk (slowed a little so the parent can kill it mid-upload).
 * Args: <sqlite url> <namespace> <items> <dims>
 */
import { createStore } from '../../../src/store/create.js';
import { CatalogRepo } from '../../../src/store/catalogs.js';

async function main(): Promise<void> {
  const [url, namespace, count, dims] = process.argv.slice(2);
  const store = await createStore(url, { namespace });
  const repo = new CatalogRepo(store, { chunkSize: 100 });
  const n = Number(count);
  const items = Array.from({ length: n }, (_, i) => ({ id: `new${i}`, title: `New ${i}`, description: 'x'.repeat(200) }));
  const vectors = items.map((_, i) => new Float32Array(Number(dims)).fill(i));
  await repo.write('g1', items, vectors, { updatedBy: 'child', source: 'upload', embedModel: 'm' }, {
    onChunk: async (done, total) => {
      process.stdout.write(`chunk ${done}/${total}\n`);
      await new Promise((r) => setTimeout(r, 15));
    },
  });
  process.stdout.write('done\n');
  await store.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
