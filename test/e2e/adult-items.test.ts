/** Catalog items marked adult or nsfw: listed only in age-restricted channels and DMs. */
import { ChannelType } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../../src/services.js';
import { ADMIN_PERMISSIONS, MEMBER_PERMISSIONS } from '../emulators/discord/constants.js';
import { makeApp, utf8 } from '../helpers/app.js';
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
    h = await startHarness({
      services: app,
      emulator: {
        guilds: [{
          id: GUILD, name: 'Test Guild', ownerId: 'admin',
          channels: [{ id: 'c1', name: 'general', type: ChannelType.GuildText }, { id: 'c2', name: 'late-night', type: ChannelType.GuildText, nsfw: true }],
          members: [{ user: { id: 'admin', username: 'admin' }, permissions: ADMIN_PERMISSIONS }, { user: { id: 'member', username: 'member' }, permissions: MEMBER_PERMISSIONS }],
        }],
      },
    });
    await app.catalog.upload({ scope: GUILD, userId: ADMIN.id }, { bytes: utf8(CSV), filename: 'heists.csv', mode: 'replace' });
    await app.settings.set({ scope: GUILD, userId: ADMIN.id }, { conversationMode: 'inline' });
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
