/**
 * Picking the reader: by content first (magic bytes), then by extension; refusing, with the fix,
 * the formats that cannot be read reliably.
 */
import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../../scripts/lib/import/errors.ts';
import { readSource } from '../../../../scripts/lib/import/formats/readSource.ts';

const FIXTURES = 'tests/fixtures/documents';
const FIX = '另存为 .docx 或网页 .html / save it as .docx or as a web page .html';

async function refusal(path: string, bytes: Uint8Array): Promise<ImportError> {
  const error = await readSource(path, bytes).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  expect(error).toMatchObject({ file: path, line: 1, field: 'format', fix: FIX });
  return error as ImportError;
}

const wordFile = async () => new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('正文。')] }] })));

describe('readSource', () => {
  it('reads web pages and Word files', async () => {
    const html = await readSource('a.htm', new TextEncoder().encode('<div id="zoom"><p>正文。</p></div>'));
    expect(html.format).toBe('html');
    const word = await readSource('a.docx', await wordFile());
    expect(word).toMatchObject({ format: 'docx', blocks: [{ kind: 'paragraph', text: '正文。' }] });
  });

  it('refuses PDF', async () => {
    const pdf = await refusal(`${FIXTURES}/refused-scan.pdf`, readFileSync(`${FIXTURES}/refused-scan.pdf`));
    expect(pdf.zh).toContain('PDF');
    expect(pdf.en).toContain('PDF');
  });

  it('reads an old binary Word file by its signature, as .doc, .wps or misnamed .docx', async () => {
    const doc = readFileSync(`${FIXTURES}/doc-b-inline-clauses-liuxi-2023.doc`);
    for (const name of ['a.doc', 'a.wps', 'renamed.docx', 'download']) expect((await readSource(name, doc)).format).toBe('doc');
  });

  it('refuses a damaged OLE file with the fix, an OLE spreadsheet, and a .doc/.wps that is not Word 97', async () => {
    // refused-old-word.doc is an OLE header and nothing else: it used to be refused for its
    // signature alone; now .doc files are read, and this one is refused as damaged.
    const damaged = await readSource('old.doc', readFileSync(`${FIXTURES}/refused-old-word.doc`)).catch((e: unknown) => e);
    expect(damaged).toMatchObject({ file: 'old.doc', line: 1, field: 'format' });
    expect((damaged as ImportError).en).toContain('damaged');
    expect((damaged as ImportError).fix).toContain('.docx');
    expect((await refusal('tasks.xls', readFileSync(`${FIXTURES}/refused-old-word.doc`))).en).toContain('spreadsheet');
    expect((await refusal('a.wps', new TextEncoder().encode('{\\rtf1 x}'))).en).toContain('not in the Word 97–2003 format');
  });

  it('refuses images, spreadsheets, zip archives and unknown extensions', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    expect((await refusal('scan.png', png)).en).toContain('image');
    expect((await refusal('scan.docx', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).en).toContain('image');
    const xlsx = new JSZip();
    xlsx.file('xl/workbook.xml', '<workbook/>');
    expect((await refusal('tasks.xlsx', await xlsx.generateAsync({ type: 'uint8array' }))).en).toContain('spreadsheet');
    const zip = new JSZip();
    zip.file('readme.txt', 'x');
    expect((await refusal('files.zip', await zip.generateAsync({ type: 'uint8array' }))).en).toContain('zip');
    expect((await refusal('a.rtf', new TextEncoder().encode('{\\rtf1 x}'))).en).toContain('".rtf"');
    expect((await refusal('a.xls', new TextEncoder().encode('x'))).en).toContain('Excel');
  });

  it('reads a Word document by its content whatever the extension', async () => {
    expect((await readSource('download.zip', await wordFile())).format).toBe('docx');
  });
});
