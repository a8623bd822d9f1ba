/**
 * CSV formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`,
 * a tab or a carriage return (`=HYPERLINK(...)`, `=WEBSERVICE(...)`). The export prefixes such a cell with a
 * single quote, which spreadsheets show as text. To make the round trip exact, a value that already starts with
 * quotes before such a character gets one more, and the import removes exactly one quote from a value of that
 * shape, so `import(export(v)) === v` for every text v. (A person's own `'=x` reads back as `=x`, as Excel
 * itself saves a cell typed as `'=x`.)
 */

/** Quotes, then a character a spreadsheet reads as the start of a formula. */
const RISKY = /^'*[=+\-@\t\r]/;
const ADDED = /^'+[=+\-@\t\r]/;

/** Whether a cell would be read as a formula (or is an escaped one) and needs a quote in front. */
export function isRiskyCell(value: string): boolean {
  return RISKY.test(value);
}

/** The cell as written to a CSV: with a leading `'` when a spreadsheet could run it. */
export function neutralise(value: string): string {
  return RISKY.test(value) ? `'${value}` : value;
}

/** The inverse of `neutralise`, for values read from a CSV. */
export function unneutralise(value: string): string {
  return ADDED.test(value) ? value.slice(1) : value;
}
