import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeServices } from '../helpers/fake-services.js';
import { startHarness, visibleText, type Harness } from './harness.js';

describe('smoke', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ services: createFakeServices() });
  });
  afterAll(async () => h?.close());
  it('help', async () => {
    const r = await h.run({ type: 'command', name: 'help' });
    expect(visibleText(r.final())).toContain('/recommend');
  });
});
