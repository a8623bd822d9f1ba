/**
 * Follow-ups with the LLM on (Gemini emulator on 127.0.0.1): what the rules could not read goes to the
 * model, which rewrites the list; what the rules settle alone (thanks, a question, undo) costs no call.
 */
import { describe, expect, it } from 'vitest';
import { messageFor } from '../../../src/app/messages.js';

import type { AppServices } from '../../../src/services.js';
import { caller, idsOf } from '../../helpers/app.js';
import { picking as pickingWith, useGeminiApps } from '../../helpers/gemini-app.js';

const NOT_UNDERSTOOD_TEXT = messageFor('refine.not-understood');

const g = useGeminiApps();
const admin = caller('u-admin', 'guild-turns-llm');
const me = caller('u-turns-llm', 'guild-turns-llm');
const llmApp = () => g.app({ catalog: admin });
const picking = (label: string, choose: (ids: string[]) => string[]) => pickingWith(label, choose, { comment: 'read it' });

/** A conversation whose first list the model picked from the candidates. */
async function opened4(app: AppServices, id: string) {
  g.emu.respond(picking('Candidates', (ids) => ids.slice(0, 4)));
  const first = await app.recommend(me, { text: 'heist movies', count: 4, conversationId: id });
  expect(first.engine).toBe('llm');
  g.emu.reset();
  return first;
}

describe('refinement turns with the LLM on', () => {
  it('GIVEN a message the rules cannot read THEN the model reads it in one call and its list is shown, with no "did not understand"', async () => {
    const app = await llmApp();
    const first = await opened4(app, 'turns-llm-1');
    const prompts: string[] = [];
    g.emu.respond((q) => {
      prompts.push(q.prompt);
      // the model's answer: four candidates that were not on the list
      return picking('Other candidates', (ids) => ids.filter((id) => !idsOf(first).includes(id)).slice(0, 4))(q);
    });
    const r = await app.refine(me, { conversationId: 'turns-llm-1', text: 'blah blah qwerty' });
    expect(g.emu.counts.generateContent).toBe(1);
    expect(prompts[0]).toContain('blah blah qwerty');
    expect(r.engine).toBe('llm');
    expect(r.replies ?? []).toEqual([]);
    expect(r.listChanged).toBe(true);
    expect(idsOf(r)).not.toEqual(idsOf(first));
    // what the model did can be undone, without a call
    const back = await app.refine(me, { conversationId: 'turns-llm-1', text: 'undo' });
    expect(idsOf(back)).toEqual(idsOf(first));
    expect(g.emu.counts.generateContent).toBe(1);
  });

  it('GIVEN the model fails on a message the rules cannot read THEN the list stays and the bot says it did not understand', async () => {
    const app = await llmApp();
    const first = await opened4(app, 'turns-llm-2');
    g.emu.fault({ kind: '500' });
    const r = await app.refine(me, { conversationId: 'turns-llm-2', text: 'blah blah qwerty' });
    expect(r).toMatchObject({ engine: 'offline', offlineReason: 'llm-failed', listChanged: false });
    expect(r.replies).toEqual([{ code: 'refine.not-understood', text: NOT_UNDERSTOOD_TEXT }]);
    expect(idsOf(r)).toEqual(idsOf(first));
  });

  it.each([
    ['thanks!', 'refine.thanks'],
    ['2', 'refine.ask-position'],
  ])('GIVEN "%s" THEN no model call is made and the list stays, with the reply %s', async (text, code) => {
    const app = await llmApp();
    const first = await opened4(app, `turns-llm-${code}`);
    const r = await app.refine(me, { conversationId: `turns-llm-${code}`, text });
    expect(g.emu.counts.generateContent).toBe(0);
    expect(r.replies?.map((x) => x.code)).toEqual([code]);
    expect(r.listChanged).toBe(false);
    expect(idsOf(r)).toEqual(idsOf(first));
  });
});
