import path from 'node:path';
import { describe, it } from 'vitest';
import { RUN_NAMESPACE, tempDir } from '../../helpers/store.js';
import { expectOldCatalogAfterKill } from './catalog-kill.js';

describe('CatalogRepo on SQLite, writer killed mid-upload', () => {
  it('GIVEN a process killed with SIGKILL while writing a new version THEN a new store loads the old version whole', async () => {
    const tmp = tempDir('kill');
    try {
      await expectOldCatalogAfterKill(`sqlite://${path.join(tmp.dir, 'cat.sqlite')}`, `${RUN_NAMESPACE}-kill`);
    } finally {
      tmp.cleanup();
    }
  });
});
