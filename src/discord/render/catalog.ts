import type { CatalogInfo, UploadProgress, UploadReport } from '../../app/types.js';
import type { CatalogIssue } from '../../catalog/types.js';
import { num, safe } from './escape.js';
import { clampReply, EPHEMERAL, fitLines, LIMITS, type Rendered } from './limits.js';

const PHASE: Record<UploadProgress['phase'], string> = { parsing: 'parsing', embedding: 'embedding', saving: 'saving' };

/** "embedding 400/1,000" */
export function progressLine(p: UploadProgress): string {
  return p.total > 0 ? `${PHASE[p.phase]} ${num(p.done)}/${num(p.total)}` : PHASE[p.phase];
}

export function renderCatalogProgress(filename: string, p: UploadProgress): Rendered {
  return clampReply({ content: `Uploading **${safe(filename, 100)}**: ${progressLine(p)}…` });
}

export function issueLine(i: CatalogIssue): string {
  const where = i.row > 0 ? `row ${num(i.row)}` : 'file';
  // Messages that already say where ("Row 3, column 'title': ...") are not prefixed twice.
  const message = i.message.replace(/^row \d+(, column '[^']*')?:\s*/i, '');
  return `• ${where}${i.column ? `, column ${safe(i.column, 40)}` : ''}: ${safe(message, 200)}`;
}

/** The final upload report: counts, then the first errors and warnings by row. */
export function renderUploadReport(r: UploadReport, filename?: string): Rendered {
  const head = r.applied
    ? `Catalog ${r.mode === 'merge' ? 'merged' : 'replaced'}${filename ? ` from **${safe(filename, 100)}**` : ''}: now version ${r.version}.`
    : `The catalog was **not** changed${filename ? ` (**${safe(filename, 100)}**)` : ''}: the previous one is intact.`;
  const rows = r.total > 0 ? ` of ${num(r.total)} row${r.total === 1 ? '' : 's'}` : '';
  const counts = `Added ${num(r.added)} · updated ${num(r.updated)} · removed ${num(r.removed)} · rejected ${num(r.rejected)}${rows}. The catalog holds ${num(r.catalogSize)} item${r.catalogSize === 1 ? '' : 's'}.`;
  const fields = [];
  if (r.errors.length) {
    fields.push({ name: `Errors (${num(r.errors.length)})`, value: fitLines(r.errors.slice(0, 10).map(issueLine), LIMITS.fieldValue, r.errors.length) });
  }
  if (r.warnings.length) {
    fields.push({ name: `Warnings (${num(r.warnings.length)})`, value: fitLines(r.warnings.slice(0, 5).map(issueLine), LIMITS.fieldValue, r.warnings.length) });
  }
  return clampReply({
    content: '',
    embeds: [{ title: r.applied ? 'Catalog updated' : 'Catalog upload rejected', description: `${head}\n${counts}`, fields, color: r.applied ? 0x57f287 : 0xed4245 }],
  });
}

export function renderCatalogInfo(info: CatalogInfo | null): Rendered {
  if (!info) return clampReply({ content: 'This server has no catalog yet. `/catalog starter` switches on the starter movie catalog; `/catalog upload` takes a CSV, JSON or JSONL file.', flags: EPHEMERAL });
  return clampReply({
    embeds: [
      {
        title: 'Catalog',
        fields: [
          { name: 'Items', value: num(info.itemCount), inline: true },
          { name: 'Version', value: String(info.version), inline: true },
          { name: 'Source', value: safe(info.source, 60) || '—', inline: true },
          { name: 'Embeddings', value: info.embedModel ? safe(info.embedModel, 80) : 'none', inline: true },
          { name: 'Updated', value: `<t:${Math.floor(info.updatedAt / 1000)}:R> by ${/^\d{15,20}$/.test(info.updatedBy) ? `<@${info.updatedBy}>` : safe(info.updatedBy, 60) || 'unknown'}`, inline: true },
        ],
      },
    ],
    flags: EPHEMERAL,
  });
}

/** The catalog file (`catalog.json` or `catalog.csv`), private to the admin who asked. */
export function renderCatalogExport(data: string, count: number, format: 'json' | 'csv' = 'json'): Rendered {
  return clampReply({ content: `The catalog: ${num(count)} items.`, files: [{ attachment: Buffer.from(data, 'utf8'), name: `catalog.${format}` }], flags: EPHEMERAL });
}
