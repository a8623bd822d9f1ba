/**
 * The kill-mid-upload check, for any store URL: writes an old catalog, starts catalog-writer.ts on a large new
 * version, SIGKILLs it after five chunks, then checks that a fresh store loads the old version whole and that
 * the next write sweeps the dead upload's chunks.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { createStore } from '../../../src/store/create.js';
import { CatalogRepo } from '../../../src/store/catalogs.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');

export async function expectOldCatalogAfterKill(url: string, ns: string): Promise<void> {
  const first = await createStore(url, { namespace: ns });
  const oldItems = Array.from({ length: 250 }, (_, i) => ({ id: `old${i}`, title: `Old ${i}` }));
  const oldVecs = oldItems.map((_, i) => new Float32Array(16).fill(i / 2));
  await new CatalogRepo(first, { chunkSize: 100 }).write('g1', oldItems, oldVecs, { updatedBy: 'a', source: 'upload', embedModel: 'm' });
  await first.close();

  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'catalog-writer.ts'), url, ns, '20000', '16'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (_code, signal) => resolve({ signal })));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if ((out.match(/^chunk /gm) ?? []).length >= 5) resolve();
    });
    void exited.then(() => reject(new Error(`writer exited early: ${out} ${err}`)));
  });
  child.kill('SIGKILL');
  expect((await exited).signal).toBe('SIGKILL');
  expect(out).not.toContain('done');

  const fresh = await createStore(url, { namespace: ns });
  try {
    const repo = new CatalogRepo(fresh, { chunkSize: 100 });
    const loaded = await repo.load('g1');
    expect(loaded?.pointer.version).toBe(1);
    expect(loaded?.items).toEqual(oldItems);
    expect(loaded?.vectors?.map((v) => v[0])).toEqual(oldVecs.map((v) => v[0]));
    // The next write sweeps the dead upload's chunks.
    await repo.write('g1', oldItems.slice(0, 10), null, { updatedBy: 'b', source: 'upload' });
    const left: string[] = [];
    for await (const k of fresh.keys('catalog:g1:v')) left.push(k);
    expect(left.every((k) => k.startsWith('catalog:g1:v3:'))).toBe(true);
  } finally {
    await fresh.close();
  }
}
