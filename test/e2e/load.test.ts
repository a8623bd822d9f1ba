import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeServices } from '../helpers/fake-services.js';
import { ADMIN, MEMBER, startHarness, visibleText, type Harness } from './harness.js';
import type { InteractionInput } from '../emulators/discord/index.js';

describe('e2e: load', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ services: createFakeServices() });
  });
  afterAll(async () => h?.close());

  it('GIVEN 50 interactions at once THEN every one is acknowledged within 3 seconds and answered', async () => {
    const mix: Partial<InteractionInput>[] = [
      { type: 'command', name: 'recommend', options: { request: 'heist movies' } },
      { type: 'command', name: 'next' },
      { type: 'command', name: 'rate', options: { title: 'm1', score: 4 } },
      { type: 'command', name: 'similar', options: { title: 'm2' } },
      { type: 'command', name: 'help' },
      { type: 'command', name: 'profile' },
      { type: 'command', name: 'predict', options: { title: 'm3' } },
      { type: 'autocomplete', name: 'rate', focused: 'title', options: { title: 'he' } },
      { type: 'command', name: 'rank', options: { titles: 'Heat, Alien, Up' } },
      { type: 'command', name: 'watched', subcommand: 'list' },
    ];
    const records = await Promise.all(
      Array.from({ length: 50 }, (_, k) => h.emu.interact({ guildId: 'g1', channelId: 'c1', user: k % 2 ? ADMIN : MEMBER, ...mix[k % mix.length] } as InteractionInput)),
    );
    // The 3-second bound is the acceptance criterion for acknowledgement, not a speed measurement.
    await Promise.all(records.map((r) => r.acknowledged(3000)));
    await Promise.all(records.map((r) => r.settled(150, 10_000)));
    for (const r of records) {
      const text = visibleText(r.final()) || JSON.stringify(r.callbacks[0]?.data?.choices ?? '');
      expect(text).not.toContain('Sorry, something went wrong');
      expect(text.length).toBeGreaterThan(0);
    }
  });
});
