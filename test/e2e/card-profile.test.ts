import { loadImage } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeServices, type FakeServices } from '../helpers/fake-services.js';
import { ADMIN, GUILD, MEMBER, replyFiles, startHarness, visibleText, type Harness } from './harness.js';

describe('e2e: /profile with its PNG card', () => {
  let h: Harness;
  let sv: FakeServices;
  beforeAll(async () => {
    sv = createFakeServices();
    h = await startHarness({ services: sv });
  });
  afterAll(async () => h?.close());

  it('GIVEN a member with ratings THEN /profile is private, keeps the text embed, and attaches a 1200x630 PNG shown as the embed image with alt text', async () => {
    await h.run({ type: 'command', name: 'rate', options: { title: 'm1', score: 4.5 }, user: MEMBER });
    await h.run({ type: 'command', name: 'rate', options: { title: 'm5', score: 3 }, user: MEMBER });
    const r = await h.run({ type: 'command', name: 'profile', user: MEMBER });
    const final = r.final();
    expect(final.flags & 64).toBe(64);
    expect(visibleText(final)).toContain('Your taste profile');
    expect(visibleText(final)).toContain('Rated\n2');
    const [file] = replyFiles(r);
    expect(file?.name).toBe('profile-card.png');
    const img = await loadImage(Buffer.from(file!.bytes));
    expect({ w: img.width, h: img.height }).toEqual({ w: 1200, h: 630 });
    expect(final.embeds[0].image.url).toBe('attachment://profile-card.png');
    const sentWith = (r.edits.at(-1)?.body ?? r.callbacks[0].data) as { attachments?: { description?: string }[] };
    expect(sentWith.attachments?.[0]?.description).toMatch(/^Taste profile card: \d+ watched, 2 rated, mean rating 3\.8 of 5/);
  });

  it('GIVEN a server pick from a vote THEN /profile names it; a member with nothing yet still gets a card', async () => {
    await sv.votes.opened({ scope: GUILD, userId: 'admin' }, { pollId: 'p1', channelId: 'c1', plan: { items: [sv.catalogs.get(GUILD)![2], sv.catalogs.get(GUILD)![3]], hours: 1 } });
    await sv.votes.close(GUILD, { pollId: 'p1', counts: [0, 2] });
    const r = await h.run({ type: 'command', name: 'profile', user: ADMIN });
    expect(visibleText(r.final())).toContain("Server's pick\nThe Italian Job (1969) (2 of 2 votes)");
    expect(replyFiles(r)[0]?.bytes.byteLength).toBeGreaterThan(1000);
  });
});
