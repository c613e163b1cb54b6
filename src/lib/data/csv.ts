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

/**
 * CSV text → rows (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; CRLF
 * or LF between records). A trailing empty line is not a record.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
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
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/**
 * The text of a CSV file as spreadsheet programs save it: UTF-8 with or without a byte-order mark,
 * else GBK (what Excel and WPS write as “CSV” on Chinese Windows). GB18030 decoding covers GBK.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: 'UTF-8' | 'GBK' } {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(hasBom ? bytes.subarray(3) : bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GBK' };
  }
}
