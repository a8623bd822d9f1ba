/** The cap on one conversation's length (CONVERSATION_MAX_TURNS), through the real services, offline. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../../../src/services.js';
import { appError, caller, makeApp } from '../../helpers/app.js';

describe('conversation length cap', () => {
  let app: AppServices;
  const me = caller('u-cap');
  beforeAll(async () => {
    app = await makeApp({ env: { CONVERSATION_MAX_TURNS: '2' } });
    expect((await app.catalog.starter(me)).applied).toBe(true);
  });
  afterAll(async () => app?.close());

  it('GIVEN CONVERSATION_MAX_TURNS=2 THEN two refinements answer and the third asks for a new /recommend, leaving the list as it was', async () => {
    await app.recommend(me, { text: 'heist movies', conversationId: 'cap-1', count: 3 });
    const first = await app.refine(me, { conversationId: 'cap-1', text: 'no comedy' });
    const second = await app.refine(me, { conversationId: 'cap-1', text: 'something older' });
    expect(first.items.length).toBeGreaterThan(0);
    expect(second.conversation?.refinements).toBe(2);
    const err = await appError(app.refine(me, { conversationId: 'cap-1', text: 'swap the first' }));
    expect(err.code).toBe('conversation.too-long');
    expect(err.message).toContain('Start a new one with `/recommend`');
    // A new conversation starts afresh.
    await app.recommend(me, { text: 'heist movies', conversationId: 'cap-2', count: 3 });
    await expect(app.refine(me, { conversationId: 'cap-2', text: 'no comedy' })).resolves.toBeDefined();
  });
});
