/**
 * Reads a binary Word 97–2003 file (`.doc`, and the `.wps` WPS Office writes in the same OLE
 * format) into the neutral blocks of `types.ts`, with `word-extractor`. That library gives the
 * text of the main body through its piece table; this reader takes the text before the library
 * flattens it, where a cell end is still U+0007 and a table row end is a line feed (the library
 * turns each row-end mark into one), so paragraphs and table rows can be told apart.
 *
 * What the binary format keeps out of the text, and so this reader cannot give: bold runs,
 * alignment and heading styles (every block is a plain paragraph), the labels of automatic
 * numbering (stored in list tables, not in the text: a file whose paragraphs use it is refused),
 * the grid of merged table cells (a merged cell is one shorter row or an empty cell: such a table
 * is refused rather than read with tasks under the wrong departments).
 */
/* eslint-disable no-control-regex -- Word 97 text marks cells, fields and breaks with control characters. */
import { createRequire } from 'node:module';
import { importError } from '../errors.ts';
import type { SourceBlock, TableCell, TableRow, SourceDocument } from './types.ts';

/** Larger than any 要点 .doc (text, a table, a few images) by far. */
export const DOC_SIZE_LIMIT = 50 * 1024 * 1024;

const SAVE_AS_DOCX =
  '用 Word 或 WPS 打开后另存为 .docx（Word 文档）再导入 / open it in Word or WPS, save it as .docx (Word document) and import that';

/** The parts of word-extractor's OLE extractor (lib/word-ole-extractor.js, v1.0.x) this reader uses. */
interface OleExtractor {
  _pieces: { text: string }[];
  _boundaries: { ccpText: number };
  extract(reader: unknown): Promise<unknown>;
  writeParagraphProperties(buffer: Buffer, table: Buffer): void;
}
type OleExtractorClass = new () => OleExtractor;

const require = createRequire(import.meta.url);

/** sprmPIlfo: the paragraph's list (0: none). */
const SPRM_LIST = 0x460b;

/** Operand sizes by the sprm's `spra` field (6: variable, length byte first). */
const OPERAND = [1, 1, 2, 4, 2, 2, -1, 3];

/** True when a paragraph property list (`grpprl` after the style index) puts the paragraph in a list. */
function inList(grpprl: Buffer): boolean {
  let at = 2;
  while (at + 2 <= grpprl.length) {
    const sprm = grpprl.readUInt16LE(at);
    at += 2;
    if (sprm === SPRM_LIST && at + 2 <= grpprl.length && grpprl.readUInt16LE(at) !== 0) return true;
    let size = OPERAND[sprm >> 13]!;
    if (sprm === 0xd608 || sprm === 0xc615) size = at + 2 <= grpprl.length ? grpprl.readUInt16LE(at) + 1 : grpprl.length;
    else if (size === -1) size = at < grpprl.length ? grpprl.readUInt8(at) + 1 : grpprl.length;
    at += size;
  }
  return false;
}

/** Whether any paragraph of the file is in an automatically numbered list (paragraph properties, PAPX). */
function usesListNumbering(wordDocument: Buffer, table: Buffer): boolean {
  const fc = wordDocument.readUInt32LE(0x0102);
  const lcb = wordDocument.readUInt32LE(0x0106);
  const count = (lcb - 4) / 8;
  const plc = table.subarray(fc, fc + lcb);
  for (let i = 0; i < count; i++) {
    const page = plc.readUInt32LE((count + 1) * 4 + i * 4);
    const fkp = wordDocument.subarray(page * 512, page * 512 + 512);
    if (fkp.length < 512) continue;
    const runs = fkp.readUInt8(511);
    for (let j = 0; j < runs; j++) {
      const offset = fkp.readUInt8((runs + 1) * 4 + j * 13) * 2;
      if (offset === 0) continue;
      const cb = fkp.readUInt8(offset);
      const grpprl =
        cb !== 0 ? fkp.subarray(offset + 1, offset + 2 * cb) : fkp.subarray(offset + 2, offset + 2 + 2 * fkp.readUInt8(offset + 1));
      if (inList(grpprl)) return true;
    }
  }
  return false;
}

