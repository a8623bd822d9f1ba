/** The same bot over the REAL services (composition root, memory store, offline engine, starter catalog). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../../src/services.js';
import { makeApp } from '../helpers/app.js';
import { ADMIN, GUILD, MEMBER, startHarness, visibleText, type Harness } from './harness.js';

describe('e2e over the real services', () => {
  let h: Harness;
  let app: AppServices;
  beforeAll(async () => {
    app = await makeApp();
    h = await startHarness({ services: app });
    const st = await h.run({ type: 'command', name: 'catalog', subcommand: 'starter' });
    expect(visibleText(st.final())).toContain('Catalog replaced from **starter catalog**');
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await app?.close();
  });

  it('GIVEN /recommend and a message in its thread THEN the real engine answers and refines, offline, in the thread', async () => {
    const r = await h.run({ type: 'command', name: 'recommend', options: { request: 'heist movies' } });
    expect(visibleText(r.final())).toMatch(/\*\*1\. .+\*\*/);
    expect(r.final().content).toBe('Asked by <@admin>');
    expect(visibleText(r.final())).toContain('Offline engine (no API key)');
    const thread = h.emu.threads().find((t) => t.name === 'Recs for admin: heist movies');
    expect(thread).toBeDefined();
    const id = thread?.id as string;
    const bot = () => h.emu.channelMessages(id).filter((m) => m.authorId === h.emu.botUser.id);
    await h.emu.sendMessage({ channelId: id, guildId: GUILD, author: ADMIN, content: 'something older' });
    const reply = await h.emu.waitFor(() => bot()[0], 15_000);
    expect(visibleText(reply as never)).toContain('Updated list');
  });

  it('GIVEN autocomplete then /rate with the chosen id THEN the rating is stored for that user', async () => {
    const ac = await h.run({ type: 'autocomplete', name: 'rate', focused: 'title', options: { title: 'hea' } });
    const choice = (ac.callbacks[0].data.choices as { name: string; value: string }[])[0];
    expect(choice.name).toBe('Heat (1995)');
    const r = await h.run({ type: 'command', name: 'rate', options: { title: choice.value, score: 4.5 }, user: MEMBER });
    expect(visibleText(r.final())).toContain('Rated **Heat (1995)** 4.5★');
  });

  it('GIVEN /privacy delete confirmed THEN nothing of that user is left in the store', async () => {
    const ask = await h.run({ type: 'command', name: 'privacy', subcommand: 'delete', user: MEMBER });
    await h.run({ type: 'button', customId: 'pd:member', messageId: ask.messageId as string, user: MEMBER });
    const left = await app.privacy.export({ scope: GUILD, userId: 'member' });
    expect(left.profile.history).toEqual([]);
    expect(left.profile.ratings).toEqual({});
    expect(left.conversations).toEqual([]);
  });
});
