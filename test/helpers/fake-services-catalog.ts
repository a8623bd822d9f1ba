/** The catalog and the server settings of the fake `Services` (test/helpers/fake-services.ts). */
import type { CatalogInfo, Services, UploadProgress } from '../../src/app/types.js';
import { parseCsv, STARTER, type FakeCore } from './fake-services-core.js';

export type FakeCatalog = Pick<Services, 'catalog' | 'settings'>;

export function fakeCatalog(k: FakeCore): FakeCatalog {
  const { clock, tick, catalogs, versions, settings, rec, cat, report } = k;
  const settingsApi: FakeCatalog['settings'] = {
    async get(scope) {
      rec('settings.get', undefined, scope);
      return settings.get(scope) ?? { llmEnabled: true, conversationMode: 'thread', userDailyCalls: 100, serverDailyCalls: 2000, userDailyTokens: 200_000, serverDailyTokens: 4_000_000 };
    },
    async set(c, patch) {
      rec('settings.set', c, patch);
      const next = { ...(await settingsApi.get(c.scope)), ...patch };
      settings.set(c.scope, next);
      return next;
    },
  };
  return {
  catalog: {
    async upload(c, input) {
      rec('catalog.upload', c, { filename: input.filename, mode: input.mode, size: input.bytes.byteLength });
      const { items, errors } = parseCsv(new TextDecoder().decode(input.bytes));
      const total = items.length + errors.length;
      input.onProgress?.({ phase: 'parsing', done: total, total } satisfies UploadProgress);
      if (!items.length) return report(input.mode, { rejected: errors.length, total, catalogSize: cat(c.scope).length, errors, applied: false, version: versions.get(c.scope) ?? 0 });
      for (let d = 0; d < items.length; d += Math.max(1, Math.ceil(items.length / 10))) {
        input.onProgress?.({ phase: 'embedding', done: d, total: items.length });
        await tick();
      }
      input.onProgress?.({ phase: 'saving', done: items.length, total: items.length });
      const old = cat(c.scope);
      const oldIds = new Set(old.map((x) => x.id));
      const next = input.mode === 'merge' ? [...old.filter((x) => !items.some((y) => y.id === x.id)), ...items] : items;
      const v = (versions.get(c.scope) ?? 1) + 1;
      versions.set(c.scope, v);
      catalogs.set(c.scope, next);
      const added = items.filter((x) => !oldIds.has(x.id)).length;
      return report(input.mode, { added, updated: items.length - added, removed: input.mode === 'replace' ? old.filter((x) => !items.some((y) => y.id === x.id)).length : 0, rejected: errors.length, total, catalogSize: next.length, errors, version: v, embedRequests: 1 });
    },
    async info(scope): Promise<CatalogInfo | null> {
      rec('catalog.info', undefined, scope);
      const items = cat(scope);
      return items.length ? { itemCount: items.length, version: versions.get(scope) ?? 1, embedModel: 'local-hash-256', updatedBy: '0', updatedAt: clock(), source: 'starter' } : null;
    },
    async export(scope) {
      rec('catalog.export', undefined, scope);
      return [...cat(scope)];
    },
    async remove(c, itemId) {
      rec('catalog.remove', c, itemId);
      const items = cat(c.scope);
      const k = items.findIndex((x) => x.id === itemId);
      if (k >= 0) items.splice(k, 1);
      return k >= 0;
    },
    async starter(c) {
      rec('catalog.starter', c);
      catalogs.set(c.scope, [...STARTER]);
      return report('replace', { added: STARTER.length, total: STARTER.length, catalogSize: STARTER.length, version: 1 });
    },
    async clear(c) {
      rec('catalog.clear', c);
      const had = cat(c.scope).length > 0;
      catalogs.set(c.scope, []);
      return had;
    },
  },
    settings: settingsApi,
  };
}
