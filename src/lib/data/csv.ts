/**
 * CSV for spreadsheet users (RFC 4180): UTF-8 with a byte-order mark so that Excel reads Chinese
 * correctly, CRLF between records, and a field quoted only when it holds a comma, a double quote,
 * CR or LF (quotes inside are doubled).
 */
export const CSV_BOM = '\uFEFF';
export const CRLF = '\r\n';

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Rows (the header first) → the CSV text, BOM first and every record ended by CRLF. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const width = rows[0]?.length ?? 0;
  for (const [i, row] of rows.entries()) {
    if (row.length !== width) throw new Error(`CSV row ${i + 1} has ${row.length} fields, the header has ${width}`);
  }
  return CSV_BOM + rows.map((row) => row.map(csvField).join(',') + CRLF).join('');
}
