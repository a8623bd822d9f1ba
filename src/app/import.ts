import { parseImport } from '../catalog/import.js';
import type { AppDeps } from './deps.js';
import { AppError } from './errors.js';
import type { Caller, ImportReport } from './types.js';
import { scopeCatalog } from './scope-access.js';

/**
 * `/import`: ratings and watch history from a Letterboxd, IMDb or plain CSV export, matched to the
 * catalog by title and year. Rows that match nothing are reported, never guessed.
 */
export async function importHistory(
  d: AppDeps,
  c: Caller,
  input: { bytes: Uint8Array; filename: string; format?: ImportReport['format'] },
): Promise<ImportReport> {
  const parsed = parseImport(input.bytes, { filename: input.filename, format: input.format, maxBytes: d.config.CATALOG_MAX_BYTES, clock: d.clock });
  const fatal = parsed.errors.find((e) => e.row === 0);
  if (fatal && parsed.rows.length === 0) throw new AppError('import.unrecognised', { format: input.format, reason: fatal.message });
  const cat = await scopeCatalog(d, c);
  if (cat.items.length === 0) throw new AppError('catalog.empty');
  const report: ImportReport = { format: parsed.format, rows: parsed.rows.length, ratingsImported: 0, historyImported: 0, unmatched: [], errors: parsed.errors };
  // Oldest first, so the history keeps the order things were watched in.
  const rows = parsed.rows.slice().sort((a, b) => (a.watchedAt ?? 0) - (b.watchedAt ?? 0));
  // A diary repeats titles (rewatches); an unmatched title costs the resolver's fuzzy search, so once each.
  const resolved = new Map<string, ReturnType<typeof cat.titles.resolve>>();
  const resolve = (q: string) => {
    if (!resolved.has(q)) resolved.set(q, cat.titles.resolve(q));
    return resolved.get(q);
  };
  // One locked write for the whole file: all rows land, or (on a ValidationError) none do.
  await d.profiles.batch(c.scope, c.userId, (edit) => {
    for (const r of rows) {
      const item = resolve(r.year ? `${r.title} (${r.year})` : r.title);
      if (!item || (r.year !== undefined && item.year !== undefined && Math.abs(item.year - r.year) > 1)) {
        report.unmatched.push(r.year === undefined ? { row: r.row, title: r.title } : { row: r.row, title: r.title, year: r.year });
        continue;
      }
      const at = r.watchedAt ?? d.clock();
      if (r.rating !== undefined) {
        edit.rate(item.id, r.rating, at);
        report.ratingsImported++;
      }
      edit.watched(item.id, at);
      report.historyImported++;
    }
  });
  d.engines.markDirty(c.scope);
  return report;
}
