import type { CatalogInfo, UploadProgress, UploadReport } from '../app/types.js';
import type { CatalogIssue } from '../catalog/types.js';
import { code, mention, num, strong, time, user, userOr, type Text } from './text.js';
import type { View } from './view.js';

const PHASE: Record<UploadProgress['phase'], string> = { parsing: 'parsing', embedding: 'embedding', saving: 'saving' };

/** "embedding 400/1,000" */
export function progressLine(p: UploadProgress): string {
  return p.total > 0 ? `${PHASE[p.phase]} ${num(p.done)}/${num(p.total)}` : PHASE[p.phase];
}

/** "Uploading items.csv: embedding 400/1,000…" */
export function progressView(filename: string, p: UploadProgress): View {
  return { note: ['Uploading ', strong(user(filename, 100)), `: ${progressLine(p)}…`] };
}

/** "• row 3, column title: title is empty" */
export function issueLine(i: CatalogIssue): Text {
  const where = i.row > 0 ? `row ${num(i.row)}${i.line !== undefined ? ` (line ${num(i.line)})` : ''}` : 'file';
  // Messages that already say where ("Row 3 (line 3), column 'title': ...") are not prefixed twice.
  const message = i.message.replace(/^row \d+( \(line \d+\))?(, column '[^']*')?:\s*/i, '');
  return [`• ${where}`, ...(i.column ? [', column ', user(i.column, 40)] : []), ': ', user(message, 200)];
}

/** The final upload report: counts, then the first errors and warnings by row. */
export function uploadReportView(r: UploadReport, filename?: string): View {
  const head: Text = r.applied
    ? [`Catalog ${r.mode === 'merge' ? 'merged' : 'replaced'}`, ...(filename ? [' from ', strong(user(filename, 100))] : []), `: now version ${r.version}.`]
    : ['The catalog was ', strong('not'), ' changed', ...(filename ? [' (', strong(user(filename, 100)), ')'] : []), ': the previous one is intact.'];
  const rows = r.total > 0 ? ` of ${num(r.total)} row${r.total === 1 ? '' : 's'}` : '';
  const counts = `Added ${num(r.added)} · updated ${num(r.updated)} · removed ${num(r.removed)} · rejected ${num(r.rejected)}${rows}. The catalog holds ${num(r.catalogSize)} item${r.catalogSize === 1 ? '' : 's'}.`;
  const fields = [];
  if (r.errors.length) fields.push({ name: `Errors (${num(r.errors.length)})`, lines: r.errors.slice(0, 10).map(issueLine), total: r.errors.length });
  if (r.warnings.length) fields.push({ name: `Warnings (${num(r.warnings.length)})`, lines: r.warnings.slice(0, 5).map(issueLine), total: r.warnings.length });
  return { title: [r.applied ? 'Catalog updated' : 'Catalog upload rejected'], lines: [head, [counts]], fields, tone: r.applied ? 'success' : 'failure' };
}

/** Size, version, source and embeddings of the catalog, or how to get one. Private. */
export function catalogInfoView(info: CatalogInfo | null): View {
  if (!info) {
    return {
      note: ['This server has no catalog yet. ', code('/catalog starter'), ' switches on the starter movie catalog; ', code('/catalog upload'), ' takes a CSV, JSON or JSONL file.'],
      private: true,
    };
  }
  const by = /^\d{15,20}$/.test(info.updatedBy) ? mention(info.updatedBy) : userOr(info.updatedBy, 60, 'unknown');
  return {
    title: ['Catalog'],
    fields: [
      { name: 'Items', lines: [[num(info.itemCount)]], inline: true },
      { name: 'Version', lines: [[String(info.version)]], inline: true },
      { name: 'Source', lines: [[userOr(info.source, 60, '—')]], inline: true },
      { name: 'Embeddings', lines: [[info.embedModel ? user(info.embedModel, 80) : 'none']], inline: true },
      { name: 'Updated', lines: [[time(info.updatedAt), ' by ', by]], inline: true },
    ],
    private: true,
  };
}

/** The catalog file (`catalog.json` or `catalog.csv`), private to the admin who asked. */
/** `neutralised`: CSV cells that start like a formula and were given a leading quote (said, so nobody is surprised). */
export function catalogExportView(data: string, count: number, format: 'json' | 'csv' = 'json', neutralised = 0): View {
  const note = neutralised > 0
    ? ` ${num(neutralised)} cell${neutralised === 1 ? '' : 's'} starting with =, +, -, @, a tab or a line break got a leading ' so that a spreadsheet shows ${neutralised === 1 ? 'it' : 'them'} as text instead of running ${neutralised === 1 ? 'it' : 'them'} as a formula; uploading this file again removes the quote.`
    : '';
  return { note: [`The catalog: ${num(count)} items.${note}`], file: { name: `catalog.${format}`, data }, private: true };
}
