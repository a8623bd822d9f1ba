import { expect, it } from 'vitest';
import { describeStores } from '../../helpers/store.js';
import { SettingsRepo } from '../../../src/store/settings.js';

const DEFAULTS = { llm: true, dailyCalls: 200, channel: '' as string };

describeStores('SettingsRepo', (ctx) => {
  it('GIVEN nothing stored THEN get returns the defaults', async () => {
    expect(await new SettingsRepo(ctx.store).get('5', DEFAULTS)).toEqual(DEFAULTS);
  });

  it('GIVEN patches THEN they merge over the defaults and null goes back to the default', async () => {
    const repo = new SettingsRepo(ctx.store);
    await repo.set('5', { llm: false }, DEFAULTS);
    expect(await repo.set('5', { dailyCalls: 10 }, DEFAULTS)).toEqual({ llm: false, dailyCalls: 10, channel: '' });
    await repo.set('5', { llm: null }, DEFAULTS);
    expect(await repo.get('5', DEFAULTS)).toEqual({ llm: true, dailyCalls: 10, channel: '' });
    expect(await repo.get('6', DEFAULTS)).toEqual(DEFAULTS);
  });

  it('GIVEN concurrent patches of different settings THEN none is lost, and reset clears them', async () => {
    const repo = new SettingsRepo(ctx.store);
    await Promise.all([repo.set('5', { llm: false }, DEFAULTS), repo.set('5', { dailyCalls: 1 }, DEFAULTS), repo.set('5', { channel: 'c' }, DEFAULTS)]);
    expect(await repo.get('5', DEFAULTS)).toEqual({ llm: false, dailyCalls: 1, channel: 'c' });
    expect(await repo.reset('5')).toBe(true);
    expect(await repo.get('5', DEFAULTS)).toEqual(DEFAULTS);
  });
});
