/** A follow-up the offline reader cannot read, in a conversation thread, over the real services and the starter catalog. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../../src/services.js';
import { makeApp } from '../helpers/app.js';
import { ADMIN, customIds, listedTitles, refineInThread, startHarness, visibleText, type Harness } from './harness.js';

describe('e2e: a message the bot does not understand, in a thread', () => {
  let h: Harness;
  let app: AppServices;
  beforeAll(async () => {
    app = await makeApp();
    h = await startHarness({ services: app });
    await h.run({ type: 'command', name: 'catalog', subcommand: 'starter' });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await app?.close();
  });

  it('GIVEN a list in a thread WHEN the asker writes "blah blah qwerty" THEN the bot says it did not understand, shows no new list, and the list stays as it was', async () => {
    const r = await h.run({ type: 'command', name: 'recommend', options: { request: 'heist movies' } });
    const titles = listedTitles(r.final());
    expect(titles, 'set-up: a list of 5').toHaveLength(5);
    const id = h.emu.threads().find((t) => t.name === 'Recs for admin: heist movies')?.id as string;
    const shown = (await app.deps.conversations.get(id))?.shown;
    const edits = r.edits.length;
    const patches = h.emu.log.filter((c) => c.method === 'PATCH').length;

    const reply = await refineInThread(h, id, ADMIN, 'blah blah qwerty');
    const text = visibleText(reply);
    expect(text).toContain('I didn’t understand that, so the list stays as it was');
    expect(text).toMatch(/Try “swap the 2nd” or “no horror, after 2000”/);
    expect(text).not.toContain('Updated list');
    expect(listedTitles(reply)).toEqual([]);
    expect(customIds(reply as never)).toEqual([]);

    // the list message is neither edited nor replaced, and the conversation still shows the same list
    expect(r.edits).toHaveLength(edits);
    expect(h.emu.log.filter((c) => c.method === 'PATCH')).toHaveLength(patches);
    expect(listedTitles(r.final())).toEqual(titles);
    expect((await app.deps.conversations.get(id))?.shown).toEqual(shown);

    // and the next message that is understood refines that same list
    const next = await refineInThread(h, id, ADMIN, 'swap the second one');
    expect(listedTitles(next)).toHaveLength(5);
    expect(listedTitles(next).filter((t, i) => i !== 1)).toEqual(titles.filter((t, i) => i !== 1));
  });
});
