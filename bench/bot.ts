/**
 * `npm run bench -- bot [--rounds N] [--items N]`: through the Discord emulator with the real discord.js client,
 * time from INTERACTION_CREATE to the first callback (p50, p99) and to the final answer, per command,
 * at 1 and at 50 concurrent users. Services: the in-memory fake by default (over a catalog of --items),
 * or whatever `opts.makeServices` builds (the lead's real composition root).
 */
import type { Services } from '../src/app/types.js';
import type { CatalogItem } from '../src/catalog/types.js';
import { createFakeServices } from '../test/helpers/fake-services.js';
import { answered, startHarness } from '../test/e2e/harness.js';
import type { InteractionInput, InteractionRecord } from '../test/emulators/discord/index.js';
import { fmt, summary, table } from './stats.js';

function arg(args: string[], name: string, dflt: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
}

const CASES: [string, Partial<InteractionInput>][] = [
  ['recommend', { type: 'command', name: 'recommend', options: { request: 'tense heist thriller' } }],
  ['next', { type: 'command', name: 'next' }],
  ['similar', { type: 'command', name: 'similar', options: { title: 'i1' } }],
  ['predict', { type: 'command', name: 'predict', options: { title: 'i2' } }],
  ['rank', { type: 'command', name: 'rank', options: { titles: 'Item 1, Item 2, Item 3, Item 4' } }],
  ['rate', { type: 'command', name: 'rate', options: { title: 'i3', score: 4 } }],
  ['watched list', { type: 'command', name: 'watched', subcommand: 'list' }],
  ['profile', { type: 'command', name: 'profile' }],
  ['help', { type: 'command', name: 'help' }],
  ['autocomplete', { type: 'autocomplete', name: 'rate', focused: 'title', options: { title: 'item 12' } }],
  ['catalog info', { type: 'command', name: 'catalog', subcommand: 'info' }],
];

function syntheticCatalog(n: number): CatalogItem[] {
  const tags = ['heist', 'thriller', 'comedy', 'cozy', 'mystery', 'sci-fi', 'horror', 'family', 'drama', 'romance'];
  return Array.from({ length: n }, (_, k) => ({ id: `i${k}`, title: `Item ${k}`, year: 1950 + (k % 75), tags: [tags[k % 10], tags[(k * 7) % 10]], description: `Synthetic item ${k}` }));
}

const lastAt = (r: InteractionRecord) => Math.max(...r.callbacks.map((c) => c.at), ...r.edits.map((e) => e.at), ...r.followUps.map((f) => f.at));

export async function benchBot(args: string[] = [], opts: { makeServices?: () => Promise<Services> } = {}): Promise<{ command: string; users: number; ack: ReturnType<typeof summary>; final: ReturnType<typeof summary> }[]> {
  const rounds = arg(args, 'rounds', 20);
  const items = arg(args, 'items', 10_000);
  const services = opts.makeServices ? await opts.makeServices() : createFakeServices({ catalog: syntheticCatalog(items) });
  const h = await startHarness({ services, emulator: { users: Array.from({ length: 50 }, (_, k) => ({ id: `u${k}`, username: `user${k}` })) } });
  const rows: Awaited<ReturnType<typeof benchBot>> = [];
  try {
    for (const users of [1, 50]) {
      for (const [label, input] of CASES) {
        const ack: number[] = [];
        const fin: number[] = [];
        const batches = users === 1 ? rounds : Math.max(1, Math.ceil(rounds / 10));
        for (let b = 0; b < batches; b++) {
          const started = await Promise.all(
            Array.from({ length: users }, async (_, k) => {
              const t0 = Date.now();
              const rec = await h.emu.interact({ guildId: 'g1', channelId: 'c1', user: { id: k % 2 ? 'admin' : 'member', username: 'x' }, ...input, ...(label === 'catalog info' ? { user: { id: 'admin', username: 'admin' } } : {}) } as InteractionInput);
              return { t0, rec };
            }),
          );
          // Done = every reply holds its answer (not a defer, placeholder or progress line), then quiet.
          await h.emu.waitFor(() => started.every(({ rec }) => answered(rec)), 60_000);
          await Promise.all(started.map(({ rec }) => rec.settled(100, 30_000)));
          for (const { t0, rec } of started) {
            ack.push(rec.callbacks[0].at - t0);
            fin.push(lastAt(rec) - t0);
          }
        }
        rows.push({ command: label, users, ack: summary(ack), final: summary(fin) });
      }
    }
  } finally {
    await h.close();
    await services.close();
  }
  console.log(`Discord emulator + real discord.js; services: ${opts.makeServices ? 'real' : `fake (${items.toLocaleString('en-US')} items)`}; times in ms`);
  console.log(
    table(
      ['command', 'users', 'n', 'first callback p50', 'p99', 'final answer p50', 'p99'],
      rows.map((r) => [r.command, r.users, r.ack.n, fmt(r.ack.p50, 0), fmt(r.ack.p99, 0), fmt(r.final.p50, 0), fmt(r.final.p99, 0)]),
    ),
  );
  return rows;
}
