/**
 * Gemini timing out in the middle of a conversation: that turn is answered by the offline engine with a note
 * saying the LLM was unavailable, the conversation goes on, and the next turn uses the LLM again.
 */
import { describe, expect, it } from 'vitest';
import { engineNote } from '../../../src/present/engine-note.js';
import { caller, idsOf } from '../../helpers/app.js';
import { picking, useGeminiApps } from '../../helpers/gemini-app.js';

const g = useGeminiApps();
const admin = caller('u-admin', 'guild-gemini-timeout');
const me = caller('u-timeout', 'guild-gemini-timeout');

describe('Gemini timing out mid-conversation', () => {
  it('GIVEN an LLM conversation WHEN Gemini stops answering within LLM_TIMEOUT_MS THEN the turn falls back offline with a note, and the next turn is the LLM again', async () => {
    const app = await g.app({ catalog: admin, env: { LLM_TIMEOUT_MS: '600' } });
    g.emu.respond(picking('Candidates', (ids) => ids.slice(0, 4)));
    const first = await app.recommend(me, { text: 'heist movies', count: 4, conversationId: 'gt-1' });
    expect(first.engine).toBe('llm');

    // Every generation call from now on hangs for 5 s: far past the 600 ms deadline, retries included.
    g.emu.fault({ kind: 'slow', ms: 5_000 }, 10);
    const down = await app.refine(me, { conversationId: 'gt-1', text: 'something lighter please, no crime' });
    expect(down.engine).toBe('offline');
    expect(down.offlineReason).toBe('llm-failed');
    expect(down.items.length).toBeGreaterThan(0);
    expect(engineNote(down)).toMatch(/^Offline engine \(LLM unavailable\)/);
    expect(down.conversation?.refinements).toBe(1);

    g.emu.reset();
    g.emu.respond(picking('Other candidates', (ids) => ids.filter((id) => !idsOf(down).includes(id)).slice(0, 4)));
    const back = await app.refine(me, { conversationId: 'gt-1', text: 'swap them all for older ones' });
    expect(back.engine).toBe('llm');
    expect(back.conversation?.refinements).toBe(2);
  }, 60_000);
});
