import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CommandLoadError, loadCommands, validateCommand } from '../../../src/discord/loader.js';

const good = { data: { name: 'ok', toJSON: () => ({ name: 'ok', description: 'd' }) }, execute: async () => undefined };

describe('command loader', () => {
  it('GIVEN the real commands/ folder THEN every command loads, with the names issue 5 lists', async () => {
    const cmds = await loadCommands(resolve(import.meta.dirname, '../../../commands'));
    expect(cmds.map((c) => c.data.name).sort()).toEqual(
      ['catalog', 'help', 'import', 'next', 'predict', 'privacy', 'rank', 'rate', 'recommend', 'settings', 'similar', 'watched', 'profile', 'vote', 'together', 'match'].sort(),
    );
    for (const c of cmds) {
      const json = c.data.toJSON();
      expect(json.description.length).toBeLessThanOrEqual(100);
      for (const o of json.options ?? []) expect(o.description.length).toBeLessThanOrEqual(100);
    }
  });

  it('GIVEN admin commands THEN they carry Manage Server as default permission and are guild-only', async () => {
    const cmds = await loadCommands(resolve(import.meta.dirname, '../../../commands'));
    for (const name of ['catalog', 'settings']) {
      const json = cmds.find((c) => c.data.name === name)?.data.toJSON();
      expect(json?.default_member_permissions).toBe('32');
      expect(json?.contexts).toEqual([0]);
    }
  });

  it('GIVEN a module without execute THEN the error names the file and the problem', async () => {
    const dir = resolve(import.meta.dirname, 'fixtures');
    await expect(loadCommands(dir)).rejects.toThrow(/Bad command module .*bad-no-execute\.ts: execute must be a function/);
  });

  it('GIVEN a module whose data is not a builder THEN it says a SlashCommandBuilder is expected', () => {
    expect(() => validateCommand({ default: { data: 'recommend', execute: () => 1 } }, 'x.ts')).toThrow(/x\.ts: data must be a SlashCommandBuilder/);
  });

  it('GIVEN a module that fails to import THEN the error names the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tm-cmd-'));
    writeFileSync(join(dir, 'boom.js'), 'throw new Error("kaboom");\n');
    await expect(loadCommands(dir)).rejects.toThrow(/boom\.js: could not be imported: kaboom/);
  });

  it('GIVEN two modules with the same name THEN it refuses the second', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tm-cmd-'));
    writeFileSync(join(dir, 'a.ts'), 'x');
    writeFileSync(join(dir, 'b.ts'), 'x');
    writeFileSync(join(dir, 'c.d.ts'), 'x');
    const err = await loadCommands(dir, async () => ({ default: good })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CommandLoadError);
    expect(String(err)).toMatch(/b\.ts: command name "ok" is already used by .*a\.ts/);
  });

  it('GIVEN a valid module THEN it is returned as is', () => {
    expect(validateCommand({ default: good }, 'ok.ts')).toBe(good);
  });
});
