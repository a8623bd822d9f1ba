/**
 * Child process of the disk-full test, run under `ulimit -f` (the file-size limit stands in for a full disk:
 * a write past it fails with EFBIG, as one on a full disk fails with ENOSPC). Writes a catalog version too big
 * for the limit and prints the error it got as one JSON line. Args: <sqlite url> <namespace> <items>
 */
import { createStore } from '../../../src/store/create.js';
import { CatalogRepo } from '../../../src/store/catalogs.js';

// Without a handler the kernel's SIGXFSZ would kill the process; with one, the write returns EFBIG.
process.on('SIGXFSZ', () => {});

async function main(): Promise<void> {
  const [url, namespace, count] = process.argv.slice(2);
  const store = await createStore(url, { namespace });
  const items = Array.from({ length: Number(count) }, (_, i) => ({ id: `big${i}`, title: `Big ${i}`, description: 'y'.repeat(400) }));
  try {
    await new CatalogRepo(store, { chunkSize: 200 }).write('g1', items, items.map(() => new Float32Array(64).fill(1)), { updatedBy: 'child', source: 'upload', embedModel: 'm' });
    process.stdout.write(`${JSON.stringify({ ok: true })}\n`);
  } catch (e) {
    const err = e as { name?: string; code?: string; message?: string };
    process.stdout.write(`${JSON.stringify({ ok: false, name: err.name, code: err.code, message: err.message })}\n`);
  }
  await store.close().catch(() => undefined);
}

void main();
