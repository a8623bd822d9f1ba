/**
 * Overviews TMDB returned join the items' text: a request that only an overview matches finds its film once
 * the overview is cached (and not before), and taking overviews in re-embeds only the items whose text changed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { itemText } from '../../../src/domain/item.js';
import type { Embedder } from '../../../src/embed/types.js';
import { createLocalEmbedder } from '../../../src/embed/semantic/factory.js';
import { createLogger } from '../../../src/log.js';
import { createServices, type AppServices } from '../../../src/services.js';
import { appConfig, utf8 } from '../../helpers/app.js';
import { startTmdbEmulator, type EmulatedMovie, type TmdbEmulator } from '../../emulators/tmdb.js';

const SCOPE = 'g-overviews';
const who = { scope: SCOPE, userId: 'u1' };
const admin = { scope: SCOPE, userId: 'admin' };
// Made-up plot words: no title, tag or other overview carries them.
const CSV = [
  'id,title,year,tags,tmdb',
  'o1,The Keeper,1999,Drama,9001',
  'o2,Night Harbour,2004,Drama|Thriller,9002',
  'o3,Paper Moons,2011,Drama|Romance,9003',
  'o4,Cold Meridian,1987,Drama|Mystery,9004',
  'o5,Small Hours,2015,Drama,9005',
  'o6,Unlisted Film,2001,Drama,9999',
  'o7,Long Shadows,1994,Drama|Crime,',
  'o8,Glass Garden,2008,Drama|Romance,',
  'o9,The Far Field,2019,Drama|Western,',
  'o10,Second Winter,1979,Drama|War,',
].join('\n');
const films: EmulatedMovie[] = [
  { id: 9001, title: 'The Keeper', overview: 'A lighthouse keeper befriends a quorblex that lives in the fog off the coast.' },
  { id: 9002, title: 'Night Harbour', overview: 'Dock workers uncover a smuggling ring during a long winter strike.' },
  { id: 9003, title: 'Paper Moons', overview: '' },
  { id: 9004, title: 'Cold Meridian', overview: 'A cartographer maps a zindavel archipelago that is not on any chart.' },
  { id: 9005, title: 'Small Hours' },
];

/** The local embedder, recording every text it is asked to embed. */
function countingEmbedder(): Embedder & { texts: string[] } {
  const inner = createLocalEmbedder('semantic');
  const texts: string[] = [];
  return { model: inner.model, dims: inner.dims, texts, embed: async (t, o) => (texts.push(...t), inner.embed(t, o)) };
}

describe('TMDB overviews as item text', () => {
  let tmdb: TmdbEmulator;
  let app: AppServices;
  let embedder: ReturnType<typeof countingEmbedder>;
  beforeEach(async () => {
    tmdb = await startTmdbEmulator({ movies: films });
    embedder = countingEmbedder();
    app = await createServices(appConfig({ TMDB_API_KEY: tmdb.apiKey, TMDB_BASE_URL: tmdb.url }), {
      logger: createLogger('silent'),
      embedder,
      retrainDelayMs: 0,
      prior: null,
    });
    await app.catalog.upload(admin, { bytes: utf8(CSV), filename: 'o.csv', mode: 'replace' });
  }, 60_000);
  afterEach(async () => {
    await app?.close();
    await tmdb?.close();
  });

  /** Every film of the catalog looked up (as the cards' background prefetch does), then taken into the catalog. */
  async function cacheAllAndTakeIn(): Promise<void> {
    const cat = await app.deps.engines.catalog(SCOPE);
    await Promise.all(cat.items.map((it) => app.deps.tmdb!.movieFor(it)));
    await app.deps.itemText!.flushNow();
  }
  const top = async (text: string) => (await app.recommend(who, { text, count: 3 })).items.map((x) => x.item.id);

  it('GIVEN a request only an overview matches THEN the film is not found before its overview is cached, and comes first after', async () => {
    expect((await top('a film with a quorblex'))[0]).not.toBe('o1');
    expect((await top('zindavel'))[0]).not.toBe('o4');
    await cacheAllAndTakeIn();
    expect((await top('a film with a quorblex'))[0]).toBe('o1');
    expect((await top('zindavel'))[0]).toBe('o4');
  });

  it('GIVEN overviews taken in THEN only the items whose text changed are embedded again, and a second pass embeds nothing', async () => {
    const before = await app.deps.engines.catalog(SCOPE);
    embedder.texts.length = 0;
    await cacheAllAndTakeIn();
    const after = await app.deps.engines.catalog(SCOPE);
    const changed = after.items.filter((it) => it.overview).map((it) => it.id).sort();
    expect(changed).toEqual(['o1', 'o2', 'o4']); // o3's overview is empty, o5 has none, o6 is unknown to TMDB
    expect(embedder.texts.sort()).toEqual(['o1', 'o2', 'o4'].map((id) => itemText(after.byId.get(id)!)).sort());
    expect(before.items.find((it) => it.id === 'o1')?.overview).toBeUndefined();
    embedder.texts.length = 0;
    app.deps.itemText!.note();
    await app.deps.itemText!.flushNow();
    expect(embedder.texts).toEqual([]);
  });

  it('GIVEN overviews taken in THEN the LLM brief quotes them shortly, and neither the stored catalog nor the export holds them', async () => {
    await cacheAllAndTakeIn();
    const stored = await app.deps.catalogs.load(SCOPE);
    expect(stored?.items.some((it) => 'overview' in it)).toBe(false);
    expect((await app.catalog.export(SCOPE)).some((it) => 'overview' in it)).toBe(false);
    const { toBrief } = await import('../../../src/llm/brief.js');
    const o1 = (await app.deps.engines.catalog(SCOPE)).byId.get('o1')!;
    expect(toBrief(o1).overview).toMatch(/quorblex/);
    expect(toBrief(o1, 0).overview).toBeUndefined();
  });

  it('GIVEN the catalog reloads (after a restart or a removal) THEN the cached overviews are part of it again', async () => {
    await cacheAllAndTakeIn();
    await app.catalog.remove(admin, 'o5');
    const cat = await app.deps.engines.catalog(SCOPE);
    expect(cat.byId.get('o4')?.overview).toMatch(/zindavel/);
    expect((await top('zindavel'))[0]).toBe('o4');
  });
});