/** The body text as stored (cell marks U+0007, paragraph marks CR, row ends LF) and the list flag. */
async function rawBody(bytes: Uint8Array): Promise<{ text: string; numbered: boolean }> {
  const Base = require('word-extractor/lib/word-ole-extractor.js') as OleExtractorClass;
  const BufferReader = require('word-extractor/lib/buffer-reader.js') as new (b: Buffer) => { open(): Promise<unknown> };
  let numbered = false;
  class Raw extends Base {
    override writeParagraphProperties(buffer: Buffer, table: Buffer): void {
      super.writeParagraphProperties(buffer, table);
      numbered = usesListNumbering(buffer, table);
    }
  }
  const reader = new BufferReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  await reader.open();
  const extractor = new Raw();
  await extractor.extract(reader);
  const text = extractor._pieces
    .map((p) => p.text)
    .join('')
    .slice(0, extractor._boundaries.ccpText);
  return { text, numbered };
}

/** Field codes (U+0013 code U+0014 result U+0015) replaced by their result, innermost first. */
function fieldResults(text: string): string {
  let out = text;
  for (let before = ''; before !== out;) {
    before = out;
    out = out.replace(/\u0013[^\u0013\u0014\u0015]*(?:\u0014([^\u0013\u0014\u0015]*))?\u0015/gu, (_, result?: string) => result ?? '');
  }
  return out;
}

/** A paragraph's printed lines: vertical tab (U+000B) is a manual line break; other controls go. */
function linesOf(paragraph: string): string[] {
  return paragraph
    .split('\u000b')
    .map((l) => l.replace(/[\u0000-\u0008\u000c\u000e-\u001f]/gu, '').replace(/^[\s\u3000]+|[\s\u3000]+$/gu, ''))
    .filter((l) => l !== '');
}

/** Paragraph marks: CR, or a section break (U+000C) standing in for one. */
const PARAGRAPH_END = /\r|\u000c(?!\r)/u;

interface Cursor {
  /** Paragraph ordinal of the next paragraph, 1-based. */
  next: number;
}

function paragraphBlock(lines: string[], line: number): SourceBlock {
  return { kind: 'paragraph', text: lines.join(''), lines, boldLead: '', bold: false, line, endLine: line };
}

/** Cells of one row (`raw` without its final LF), each cell's paragraphs counted. */
function rowOf(raw: string, cursor: Cursor): TableRow {
  const cells: TableCell[] = raw
    .split('\u0007')
    .slice(0, -1)
    .map((cell) => {
      const line = cursor.next;
      const paragraphs = cell.split(PARAGRAPH_END);
      cursor.next += paragraphs.length;
      return { text: paragraphs.flatMap(linesOf).join('\n'), bold: false, line };
    });
  return { cells, line: cells[0]?.line ?? cursor.next };
}

/** Refuses a table whose grid cannot be known: merged cells leave shorter rows or empty cells. */
function checkGrid(rows: TableRow[], file: string): void {
  const width = rows[0]?.cells.length ?? 0;
  const uneven = rows.find((r) => r.cells.length !== width);
  const empty = rows.slice(1).find((r) => r.cells.some((c) => c.text === ''));
  const bad = uneven ?? empty;
  if (!bad) return;
  throw importError(
    file,
    bad.line,
    'table',
    uneven
      ? `旧版 Word（.doc/.wps）表格第 ${rows.indexOf(bad) + 1} 行的单元格数与表头不同（有合并单元格），无法确定各单元格所在的列`
      : `旧版 Word（.doc/.wps）表格第 ${rows.indexOf(bad) + 1} 行有空单元格：旧版格式中合并单元格与空白单元格无法区分`,
    uneven
      ? `row ${rows.indexOf(bad) + 1} of a table in an old binary Word file (.doc/.wps) has a different number of cells than the first row (merged cells): the column of each cell cannot be known`
      : `row ${rows.indexOf(bad) + 1} of a table in an old binary Word file (.doc/.wps) has an empty cell: in this format a merged cell cannot be told from an empty one`,
    SAVE_AS_DOCX,
  );
}

