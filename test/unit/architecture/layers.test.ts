import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALLOWED, layerOf } from './layers.js';

/**
 * The layering written down in docs/ARCHITECTURE.md, checked: every import in `src/` and `commands/`
 * points to the same layer or one that layer may use, and no files import each other in a cycle.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function files(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Relative imports of a file (static, `export ... from`, dynamic `import()`), as repo paths. */
function importsOf(file: string): string[] {
  const src = readFileSync(join(root, file), 'utf8');
  const specs = [...src.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)['"](\.\.?\/[^'"]+)['"]/g)].map((m) => m[1]);
  return specs.map((s) => relative(root, resolve(root, dirname(file), s)).replace(/\.js$/, '.ts'));
}

const all = [...files('src'), ...files('commands')];
const graph = new Map(all.map((f) => [f, importsOf(f)]));

describe('GIVEN the import graph of src/ and commands/', () => {
  it('THEN every file belongs to a layer', () => {
    expect(all.filter((f) => !layerOf(f))).toEqual([]);
  });

  it('THEN no import points to a layer above or beside its own', () => {
    const wrong: string[] = [];
    for (const [file, deps] of graph) {
      const from = layerOf(file);
      for (const dep of deps) {
        const to = layerOf(dep);
        if (from && to && from !== to && !ALLOWED[from].includes(to)) wrong.push(`${file} (${from}) -> ${dep} (${to})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('THEN the layers named in the architecture hold: recsys has no storage, embedders no LLM, the playground no Discord', () => {
    const reach = (layer: string, other: string) =>
      [...graph].some(([f, deps]) => layerOf(f) === layer && deps.some((d) => layerOf(d) === other));
    expect(reach('recsys', 'store')).toBe(false);
    expect(reach('embed', 'llm')).toBe(false);
    expect(reach('playground', 'discord')).toBe(false);
    expect(reach('domain', 'kit')).toBe(false);
  });

  it('THEN no files import each other in a cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, 'open');
      stack.push(f);
      for (const d of graph.get(f) ?? []) {
        if (!graph.has(d)) continue;
        if (state.get(d) === 'open') cycles.push([...stack.slice(stack.indexOf(d)), d].join(' -> '));
        else if (!state.has(d)) visit(d);
      }
      stack.pop();
      state.set(f, 'done');
    };
    for (const f of all) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  it('THEN every import resolves to a file that exists', () => {
    const missing = [...graph].flatMap(([f, deps]) => deps.filter((d) => !graph.has(d)).map((d) => `${f} -> ${d}`));
    expect(missing).toEqual([]);
  });
});

describe('GIVEN the layer table', () => {
  it('THEN it is a DAG that lets the top reach the bottom', () => {
    const order: string[] = [];
    const seen = new Set<string>();
    const visit = (l: string, path: string[]) => {
      expect(path).not.toContain(l);
      if (seen.has(l)) return;
      for (const d of ALLOWED[l]) visit(d, [...path, l]);
      seen.add(l);
      order.push(l);
    };
    for (const l of Object.keys(ALLOWED)) visit(l, []);
    expect(ALLOWED.root).toContain('discord');
    expect(ALLOWED.domain).toEqual([]);
  });
});
