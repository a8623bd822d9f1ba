import type { ImportReport } from '../app/types.js';
import { issueLine } from './catalog.js';
import { num, strong, user, type Text } from './text.js';
import type { Field, View } from './view.js';

/** What an import of ratings and history did, and which rows found nothing. Private. */
export function importReportView(r: ImportReport, filename?: string): View {
  const head: Text = ['Imported from ', ...(filename ? [strong(user(filename, 100)), ' '] : []), `(${r.format}): ${num(r.ratingsImported)} ratings and ${num(r.historyImported)} watched of ${num(r.rows)} rows.`];
  const fields: Field[] = [];
  if (r.unmatched.length) {
    const shown = r.unmatched.slice(0, 15).map((u): Text => [`• row ${num(u.row)}: `, user(u.title, 80), u.year ? ` (${u.year})` : '']);
    fields.push({ name: `Not in the catalog (${num(r.unmatched.length)})`, lines: shown, total: r.unmatched.length });
  }
  if (r.errors.length) fields.push({ name: `Errors (${num(r.errors.length)})`, lines: r.errors.slice(0, 10).map(issueLine), total: r.errors.length });
  return { title: ['Import'], lines: [head], fields, private: true };
}

/** Everything held about the user in this place, as a JSON file. Private. */
export function privacyExportView(data: unknown): View {
  return { note: ['Everything I hold about you in this server.'], file: { name: 'tastemaker-data.json', data: JSON.stringify(data, null, 2) }, private: true };
}