/** The paragraphs of body text outside tables (a final mark ends the last one, not a new one). */
function paragraphsOf(text: string): string[] {
  const paragraphs = text.split(PARAGRAPH_END);
  return paragraphs.at(-1) === '' ? paragraphs.slice(0, -1) : paragraphs;
}

/**
 * The blocks of the body text: paragraphs end with CR, cells with U+0007, rows with LF. Before a
 * row's first cell mark, the text after the last paragraph mark is the first cell and the text
 * before it paragraphs outside the table (the text alone cannot tell a first cell of several
 * paragraphs from paragraphs above the row: its earlier paragraphs are read as body paragraphs).
 */
function blocksOf(body: string, file: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  const cursor: Cursor = { next: 1 };
  let rows: TableRow[] = [];
  const endTable = () => {
    if (rows.length === 0) return;
    checkGrid(rows, file);
    blocks.push({ kind: 'table', rows, line: rows[0]!.line, endLine: cursor.next - 1 });
    rows = [];
  };
  for (const segment of body.split(/(?<=\n)/u)) {
    const isRow = segment.endsWith('\u0007\n');
    const firstCell = segment.indexOf('\u0007');
    const rowStart = isRow ? segment.slice(0, firstCell).search(/[^\r\u000c]*$/u) : segment.length;
    if (rowStart > 0) endTable();
    for (const paragraph of paragraphsOf(segment.slice(0, rowStart).replace(/\n$/u, ''))) {
      const lines = linesOf(paragraph);
      if (lines.length > 0) blocks.push(paragraphBlock(lines, cursor.next));
      cursor.next++;
    }
    if (isRow) rows.push(rowOf(segment.slice(rowStart, -1), cursor));
  }
  endTable();
  return blocks;
}

/**
 * A `.doc`/`.wps` file (OLE compound file) as a SourceDocument: `unit` is `paragraph`, `line` the
 * ordinal of the block's first paragraph (cell paragraphs counted, as in `readDocx`).
 */
export async function readDoc(bytes: Uint8Array, file: string): Promise<SourceDocument> {
  if (bytes.length > DOC_SIZE_LIMIT) {
    throw importError(
      file,
      1,
      'format',
      `文件超过 ${DOC_SIZE_LIMIT / 1024 / 1024} MB，不像是一份要点文件`,
      `the file is larger than ${DOC_SIZE_LIMIT / 1024 / 1024} MB: not a 要点 document`,
      SAVE_AS_DOCX,
    );
  }
  let raw: { text: string; numbered: boolean };
  try {
    raw = await rawBody(bytes);
  } catch (e) {
    throw importError(
      file,
      1,
      'format',
      `无法读取旧版 Word/WPS 文件（${(e as Error).message}）：可能是加密、损坏的文件，或旧版 Works/WPS 2000 以前的格式`,
      `cannot read the old binary Word/WPS file (${(e as Error).message}): it may be encrypted or damaged, or an old Works/WPS format`,
      SAVE_AS_DOCX,
    );
  }
  if (raw.numbered) {
    throw importError(
      file,
      1,
      'numbering',
      '旧版 Word（.doc/.wps）文件使用了自动编号，其中的“一、”“1.”等编号无法从该格式中读出',
      'the old binary Word file (.doc/.wps) uses automatic numbering, whose labels (一、, 1., …) cannot be read from this format',
      SAVE_AS_DOCX,
    );
  }
  return {
    format: 'doc',
    unit: 'paragraph',
    blocks: blocksOf(fieldResults(raw.text), file),
    meta: {},
    pageBreaks: false,
    emptyCellIsMerge: false,
  };
}
