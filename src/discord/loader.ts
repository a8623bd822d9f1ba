import { errorMessage } from '../kit/index.js';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { Command } from './types.js';

const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', { message: 'must be a function' });

const commandSchema = z.object({
  data: z.object({
    name: z.string().regex(/^[\w-]{1,32}$/, { message: 'must be 1-32 lowercase letters, digits, - or _' }),
    toJSON: fn,
  }, { message: 'must be a SlashCommandBuilder (an object with name and toJSON)' }),
  execute: fn,
  autocomplete: fn.optional(),
  components: z
    .array(z.object({ prefix: z.string().regex(/^[a-z]{1,8}$/, { message: 'must be 1-8 lowercase letters' }), handle: fn }))
    .optional(),
});

export class CommandLoadError extends Error {
  constructor(readonly file: string, detail: string) {
    super(`Bad command module ${file}: ${detail}`);
    this.name = 'CommandLoadError';
  }
}

/** Checks one module's shape; throws one clear error naming the file and every problem. */
export function validateCommand(mod: unknown, file: string): Command {
  const candidate = mod && typeof mod === 'object' && 'default' in mod ? (mod as { default: unknown }).default : mod;
  const r = commandSchema.safeParse(candidate);
  if (!r.success) {
    const problems = r.error.issues.map((i) => `${i.path.join('.') || 'export default'} ${i.message}`).join('; ');
    throw new CommandLoadError(file, `${problems} (expected \`export default { data, execute } satisfies Command\`)`);
  }
  const json = (candidate as Command).data.toJSON();
  if (json.name !== (candidate as Command).data.name) throw new CommandLoadError(file, 'data.toJSON().name differs from data.name');
  return candidate as Command;
}

/** Discovers `commands/*.ts|js` at run time (not `.d.ts`, not `*.test.*`), in name order. */
/** `commands/` at the project root, from `src/discord/` (tsx) or `dist/src/discord/` (built, next to `dist/commands/`). */
export const COMMANDS_DIR = fileURLToPath(new URL('../../commands/', import.meta.url));

export async function loadCommands(dir = COMMANDS_DIR, importer: (url: string) => Promise<unknown> = (u) => import(u)): Promise<Command[]> {
  const files = (await readdir(dir)).filter((f) => /\.(ts|js|mjs)$/.test(f) && !/\.d\.ts$|\.test\./.test(f)).sort();
  const out: Command[] = [];
  const names = new Map<string, string>();
  for (const f of files) {
    const path = join(dir, f);
    let mod: unknown;
    try {
      mod = await importer(pathToFileURL(path).href);
    } catch (e) {
      throw new CommandLoadError(path, `could not be imported: ${errorMessage(e)}`);
    }
    const cmd = validateCommand(mod, path);
    const dup = names.get(cmd.data.name);
    if (dup) throw new CommandLoadError(path, `command name "${cmd.data.name}" is already used by ${dup}`);
    names.set(cmd.data.name, path);
    out.push(cmd);
  }
  return out;
}
