/**
 * App-layer tests with Gemini: one emulator on 127.0.0.1 per test file (reset before each test), and fresh
 * apps (own memory store, own breaker) that talk to it, closed after each test.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { Caller } from '../../src/app/types.js';
import type { AppServices } from '../../src/services.js';
import { startGeminiEmulator, type GeminiEmulator, type GeminiRequest } from '../emulators/gemini.js';
import { makeApp } from './app.js';

/** The small movie catalog (50 items): embedding it through the emulator is cheap. */
export const SMALL_MOVIES = new Uint8Array(readFileSync(new URL('../fixtures/app/movies-small.csv', import.meta.url)));

export interface GeminiApps {
  /** The file's emulator (started before its first test). */
  readonly emu: GeminiEmulator;
  /** Apps made by `app` and not yet closed (closed after each test). */
  readonly opened: AppServices[];
  /**
   * A fresh app with Gemini through the emulator (`env` adds to its settings); with `catalog`, that caller
   * uploads the small movie catalog first, and the emulator is reset so a test counts only its own calls.
   */
  app(o?: { env?: Record<string, string>; catalog?: Caller }): Promise<AppServices>;
}

/** Registers the emulator's set-up and tear-down in the calling test file. */
export function useGeminiApps(): GeminiApps {
  let emu: GeminiEmulator | undefined;
  const opened: AppServices[] = [];
  beforeAll(async () => {
    emu = await startGeminiEmulator({ apiKey: 'test-key' });
  });
  afterAll(() => emu?.close());
  beforeEach(() => emu?.reset());
  afterEach(async () => {
    for (const a of opened.splice(0)) await a.close();
  });
  const started = (): GeminiEmulator => {
    if (!emu) throw new Error('the Gemini emulator is not started yet');
    return emu;
  };
  return {
    get emu() {
      return started();
    },
    opened,
    async app(o = {}) {
      const app = await makeApp({
        env: { LLM_PROVIDER: 'gemini', GEMINI_API_KEY: 'test-key', GEMINI_BASE_URL: started().url, GEMINI_MODEL: 'gemini-test', LLM_TIMEOUT_MS: '1000', ...o.env },
        providerDeps: { retry: { retries: 0 } },
      });
      opened.push(app);
      if (o.catalog) expect((await app.catalog.upload(o.catalog, { bytes: SMALL_MOVIES, filename: 'movies.csv', mode: 'replace' })).applied).toBe(true);
      started().reset(); // count only what the test itself causes
      return app;
    },
  };
}

/** Items of a data block in a prompt ("Candidates", "Other candidates", ...), as the model sees them. */
export function blockItems(prompt: string, label: string): { id: string; tags?: string[] }[] {
  const m = new RegExp(`(?:^|\\n)${label}:\\n<data>\\n(.*?)\\n</data>`, 's').exec(prompt);
  return m ? (JSON.parse(m[1]) as { id: string; tags?: string[] }[]) : [];
}
export const blockIds = (prompt: string, label: string): string[] => blockItems(prompt, label).map((x) => x.id);

/** Answers a pick request with candidates chosen by `choose`, each with a recognisable reason. */
export function picking(label: string, choose: (ids: string[]) => string[], extra: Record<string, unknown> = {}) {
  return (r: GeminiRequest) => ({ json: { picks: choose(blockIds(r.prompt, label)).map((id) => ({ id, reason: `emu says ${id}` })), ...extra } });
}
