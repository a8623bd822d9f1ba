import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RUN_NAMESPACE, tempDir } from '../../helpers/store.js';
import { createStore } from '../../../src/store/create.js';
import { CatalogRepo } from '../../../src/store/catalogs.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');

describe('CatalogRepo on SQLite, writer killed mid-upload', () => {
  it('GIVEN a process killed with SIGKILL while writing a new version THEN a new store loads the old version whole', async () => {
    const tmp = tempDir('kill');
    try {
      const url = `sqlite://${path.join(tmp.dir, 'cat.sqlite')}`;
      const ns = `${RUN_NAMESPACE}-kill`;
      const first = await createStore(url, { namespace: ns });
      const oldItems = Array.from({ length: 250 }, (_, i) => ({ id: `old${i}`, title: `Old ${i}` }));
      const oldVecs = oldItems.map((_, i) => new Float32Array(16).fill(i / 2));
      await new CatalogRepo(first, { chunkSize: 100 }).write('g1', oldItems, oldVecs, { updatedBy: 'a', source: 'upload', embedModel: 'm' });
      await first.close();

      const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'catalog-writer.ts'), url, ns, '20000', '16'], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if ((out.match(/^chunk /gm) ?? []).length >= 5) resolve();
        });
        void exited.then(() => reject(new Error(`writer exited early: ${out} ${err}`)));
      });
      child.kill('SIGKILL');
      const { signal } = await exited;
      expect(signal).toBe('SIGKILL');
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
    } finally {
      tmp.cleanup();
    }
  });
});
