import { describe, expect, it } from 'vitest';
import { isPersonal, REASON_TRAITS, type Reason, type ReasonKind } from '../../../src/domain/reason.js';
import { modelReason } from '../../../src/llm/model-reason.js';
import { reasonText } from '../../../src/present/reason-text.js';

/** One reason of every kind, with its private text and its text in a public list. Keyed by kind: a new kind must be added here. */
const EVERY: Record<ReasonKind, { reason: Reason; text: string; publicText: string }> = {
  request: { reason: { kind: 'request' }, text: 'close to your request', publicText: 'close to your request' },
  similar: { reason: { kind: 'similar', itemId: 'm1', title: 'The Matrix (1999)' }, text: 'similar to The Matrix (1999)', publicText: 'similar to The Matrix (1999)' },
  liked: { reason: { kind: 'liked', itemId: 'm2', title: "Ocean's 11" }, text: "because you liked Ocean's 11", publicText: "similar to Ocean's 11" },
  rated: { reason: { kind: 'rated', itemId: 'm3', title: 'Heat', value: 4.5 }, text: 'because you rated Heat 4.5', publicText: 'similar to Heat' },
  'co-watched': { reason: { kind: 'co-watched', itemId: 'm4', title: 'Up' }, text: 'people who watched Up also watched this', publicText: 'often watched with Up' },
  after: { reason: { kind: 'after', itemId: 'm5', title: 'Alien' }, text: 'often watched after Alien', publicText: 'often watched after Alien' },
  popular: { reason: { kind: 'popular' }, text: 'a crowd favourite', publicText: 'a crowd favourite' },
  listed: { reason: { kind: 'listed' }, text: 'on your list', publicText: 'on your list' },
  kept: { reason: { kind: 'kept' }, text: 'still on your list', publicText: 'still on your list' },
  picked: { reason: { kind: 'picked' }, text: 'picked for you', publicText: 'picked for you' },
  'offline-rank': { reason: { kind: 'offline-rank' }, text: 'ranked by the offline engine', publicText: 'ranked by the offline engine' },
  predicted: { reason: { kind: 'predicted', value: 4 }, text: 'predicted 4', publicText: 'predicted 4' },
  'llm-predicted': { reason: { kind: 'llm-predicted', value: 3.5 }, text: 'LLM predicts 3.5', publicText: 'LLM predicts 3.5' },
  'llm-ranked': { reason: { kind: 'llm-ranked', method: 'pairwise', predicted: 3.5 }, text: 'LLM pairwise rank; predicted 3.5', publicText: 'LLM pairwise rank; predicted 3.5' },
  'group-fit': { reason: { kind: 'group-fit', love: 3, like: 0, lukewarm: 1, neutral: 0 }, text: '3 love it, 1 is lukewarm', publicText: '3 love it, 1 is lukewarm' },
  llm: { reason: { kind: 'llm', text: 'a slow-burn heist with a twist', personal: false }, text: 'a slow-burn heist with a twist', publicText: 'a slow-burn heist with a twist' },
};

describe('reasonText', () => {
  it('GIVEN a reason of every kind THEN each renders its text, privately and in a public list', () => {
    expect(Object.keys(EVERY).sort()).toEqual(Object.keys(REASON_TRAITS).sort());
    for (const [kind, x] of Object.entries(EVERY)) {
      expect(x.reason.kind).toBe(kind);
      expect(reasonText(x.reason, { public: false }), kind).toBe(x.text);
      expect(reasonText(x.reason, { public: true }), kind).toBe(x.publicText);
    }
  });

  it('GIVEN a personal reason in a public list THEN it names the film without the rating or the asker: "similar to X" for taste, "often watched with/after X" for what members watch together', () => {
    const personal = Object.values(EVERY).filter((x) => isPersonal(x.reason));
    expect(personal.map((x) => x.reason.kind).sort()).toEqual(['after', 'co-watched', 'liked', 'rated']);
    for (const { reason } of personal) {
      const shown = reasonText(reason, { public: true });
      expect(shown).toContain((reason as { title: string }).title);
      expect(shown).not.toMatch(/\byou\b|\byour\b|4\.5/);
    }
    expect(reasonText({ kind: 'rated', itemId: 'm9', title: 'Blade Runner 2049', value: 5 }, { public: true })).toBe('similar to Blade Runner 2049');
    expect(reasonText({ kind: 'co-watched', itemId: 'm8', title: 'The Godfather' }, { public: true })).toBe('often watched with The Godfather');
  });

  it('GIVEN reasons that name no history THEN a public list shows them as they are', () => {
    for (const { reason, text } of Object.values(EVERY).filter((x) => !isPersonal(x.reason))) expect(reasonText(reason, { public: true })).toBe(text);
  });
});

describe('the model\'s own reasons', () => {
  it('GIVEN model text that speaks of the asker\'s ratings or history THEN it is personal, shown privately, replaced by a neutral reason in public', () => {
    for (const text of [
      'You gave Heat five stars, so this fits',
      'matches your watch history of crime films',
      'because you rated Heat 4.5',
      'because you liked Heat',
      'often watched after Heat',
      'people who watched Heat also watched this',
    ]) {
      const r = modelReason(text);
      expect(r, text).toEqual({ kind: 'llm', text, personal: true });
      expect(reasonText(r, { public: false })).toBe(text);
      expect(reasonText(r, { public: true })).toBe('close to the request');
    }
  });

  it('GIVEN model text that names no history THEN it stays as it is in public', () => {
    for (const text of ['a slow-burn heist with a twist', 'Mann, night, tension', 'fans of Heat will love it']) {
      expect(isPersonal(modelReason(text)), text).toBe(false);
      expect(reasonText(modelReason(text), { public: true })).toBe(text);
    }
  });
});
