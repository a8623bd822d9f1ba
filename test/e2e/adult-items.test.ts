/** Catalog items marked adult or nsfw: listed only in age-restricted channels and DMs. */
import { ChannelType } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../../src/services.js';
import { ADMIN_PERMISSIONS, MEMBER_PERMISSIONS } from '../emulators/discord/constants.js';
import { makeApp, utf8 } from '../helpers/app.js';
import { startTmdbEmulator, type TmdbEmulator } from '../emulators/tmdb.js';
import { ADMIN, GUILD, startHarness, visibleText, type Harness } from './harness.js';

const CSV = [
  'id,title,year,tags,nsfw',
  'a1,Night Shift Heist,2001,heist|crime,',
  'a2,Velvet Vault,2003,heist|crime,yes',
  'a3,The Long Con,2005,heist|crime,0',
  'a4,Midnight Crew,2007,heist|crime,TRUE',
  'a5,Bank Job Blues,2009,heist|crime,',
].join('\n');

describe('e2e: adult and nsfw catalog items', () => {
  let app: AppServices;
  let h: Harness;
  beforeAll(async () => {
    app = await makeApp();
    h = await guildWithCatalog(app, CSV);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await app?.close();
  });

  it('GIVEN items marked nsfw THEN an ordinary channel never lists them', async () => {
    const r = await h.run({ type: 'command', name: 'recommend', channelId: 'c1', options: { request: 'heist', count: 10 } });
    const text = visibleText(r.final());
    expect(text).toContain('Night Shift Heist');
    expect(text).not.toContain('Velvet Vault');
    expect(text).not.toContain('Midnight Crew');
  });

  it('GIVEN an age-restricted channel THEN the same request lists them', async () => {
    const r = await h.run({ type: 'command', name: 'recommend', channelId: 'c2', options: { request: 'heist', count: 10 } });
    const text = visibleText(r.final());
    expect(text).toContain('Velvet Vault');
    expect(text).toContain('Midnight Crew');
  });
});

/** The same rule for title lookups, and for films TMDB marks adult (no catalog flag), through the TMDB emulator. */
const TMDB_CSV = [
  'id,title,year,tags,nsfw,tmdb',
  'b1,Night Shift Heist,2001,heist|crime,,101',
  'b2,Velvet Vault,2003,heist|crime,yes,102',
  'b3,Scarlet Safe,2005,heist|crime,,103',
  'b4,Bank Job Blues,2009,heist|crime,,104',
].join('\n');

describe('e2e: adult items in title lookups and TMDB cards', () => {
  let app: AppServices;
  let h: Harness;
  let tmdb: TmdbEmulator;
  const choices = async (channelId: string, title: string) => {
    const r = await h.run({ type: 'autocomplete', name: 'predict', focused: 'title', channelId, options: { title } });
    return (r.callbacks[0].data.choices as { name: string; value: string }[]).map((c) => c.name);
  };
  beforeAll(async () => {
    tmdb = await startTmdbEmulator({
      movies: [
        { id: 101, title: 'Night Shift Heist', year: 2001, overview: 'A night shift.', runtime: 100 },
        { id: 102, title: 'Velvet Vault', year: 2003, overview: 'A vault.', runtime: 100 },
        { id: 103, title: 'Scarlet Safe', year: 2005, overview: 'A safe.', runtime: 100, adult: true },
        { id: 104, title: 'Bank Job Blues', year: 2009, overview: 'A bank.', runtime: 100 },
      ],
    });
    app = await makeApp({ env: { TMDB_API_KEY: tmdb.apiKey, TMDB_BASE_URL: tmdb.url } });
    h = await guildWithCatalog(app, TMDB_CSV);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await app?.close();
    await tmdb?.close();
  });

  it('GIVEN an item marked nsfw THEN autocomplete and /predict in an ordinary channel read it as not found, the age-restricted channel finds it', async () => {
    expect(await choices('c1', 'velvet')).not.toContain('Velvet Vault (2003)');
    expect(await choices('c2', 'velvet')).toContain('Velvet Vault (2003)');
    const here = visibleText((await h.run({ type: 'command', name: 'predict', channelId: 'c1', options: { title: 'Velvet Vault' } })).final());
    expect(here).toMatch(/could not find|couldn't find/i);
    const there = visibleText((await h.run({ type: 'command', name: 'predict', channelId: 'c2', options: { title: 'Velvet Vault' } })).final());
    expect(there).toContain('Predicted rating');
    const byId = visibleText((await h.run({ type: 'command', name: 'predict', channelId: 'c1', options: { title: 'b2' } })).final());
    expect(byId).toMatch(/could not find|couldn't find/i);
  });

  it('GIVEN a film TMDB marks adult THEN an ordinary channel neither lists it nor shows its card, the age-restricted channel does', async () => {
    const there = await h.run({ type: 'command', name: 'recommend', channelId: 'c2', options: { request: 'heist', count: 10 } });
    expect(visibleText(there.final())).toContain('Scarlet Safe');
    const here = visibleText((await h.run({ type: 'command', name: 'recommend', channelId: 'c1', options: { request: 'heist', count: 10 } })).final());
    expect(here).toContain('Night Shift Heist');
    expect(here).not.toContain('Scarlet Safe');
    expect(await choices('c1', 'scarlet')).not.toContain('Scarlet Safe (2005)');
    const predict = visibleText((await h.run({ type: 'command', name: 'predict', channelId: 'c1', options: { title: 'Scarlet Safe' } })).final());
    expect(predict).toMatch(/could not find|couldn't find/i);
  });
});

/** The test guild (a general and an age-restricted channel, an admin and a member) with `csv` as its catalog, lists inline. */
async function guildWithCatalog(app: AppServices, csv: string): Promise<Harness> {
  const h = await startHarness({
    services: app,
    emulator: {
      guilds: [{
        id: GUILD, name: 'Test Guild', ownerId: 'admin',
        channels: [{ id: 'c1', name: 'general', type: ChannelType.GuildText }, { id: 'c2', name: 'late-night', type: ChannelType.GuildText, nsfw: true }],
        members: [{ user: { id: 'admin', username: 'admin' }, permissions: ADMIN_PERMISSIONS }, { user: { id: 'member', username: 'member' }, permissions: MEMBER_PERMISSIONS }],
      }],
    },
  });
  await app.catalog.upload({ scope: GUILD, userId: ADMIN.id }, { bytes: utf8(csv), filename: 'heists.csv', mode: 'replace' });
  await app.settings.set({ scope: GUILD, userId: ADMIN.id }, { conversationMode: 'inline' });
  return h;
}
