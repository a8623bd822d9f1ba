/**
 * The SQLite file cannot grow (disk full, simulated with the file-size limit `ulimit -f`, which also binds root):
 * the upload fails with an error that names the file, and the previous catalog stays whole.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { asUserError } from '../../../src/app/errors.js';
import { createStore } from '../../../src/store/create.js';
import { CatalogRepo } from '../../../src/store/catalogs.js';
import { RUN_NAMESPACE, tempDir } from '../../helpers/store.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const bash = spawnSync('bash', ['-c', 'ulimit -f 1 && echo ok'], { encoding: 'utf8' }).stdout.trim() === 'ok';

describe.skipIf(!bash)(`SQLite disk full${bash ? '' : ' (skipped: needs bash with ulimit)'}`, () => {
  it('GIVEN the file cannot grow WHEN a big catalog is uploaded THEN the error names the file and the old catalog loads whole', async () => {
    const tmp = tempDir('full');
    try {
      const file = path.join(tmp.dir, 'full.sqlite');
      const url = `sqlite://${file}`;
      const ns = `${RUN_NAMESPACE}-full`;
      const first = await createStore(url, { namespace: ns });
      const oldItems = Array.from({ length: 120 }, (_, i) => ({ id: `old${i}`, title: `Old ${i}` }));
      await new CatalogRepo(first, { chunkSize: 50 }).write('g1', oldItems, null, { updatedBy: 'a', source: 'upload' });
      await first.close();

      // 2 MB files at most (1 KB blocks); the new version needs about 5 MB.
      const child = spawnSync('bash', ['-c', `ulimit -f 2048 && exec "${process.execPath}" --import tsx "${path.join(here, 'sqlite-full-child.ts')}" "${url}" "${ns}" 8000`], { cwd: root, encoding: 'utf8', timeout: 60_000 });
      const line = child.stdout.trim().split('\n').at(-1) ?? '';
      const result = JSON.parse(line || '{}') as { ok?: boolean; name?: string; code?: string; message?: string };
      expect(result.ok, `child said: ${child.stdout} ${child.stderr}`).toBe(false);
      expect(result.name).toBe('StoreError');
      expect(result.message).toContain(file);
      expect(result.message).toMatch(/full|EFBIG|too large|I\/O/i);

      const fresh = await createStore(url, { namespace: ns });
      try {
        const loaded = await new CatalogRepo(fresh, { chunkSize: 50 }).load('g1');
        expect(loaded?.pointer.version).toBe(1);
        expect(loaded?.items).toEqual(oldItems);
      } finally {
        await fresh.close();
      }
    } finally {
      tmp.cleanup();
    }
  }, 90_000);

  it('GIVEN a store that cannot be opened THEN a member reads store.unavailable, not the apology', async () => {
    const tmp = tempDir('ro');
    try {
      // A regular file where the folder should be: the database can never be created there.
      const blocker = path.join(tmp.dir, 'not-a-folder');
      spawnSync('bash', ['-c', `echo x > "${blocker}"`]);
      const err = await createStore(`sqlite://${path.join(blocker, 'db.sqlite')}`, { namespace: 'x' }).then(() => undefined, (e: unknown) => e);
      expect((err as Error).message).toContain(blocker);
      expect(asUserError(err)?.code).toBe('store.unavailable');
    } finally {
      tmp.cleanup();
    }
  });
});
