/**
 * Reads any source file an editor hands to the importer: picks the reader by the file's content
 * (magic bytes) and extension, and refuses, with the fix, what cannot be read reliably.
 */
import JSZip from 'jszip';
import { importError } from '../errors.ts';
import { decodeBytes } from './charset.ts';
import { readDoc } from './readDoc.ts';
import { readDocx } from './readDocx.ts';
import { readHtml } from './readHtml.ts';
import { readText } from './readText.ts';
import { ParagraphTooLong } from './hastBlocks.ts';
import type { SourceDocument } from './types.ts';
import { IMPORT_FILE_MAX, megabytes, PARAGRAPH_MAX } from '../../limits.ts';

const FIX = '另存为 .docx 或网页 .html / save it as .docx or as a web page .html';

/** What the first bytes say a file is (undefined: no binary signature, so text). */
type Sniffed = 'pdf' | 'ole' | 'zip' | 'image' | undefined;

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

export function sniff(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) ||
    startsWith(bytes, [0xff, 0xd8, 0xff]) ||
    startsWith(bytes, ascii('GIF87a')) ||
    startsWith(bytes, ascii('GIF89a')) ||
    (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) ||
    startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])
  ) {
    return 'image';
  }
  return undefined;
}

/** What a refused file is, for the message. */
const REFUSED: Record<string, { zh: string; en: string }> = {
  pdf: { zh: 'PDF 文件', en: 'a PDF file' },
  notWord97: {
    zh: '不是 Word 97–2003 格式的 .doc/.wps 文件（可能是 RTF、旧版 Works/WPS 文件或改了扩展名的文件）',
    en: 'a .doc/.wps file not in the Word 97–2003 format (RTF, an old Works/WPS file, or a renamed file)',
  },
  xls: { zh: '旧版 Excel/WPS 表格（.xls/.et）', en: 'an old binary Excel/WPS spreadsheet (.xls/.et)' },
  image: { zh: '图片', en: 'an image' },
  xlsx: { zh: 'Excel 表格', en: 'a spreadsheet' },
  zip: { zh: '压缩包', en: 'a zip archive' },
};

function refuse(file: string, kind: { zh: string; en: string }): never {
  throw importError(
    file,
    1,
    'format',
    `不能导入${kind.zh}：无法可靠读出其中的段落和表格`,
    `cannot import ${kind.en}: its paragraphs and tables cannot be read reliably`,
    FIX,
  );
}

const extensionOf = (path: string) => /\.([^./\\]+)$/u.exec(path)?.[1]?.toLowerCase() ?? '';

/**
 * A source file as a SourceDocument. The content decides first: PDF, images and zip archives
 * other than a Word document are refused; a Word document (a zip holding `word/document.xml`) is
 * read as `.docx`; an OLE compound file (D0 CF 11 E0: Word 97–2003 `.doc`, WPS `.wps`, whatever
 * its extension says – a `.docx` that is really a `.doc` included) is read as `.doc`, unless named
 * as a spreadsheet (`.xls`, `.et`). A `.doc`/`.wps` without that signature (RTF, an old Works
 * file, text renamed) is refused. Files without a binary signature go by extension:
 * `.md`/`.txt` text, `.html`/`.htm` web page; any other extension is refused.
 */
export async function readSource(path: string, bytes: Uint8Array): Promise<SourceDocument> {
  assertImportSize(path, bytes.length);
  let document: SourceDocument;
  try {
    document = await readByKind(path, bytes);
  } catch (error) {
    if (error instanceof ParagraphTooLong) refuseParagraph(path, error.line, error.length);
    throw error;
  }
  assertParagraphs(path, document);
  return document;
}

/** Refuses a file larger than `IMPORT_FILE_MAX` (called with the file's size before it is read, too). */
export function assertImportSize(path: string, size: number): void {
  if (size <= IMPORT_FILE_MAX) return;
  throw importError(
    path,
    1,
    'size',
    `文件有 ${megabytes(size)}，超过导入文件 ${megabytes(IMPORT_FILE_MAX)} 的上限，不像是一份要点文件`,
    `the file is ${megabytes(size)}, over the ${megabytes(IMPORT_FILE_MAX)} limit for an imported file: not a 要点 document`,
    '删除文件中的图片和嵌入对象后重新保存；网页只保存正文（另存为“网页，仅 HTML”）/ remove images and embedded objects and save it again; save a web page as “HTML only”',
  );
}

function refuseParagraph(path: string, line: number, length: number): never {
  throw importError(
    path,
    line,
    'paragraph',
    `这一段（或表格的一个单元格）超过 ${PARAGRAPH_MAX.toLocaleString('en')} 字（至少 ${length.toLocaleString('en')} 字），不像是要点文件的段落`,
    `this paragraph (or table cell) is longer than ${PARAGRAPH_MAX.toLocaleString('en')} characters (at least ${length.toLocaleString('en')}): not a paragraph of a 要点 document`,
    '检查原文件：全文是否被粘贴成了一段，或混入了大量无关文字；按原文分段后重新保存 / check the source: split it into its printed paragraphs and save it again',
  );
}

/** Readers that build paragraphs without `hastBlocks` (text, .doc) are checked once they are done. */
function assertParagraphs(path: string, document: SourceDocument): void {
  for (const block of document.blocks) {
    const texts = block.kind === 'table' ? block.rows.flatMap((r) => r.cells.map((c) => ({ text: c.text, line: c.line }))) : [block];
    const long = texts.find((t) => t.text.length > PARAGRAPH_MAX);
    if (long) refuseParagraph(path, long.line, long.text.length);
  }
}

async function readByKind(path: string, bytes: Uint8Array): Promise<SourceDocument> {
  const kind = sniff(bytes);
  const ext = extensionOf(path);
  if (kind === 'pdf' || kind === 'image') refuse(path, REFUSED[kind]!);
  if (kind === 'ole') {
    if (ext === 'xls' || ext === 'et') refuse(path, REFUSED.xls!);
    return readDoc(bytes, path);
  }
  if (kind === 'zip') {
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes);
    } catch {
      refuse(path, REFUSED.zip!);
    }
    if (zip.file('word/document.xml')) return readDocx(bytes, path);
    refuse(path, zip.file('xl/workbook.xml') ? REFUSED.xlsx! : REFUSED.zip!);
  }
  if (ext === 'md' || ext === 'txt' || ext === 'markdown') return readText(decodeBytes(bytes).text);
  if (ext === 'html' || ext === 'htm') return readHtml(bytes, path);
  const named: Record<string, keyof typeof REFUSED> = {
    pdf: 'pdf',
    doc: 'notWord97',
    wps: 'notWord97',
    xls: 'xls',
    et: 'xls',
    xlsx: 'xlsx',
    zip: 'zip',
    docx: 'zip',
  };
  const known = named[ext];
  if (known) refuse(path, REFUSED[known]!);
  throw importError(
    path,
    1,
    'format',
    `不支持的文件类型“.${ext}”，只能导入 .docx、.doc/.wps、网页 .html/.htm 和文本 .md/.txt`,
    `unsupported file type ".${ext}": only .docx, .doc/.wps, web pages .html/.htm and text .md/.txt can be imported`,
    FIX,
  );
}
