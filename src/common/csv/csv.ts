/**
 * The one CSV writer of the platform (audit export, the dossier ZIP's manifest, any later
 * spreadsheet). Every cell goes through `neutraliseFormula`: a spreadsheet runs a cell that starts
 * with `=`, `+`, `-` or `@` (and, in some, after a leading tab or CR) as a formula, so a user named
 * `=HYPERLINK(…)` would become a live link in staff's Excel.
 */

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A leading `'` makes the cell plain text in Excel, LibreOffice and Google Sheets. Pure. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell: text as is (neutralised), dates as ISO-8601, objects as JSON; RFC 4180 quoting. */
export function csvCell(value: unknown): string {
  const raw =
    value === null || value === undefined
      ? ''
      : value instanceof Date
        ? value.toISOString()
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
  const s = neutraliseFormula(raw);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * RFC 4180 CSV (CRLF line ends). `bom` (default true) starts it with U+FEFF so Excel opens the
 * Chinese text as UTF-8.
 */
export function toCsv(rows: ReadonlyArray<Record<string, unknown>>, columns: readonly string[], opts: { bom?: boolean } = {}): string {
  const lines = [columns.map(csvCell).join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))];
  return `${opts.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}
