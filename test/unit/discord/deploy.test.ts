import { describe, expect, it } from 'vitest';
import type { REST } from 'discord.js';
import { deployCommands, parseDeployArgs } from '../../../src/discord/deploy.js';
import type { Command } from '../../../src/discord/types.js';

const commands = [{ data: { name: 'help', toJSON: () => ({ name: 'help', description: 'd' }) }, execute: async () => undefined }] as Command[];

describe('deploy-commands', () => {
  it('GIVEN no token and no app id THEN one error names both and where to find them', async () => {
    await expect(deployCommands({ config: {}, commands })).rejects.toThrow(/DISCORD_TOKEN and DISCORD_APP_ID are not set.*Developer Portal/);
  });

  it('GIVEN --guild ID THEN it PUTs the commands to that guild', async () => {
    const puts: { route: string; body: unknown }[] = [];
    const rest = { put: async (route: string, o: { body: unknown }) => { puts.push({ route, body: o.body }); return o.body; } } as unknown as REST;
    const n = await deployCommands({ config: { DISCORD_TOKEN: 'a.b.c', DISCORD_APP_ID: '123456789012345678' }, commands, guildId: '223456789012345678', rest });
    expect(n).toBe(1);
    expect(puts[0].route).toBe('/applications/123456789012345678/guilds/223456789012345678/commands');
    expect(puts[0].body).toEqual([{ name: 'help', description: 'd' }]);
  });

  it('GIVEN argv THEN --guild is parsed and a bad id is refused', () => {
    expect(parseDeployArgs(['--guild', '223456789012345678'])).toEqual({ guildId: '223456789012345678' });
    expect(parseDeployArgs([])).toEqual({});
    expect(() => parseDeployArgs(['--guild'])).toThrow(/numeric server id/);
  });
});
