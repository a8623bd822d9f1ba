/**
 * The layers of the code, bottom to top, and which layers each may import (docs/ARCHITECTURE.md).
 * A layer always may import its own files. Change this table and the document together.
 */
export const LAYERS: Record<string, string[]> = {
  domain: ['src/domain/'],
  kit: ['src/kit/'],
  platform: ['src/config.ts', 'src/log.ts'],
  catalog: ['src/catalog/'],
  store: ['src/store/'],
  embed: ['src/embed/'],
  recsys: ['src/recsys/'],
  llm: ['src/llm/'],
  tmdb: ['src/tmdb/'],
  engine: ['src/engine/'],
  app: ['src/app/'],
  present: ['src/present/'],
  discord: ['src/discord/'],
  playground: ['src/playground/'],
  ops: ['src/ops/'],
  commands: ['commands/'],
  root: ['src/services.ts', 'src/start.ts', 'src/index.ts', 'src/playground/main.ts', 'src/shard/'],
};

const base = ['domain', 'kit', 'platform'];
const belowEngine = [...base, 'catalog', 'store', 'embed', 'recsys', 'llm'];

export const ALLOWED: Record<string, string[]> = {
  domain: [],
  kit: ['domain'],
  platform: ['domain', 'kit'],
  catalog: base,
  store: [...base, 'catalog'],
  embed: base,
  recsys: [...base, 'catalog', 'embed'],
  llm: [...base, 'catalog', 'embed', 'recsys'],
  tmdb: base,
  engine: belowEngine,
  app: [...belowEngine, 'engine', 'tmdb'],
  present: [...base, 'catalog', 'app'],
  discord: [...base, 'catalog', 'app', 'present'],
  playground: [...base, 'catalog', 'app', 'present'],
  ops: base,
  commands: [...base, 'catalog', 'app', 'present', 'discord'],
  root: Object.keys(LAYERS).filter((l) => l !== 'root'),
};

/** A file named in the table wins over a folder (`src/playground/main.ts` is an entry point, not the playground). */
export function layerOf(file: string): string | undefined {
  const entries = Object.entries(LAYERS);
  return (
    entries.find(([, paths]) => paths.includes(file))?.[0] ??
    entries.find(([, paths]) => paths.some((p) => p.endsWith('/') && file.startsWith(p)))?.[0]
  );
}
