/**
 * CSV for spreadsheet users (RFC 4180): UTF-8 with a byte-order mark so that Excel reads Chinese
 * correctly, CRLF between records, and a field quoted only when it holds a comma, a double quote,
 * CR or LF (quotes inside are doubled). A field a spreadsheet would run as a formula is
 * neutralised first (`neutraliseFormula`).
 */
export const CSV_BOM = '\uFEFF';
export const CRLF = '\r\n';

/**
 * The first characters that make Excel, WPS or LibreOffice read a cell as a formula (OWASP, “CSV
 * Injection”): `=`, `+`, `-`, `@`, and tab or CR, which some programs skip before looking.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell text that cannot run as a formula: one that starts like a formula gets a leading
 * apostrophe (OWASP's rule; spreadsheets show the text, and the apostrophe tells a reader that the
 * cell was changed). The JSON exports keep the text as written.
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvField(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Rows (the header first) → the CSV text, BOM first and every record ended by CRLF. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const width = rows[0]?.length ?? 0;
  for (const [i, row] of rows.entries()) {
    if (row.length !== width) throw new Error(`CSV row ${i + 1} has ${row.length} fields, the header has ${width}`);
  }
  return CSV_BOM + rows.map((row) => row.map(csvField).join(',') + CRLF).join('');
}

/**
 * CSV text → rows (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; CRLF
 * or LF between records). A trailing empty line is not a record. With `maxRows`, reading stops at
 * the record after it and `more` says that the text holds more than `maxRows` records.
 */
export function parseCsv(text: string): string[][];
export function parseCsv(text: string, maxRows: number): { rows: string[][]; more: boolean };
export function parseCsv(text: string, maxRows?: number): string[][] | { rows: string[][]; more: boolean } {
  const rows: string[][] = [];
  const limit = maxRows ?? Infinity;
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (rows.length > limit) return { rows: rows.slice(0, limit), more: true };
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  if (maxRows === undefined) return rows;
  return rows.length > limit ? { rows: rows.slice(0, limit), more: true } : { rows, more: false };
}

export type CsvEncoding = 'UTF-8' | 'GBK';

/**
 * Bytes a CSV file holds that its encoding cannot decode: `row` is the 1-based record (the row a
 * spreadsheet program shows) holding the first of them, `count` how many there are in all.
 */
export class CsvEncodingError extends Error {
  readonly encoding: CsvEncoding;
  readonly row: number;
  readonly count: number;

  constructor(encoding: CsvEncoding, row: number, count: number) {
    super(`${count} byte sequence(s) not valid ${encoding}, the first in row ${row}`);
    this.encoding = encoding;
    this.row = row;
    this.count = count;
  }
}

const LABELS: Record<CsvEncoding, string> = { 'UTF-8': 'utf-8', GBK: 'gb18030' };
const lenient = (encoding: CsvEncoding, bytes: Uint8Array) => new TextDecoder(LABELS[encoding]).decode(bytes);

/** True when `bytes` decode in `encoding` without a replacement. */
function decodes(encoding: CsvEncoding, bytes: Uint8Array): boolean {
  try {
    new TextDecoder(LABELS[encoding], { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The record holding the first byte `encoding` cannot decode. Lines are cut at LF, which is never
 * part of a multi-byte character in UTF-8 or GBK, so the first bad line is found exactly; the
 * record is counted on the (valid) text before it, quoted line breaks included.
 */
function firstBadRow(encoding: CsvEncoding, bytes: Uint8Array): number {
  let start = 0;
  while (start < bytes.length) {
    const lf = bytes.indexOf(0x0a, start);
    const end = lf < 0 ? bytes.length : lf + 1;
    if (!decodes(encoding, bytes.subarray(start, end))) break;
    start = end;
  }
  return parseCsv(lenient(encoding, bytes.subarray(0, start)) + 'x').length;
}

/**
 * The text of a CSV file as spreadsheet programs save it: UTF-8 with or without a byte-order mark,
 * else GBK (what Excel and WPS write as “CSV” on Chinese Windows; GB18030 decoding covers GBK).
 * Bytes neither decodes are never replaced by U+FFFD: a file that is mostly UTF-8 (more valid
 * multi-byte characters than bad sequences; the 任务编号 header alone has four) is UTF-8 with bad
 * bytes, else GBK with bad bytes; either throws `CsvEncodingError` naming the row.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  if (decodes('UTF-8', body)) return { text: lenient('UTF-8', body), encoding: 'UTF-8' };
  const asUtf8 = lenient('UTF-8', body);
  const bad = asUtf8.match(/\uFFFD/gu)?.length ?? 0;
  const good = asUtf8.match(/[\u0080-\uFFFC\uFFFE\uFFFF\u{10000}-\u{10FFFF}]/gu)?.length ?? 0;
  if (hasBom || good > bad) throw new CsvEncodingError('UTF-8', firstBadRow('UTF-8', body), bad);
  if (decodes('GBK', bytes)) return { text: lenient('GBK', bytes), encoding: 'GBK' };
  throw new CsvEncodingError('GBK', firstBadRow('GBK', bytes), lenient('GBK', bytes).match(/\uFFFD/gu)?.length ?? 0);
}
