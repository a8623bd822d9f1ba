import { errorMessage } from '../kit/index.js';
import { REST, Routes } from 'discord.js';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../config.js';
import { loadCommands } from './loader.js';
import type { Command } from './types.js';

export interface DeployOptions {
  config: Pick<Config, 'DISCORD_TOKEN' | 'DISCORD_APP_ID' | 'DISCORD_API_URL'>;
  commands: Command[];
  guildId?: string;
  rest?: REST;
}

/** Registers every command, globally or in one guild (instant, for development). Returns how many. */
export async function deployCommands(o: DeployOptions): Promise<number> {
  const missing = (['DISCORD_TOKEN', 'DISCORD_APP_ID'] as const).filter((k) => !o.config[k]);
  if (missing.length) {
    throw new Error(
      `Cannot deploy commands: ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set. ` +
        'Copy them from the Discord Developer Portal (Bot > Reset Token; General Information > Application ID) into .env.',
    );
  }
  const rest = o.rest ?? new REST({ ...(o.config.DISCORD_API_URL ? { api: o.config.DISCORD_API_URL } : {}) }).setToken(o.config.DISCORD_TOKEN as string);
  const body = o.commands.map((c) => c.data.toJSON());
  const appId = o.config.DISCORD_APP_ID as string;
  const route = o.guildId ? Routes.applicationGuildCommands(appId, o.guildId) : Routes.applicationCommands(appId);
  const res = (await rest.put(route, { body })) as unknown[];
  return Array.isArray(res) ? res.length : body.length;
}

export function parseDeployArgs(argv: string[]): { guildId?: string } {
  const i = argv.indexOf('--guild');
  if (i < 0) return {};
  const id = argv[i + 1];
  if (!id || !/^\d{17,20}$/.test(id)) throw new Error('--guild needs a numeric server id, e.g. --guild 123456789012345678');
  return { guildId: id };
}

async function main(): Promise<void> {
  const { guildId } = parseDeployArgs(process.argv.slice(2));
  const config = await loadConfig();
  const commands = await loadCommands();
  const n = await deployCommands({ config, commands, guildId });
  console.log(`Registered ${n} commands ${guildId ? `in server ${guildId} (available now)` : 'globally (may take up to an hour to appear)'}.`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e: unknown) => {
    console.error(errorMessage(e));
    process.exitCode = 1;
  });
}
