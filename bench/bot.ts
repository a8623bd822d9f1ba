/**
 * `npm run bench -- bot [--offline | --fake] [--rounds N] [--items N]`: through the Discord emulator with the
 * real discord.js client, time from INTERACTION_CREATE to the first callback (p50, p99) and to the final answer,
 * per command, at 1 and at 50 concurrent users.
 *
 * Services, by default the REAL composition root (`createServices`): memory store, Gemini configured against
 * the Gemini emulator at 0 ms latency (so catalog embeddings are the emulator's too), a 10,000-item catalog
 * (the starter catalog plus synthetic rows) uploaded through `services.catalog.upload` before measuring, the
 * LLM response cache off (every list is a generation call) and budgets high enough not to interfere.
 * `--offline`: the same without an LLM (local embedder, offline engine). `--fake`: the in-memory fake services.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Services } from '../src/app/types.js';
import type { CatalogItem } from '../src/domain/item.js';
import { parseConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { createServices, type AppServices } from '../src/services.js';
import { createFakeServices } from '../test/helpers/fake-services.js';
import { answered, startHarness, visibleText } from '../test/e2e/harness.js';
import type { InteractionInput, InteractionRecord } from '../test/emulators/discord/index.js';
import { startGeminiEmulator, type GeminiAnswer, type GeminiEmulator, type GeminiRequest } from '../test/emulators/gemini.js';
import { fmt, summary, table } from './stats.js';

type Mode = 'llm' | 'offline' | 'fake';
type Row = { command: string; users: number; ack: ReturnType<typeof summary>; final: ReturnType<typeof summary>; errors: number };

const BOT_USAGE = 'usage: npm run bench -- bot [--offline | --fake] [--rounds N] [--items N]';

/** `--name N` as a positive integer, `dflt` when absent; throws with the usage line when the value is missing or not one. */
function arg(args: string[], name: string, dflt: number): number {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return dflt;
  const raw = args[i + 1];
  const n = raw === undefined || raw.startsWith('--') ? NaN : Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} needs a whole number of at least 1${raw === undefined || raw.startsWith('--') ? '' : ` (got "${raw}")`}\n${BOT_USAGE}`);
  return n;
}

const GUILD = 'g1';
const ADMIN = { id: 'admin', username: 'admin' };
const USERS = Array.from({ length: 50 }, (_, k) => ({ id: `u${k}`, username: `user${k}` }));
const STARTER = fileURLToPath(new URL('../data/starter-movies.csv', import.meta.url));

/** The commands measured; ids differ between the fake's catalog and the starter catalog. */
function cases(mode: Mode): [string, Partial<InteractionInput>][] {
  const id = mode === 'fake' ? { similar: 'i1', predict: 'i2', rate: 'i3' } : { similar: 'ml-6', predict: 'ml-2571', rate: 'ml-1' };
  const rankTitles = mode === 'fake' ? 'Item 1, Item 2, Item 3, Item 4' : 'Heat, Toy Story, The Matrix, Ronin';
  return [
    ['recommend', { type: 'command', name: 'recommend', options: { request: 'tense heist thriller' } }],
    ['next', { type: 'command', name: 'next' }],
    ['similar', { type: 'command', name: 'similar', options: { title: id.similar } }],
    ['predict', { type: 'command', name: 'predict', options: { title: id.predict } }],
    ['rank', { type: 'command', name: 'rank', options: { titles: rankTitles } }],
    ['rate', { type: 'command', name: 'rate', options: { title: id.rate, score: 4 } }],
    ['watched list', { type: 'command', name: 'watched', subcommand: 'list' }],
    ['profile', { type: 'command', name: 'profile' }],
    ['help', { type: 'command', name: 'help' }],
    ['autocomplete', { type: 'autocomplete', name: 'rate', focused: 'title', options: { title: mode === 'fake' ? 'item 12' : 'hea' } }],
    ['catalog info', { type: 'command', name: 'catalog', subcommand: 'info' }],
  ];
}

function syntheticCatalog(n: number): CatalogItem[] {
  const tags = ['heist', 'thriller', 'comedy', 'cozy', 'mystery', 'sci-fi', 'horror', 'family', 'drama', 'romance'];
  return Array.from({ length: n }, (_, k) => ({ id: `i${k}`, title: `Item ${k}`, year: 1950 + (k % 75), tags: [tags[k % 10], tags[(k * 7) % 10]], description: `Synthetic item ${k}` }));
}

/** The starter catalog (9,742 rows) topped up with synthetic rows to `items`, as one CSV file. */
function catalogCsv(items: number): { bytes: Uint8Array; rows: number } {
  const starter = readFileSync(STARTER, 'utf8').trimEnd().split('\n');
  const extra = syntheticCatalog(Math.max(0, items - (starter.length - 1))).map(
    (it) => `bench-${it.id},Bench Film ${it.id.slice(1)},${it.year},${it.tags?.join('|')},A synthetic film about ${it.tags?.join(' and ')}`,
  );
  const lines = [...starter, ...extra].slice(0, items + 1);
  return { bytes: new TextEncoder().encode(`${lines.join('\n')}\n`), rows: lines.length - 1 };
}

/** Answers like a cooperative model, at once: ids read back from the prompt's own data blocks. */
export function cooperativeModel(r: GeminiRequest): GeminiAnswer {
  const block = (label: string) => {
    const m = new RegExp(`${label}:\\n<data>\\n(.*?)\\n</data>`, 's').exec(r.prompt);
    return m ? (JSON.parse(m[1]) as { id: string }[]) : [];
  };
  const required = ((r.body.generationConfig as { responseSchema?: { required?: string[] } } | undefined)?.responseSchema?.required ?? []).join(',');
  const count = Number(/(?:Choose|Return|Choose the next) (\d+)/.exec(r.prompt)?.[1] ?? 5);
  if (required.includes('order')) return { json: { order: block('Candidates').map((c) => c.id).reverse() } };
  if (required.includes('better')) return { json: { better: r.prompt.length % 2 ? 'A' : 'B' } };
  if (required.includes('why')) return { json: { rating: 4, why: 'close to your top-rated crime films' } };
  if (required === 'rating') return { json: { rating: 3.5 } };
  if (required.includes('titles')) return { json: { titles: [] } };
  const cands = [...block('The list shown now, in order'), ...block('Other candidates'), ...block('Candidates')];
  const picks = cands.slice(0, count).map((c) => ({ id: c.id, reason: 'fits the request and your recent favourites' }));
  return { json: required.includes('comment') ? { picks, comment: 'swapped one' } : { picks } };
}

interface Setup {
  services: Services;
  describe: string;
  gemini?: GeminiEmulator;
  close(): Promise<void>;
}

/** The real services with a 10,000-item catalog uploaded and a little history for every bench user. */
async function realServices(mode: 'llm' | 'offline', items: number): Promise<Setup> {
  const gemini = mode === 'llm' ? await startGeminiEmulator({ latencyMs: 0 }) : undefined;
  gemini?.respond(cooperativeModel);
  const env: Record<string, string> = {
    STORE_URL: 'memory://',
    LOG_LEVEL: 'silent',
    LLM_PROVIDER: gemini ? 'gemini' : 'none',
    LLM_CACHE_TTL_S: '0',
    USER_DAILY_LLM_CALLS: '1000000',
    SERVER_DAILY_LLM_CALLS: '10000000',
    USER_DAILY_LLM_TOKENS: '1000000000',
    SERVER_DAILY_LLM_TOKENS: '1000000000',
    ...(gemini ? { GEMINI_API_KEY: gemini.apiKey, GEMINI_BASE_URL: gemini.url } : {}),
  };
  const app: AppServices = await createServices(parseConfig(env), { logger: createLogger('silent'), retrainDelayMs: 0 });
  const csv = catalogCsv(items);
  const t0 = Date.now();
  const report = await app.catalog.upload({ scope: GUILD, userId: ADMIN.id }, { bytes: csv.bytes, filename: 'bench-catalog.csv', mode: 'replace' });
  const uploadMs = Date.now() - t0;
  if (!report.applied) throw new Error(`bench set-up: the catalog upload was not applied (${report.rejected} rejected)`);
  // Some history for everyone, so /next, /predict and /profile do real work.
  const liked = ['ml-6', 'ml-1917', 'ml-4963', 'ml-50', 'ml-1089'];
  for (const u of [...USERS, ADMIN]) for (const [k, id] of liked.entries()) await app.rate({ scope: GUILD, userId: u.id }, id, 5 - (k % 3) * 0.5);
  await app.deps.engines.settle(GUILD);
  const embedRequests = gemini ? gemini.counts.batchEmbedContents + gemini.counts.embedContent : 0;
  gemini?.reset();
  gemini?.respond(cooperativeModel);
  const describe = [
    `real services (${mode === 'llm' ? 'Gemini emulator at 0 ms, response cache off' : 'offline engine, no LLM'}), memory store`,
    `catalog: ${csv.rows.toLocaleString('en-US')} rows uploaded in ${(uploadMs / 1000).toFixed(1)} s (${report.added.toLocaleString('en-US')} added, ${embedRequests} embedding requests)`,
  ].join('; ');
  return {
    services: app,
    describe,
    gemini,
    async close() {
      await app.close();
      await gemini?.close();
    },
  };
}

const lastAt = (r: InteractionRecord) => Math.max(...r.callbacks.map((c) => c.at), ...r.edits.map((e) => e.at), ...r.followUps.map((f) => f.at));

export async function benchBot(args: string[] = [], opts: { makeServices?: () => Promise<Services> } = {}): Promise<Row[]> {
  let rounds: number;
  let items: number;
  try {
    rounds = arg(args, 'rounds', 20);
    items = arg(args, 'items', 10_000);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  }
  const mode: Mode = opts.makeServices || args.includes('--fake') ? 'fake' : args.includes('--offline') ? 'offline' : 'llm';
  let setup: Setup;
  if (opts.makeServices) {
    const services = await opts.makeServices();
    setup = { services, describe: 'services from opts.makeServices', close: () => services.close() };
  } else if (mode === 'fake') {
    const services = createFakeServices({ catalog: syntheticCatalog(items) });
    setup = { services, describe: `fake services (${items.toLocaleString('en-US')} items)`, close: () => services.close() };
  } else setup = await realServices(mode, items);
  const h = await startHarness({ services: setup.services, emulator: { users: USERS } });
  const rows: Row[] = [];
  const started = Date.now();
  /** Replies that are an error message (⚠️) instead of an answer: counted, so a fast failure cannot pass for speed. */
  const isError = (rec: InteractionRecord) => /^⚠️/.test(visibleText(rec.final()));
  try {
    // Warm-up, not measured: each command once (first index builds, first thread, JIT).
    for (const [, input] of cases(mode)) {
      const rec = await h.emu.interact({ guildId: GUILD, channelId: 'c1', user: ADMIN, ...input } as InteractionInput);
      await h.emu.waitFor(() => answered(rec), 60_000);
    }
    for (const users of [1, 50]) {
      for (const [label, input] of cases(mode)) {
        const ack: number[] = [];
        const fin: number[] = [];
        let errors = 0;
        const batches = users === 1 ? rounds : Math.max(1, Math.ceil(rounds / 10));
        for (let b = 0; b < batches; b++) {
          const inFlight = await Promise.all(
            Array.from({ length: users }, async (_, k) => {
              // The fake knows admin and member; the real services have history for u0..u49. Catalog info needs Manage Server.
              const user = label === 'catalog info' ? ADMIN : mode === 'fake' ? (k % 2 ? ADMIN : { id: 'member', username: 'member' }) : USERS[(b + k) % USERS.length];
              const t0 = Date.now();
              const rec = await h.emu.interact({ guildId: GUILD, channelId: 'c1', user, ...input } as InteractionInput);
              return { t0, rec };
            }),
          );
          // Done = every reply holds its answer (not a defer, placeholder or progress line), then quiet.
          await h.emu.waitFor(() => inFlight.every(({ rec }) => answered(rec)), 60_000);
          await Promise.all(inFlight.map(({ rec }) => rec.settled(100, 30_000)));
          for (const { t0, rec } of inFlight) {
            ack.push(rec.callbacks[0].at - t0);
            fin.push(lastAt(rec) - t0);
            if (isError(rec)) errors++;
          }
        }
        rows.push({ command: label, users, ack: summary(ack), final: summary(fin), errors });
      }
    }
  } finally {
    await h.close();
    await setup.close();
  }
  const calls = setup.gemini ? `; ${setup.gemini.counts.generateContent.toLocaleString('en-US')} generateContent calls while measuring` : '';
  console.log(`Discord emulator + real discord.js; ${setup.describe}${calls}; measured in ${((Date.now() - started) / 1000).toFixed(0)} s after a warm-up pass; times in ms`);
  console.log(
    table(
      ['command', 'users', 'n', 'first callback p50', 'p99', 'final answer p50', 'p99', 'error replies'],
      rows.map((r) => [r.command, r.users, r.ack.n, fmt(r.ack.p50, 0), fmt(r.ack.p99, 0), fmt(r.final.p50, 0), fmt(r.final.p99, 0), r.errors]),
    ),
  );
  return rows;
}
