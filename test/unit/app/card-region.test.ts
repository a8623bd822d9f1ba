import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionFor } from '../../../src/app/cards.js';
import type { AppServices } from '../../../src/services.js';
import { makeApp } from '../../helpers/app.js';

describe('the where-to-watch region of a caller', () => {
  let app: AppServices;
  beforeAll(async () => {
    app = await makeApp({ env: { TMDB_REGION: 'gb' } });
  });
  afterAll(() => app.close());

  it('GIVEN a scope with a region setting THEN it leads, whatever face asks (a server, the playground)', async () => {
    for (const scope of ['guild-1', 'playground']) {
      await app.settings.set({ scope, userId: 'admin' }, { region: 'de' });
      expect(await regionFor(app.deps, { scope, userId: 'u', locale: 'fr-FR' })).toBe('DE');
    }
  });

  it('GIVEN no setting THEN the locale, else TMDB_REGION; a direct message has no settings to ask', async () => {
    expect(await regionFor(app.deps, { scope: 'guild-2', userId: 'u', locale: 'pt-BR' })).toBe('BR');
    expect(await regionFor(app.deps, { scope: 'guild-2', userId: 'u' })).toBe('GB');
    expect(await regionFor(app.deps, { scope: 'dm:u', userId: 'u', locale: 'en-CA' })).toBe('CA');
  });

  it('GIVEN region auto THEN the setting is cleared and the locale decides again', async () => {
    await app.settings.set({ scope: 'guild-3', userId: 'admin' }, { region: 'de' });
    await app.settings.set({ scope: 'guild-3', userId: 'admin' }, { region: 'auto' });
    expect(await regionFor(app.deps, { scope: 'guild-3', userId: 'u', locale: 'en-US' })).toBe('US');
  });
});
