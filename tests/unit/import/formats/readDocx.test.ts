/**
 * The Word reader on real .docx files written by the `docx` library: merged cells (w:vMerge,
 * w:gridSpan), bold runs, the Title style and centred title paragraphs, paragraph ordinals.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../../scripts/lib/import/errors.ts';
import { INFLATED_LIMIT, readDocx } from '../../../../scripts/lib/import/formats/readDocx.ts';

const cell = (text: string, options: { rowSpan?: number; columnSpan?: number; bold?: boolean } = {}) =>
  new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold: options.bold })] })],
    rowSpan: options.rowSpan,
    columnSpan: options.columnSpan,
  });

async function docx(children: (Paragraph | Table)[]): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

describe('readDocx', async () => {
  const bytes = await docx([
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('某政办发〔2022〕3号')] }),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      children: [new TextRun('某某市人民政府办公室关于印发某某市2022年政务公开工作要点的通知')],
    }),
    new Paragraph(''),
    new Paragraph({ children: [new TextRun('各区人民政府，市政府各部门：')] }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('一、加强政策解读')] }),
    new Paragraph({ children: [new TextRun({ text: '1.推进决策公开。', bold: true }), new TextRun('各级行政机关要……')] }),
    new Table({
      rows: [
        new TableRow({ children: [cell('事项名称', { bold: true }), cell('主要任务', { bold: true }), cell('牵头部门', { bold: true })] }),
        new TableRow({ children: [cell('一、加强政策解读', { columnSpan: 3 })] }),
        new TableRow({ children: [cell('（一）推进解读', { rowSpan: 3 }), cell('任务甲'), cell('市政府办公室', { rowSpan: 2 })] }),
        new TableRow({ children: [cell('任务乙')] }),
        new TableRow({ children: [cell('任务丙'), cell('市财政局')] }),
      ],
    }),
    new Paragraph('结尾。'),
  ]);
  const doc = await readDocx(bytes, 'a.docx');

  it('keeps vertical merges (w:vMerge) and horizontal ones (w:gridSpan) as a full grid', () => {
    const table = doc.blocks.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['事项名称', '主要任务', '牵头部门'],
      ['一、加强政策解读', '一、加强政策解读', '一、加强政策解读'],
      ['（一）推进解读', '任务甲', '市政府办公室'],
      ['（一）推进解读', '任务乙', '市政府办公室'],
      ['（一）推进解读', '任务丙', '市财政局'],
    ]);
    expect(table.rows[1]!.cells[2]!.spanOf).toEqual({ row: 1, col: 0 });
    expect(table.rows[4]!.cells[0]!.spanOf).toEqual({ row: 2, col: 0 });
    expect(table.rows[3]!.cells[2]!.spanOf).toEqual({ row: 2, col: 2 });
    expect(table.rows[0]!.cells.every((c) => c.bold)).toBe(true);
  });

  it('reads the Title style as a level-0 heading, Heading 1 as h1, bold runs as the bold lead', () => {
    expect(doc.blocks.slice(0, 5).map((b) => [b.kind === 'heading' ? `h${b.level}` : b.kind, b.kind === 'table' ? '' : b.text])).toEqual([
      ['paragraph', '某政办发〔2022〕3号'],
      ['h0', '某某市人民政府办公室关于印发某某市2022年政务公开工作要点的通知'],
      ['paragraph', '各区人民政府，市政府各部门：'],
      ['h1', '一、加强政策解读'],
      ['paragraph', '1.推进决策公开。各级行政机关要……'],
    ]);
    expect(doc.blocks[4]).toMatchObject({ boldLead: '1.推进决策公开。', bold: false });
  });

  it('numbers blocks by Word paragraph, empty ones and table cells included', () => {
    expect([doc.format, doc.unit, doc.pageBreaks]).toEqual(['docx', 'paragraph', false]);
    const lines = doc.blocks.map((b) => b.line);
    // 1 文号, 2 title, 3 empty, 4 salutation, 5 heading, 6 point, 7–9 header cells, 10 section row,
    // 11–13 first item row, 14 (vMerge continuations are not paragraphs of their own), …
    expect(lines).toEqual([1, 2, 4, 5, 6, 7, 17]);
    const table = doc.blocks[5];
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.rows.map((r) => r.line)).toEqual([7, 10, 11, 14, 15]);
  });

  it('reads centred paragraphs at the top as titles', async () => {
    const centred = await readDocx(
      await docx([
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: '某某省2022年政务公开工作要点', bold: true, size: 44 })],
        }),
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('（2022年3月1日）')] }),
        new Paragraph('正文。'),
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('不在开头')] }),
      ]),
      'b.docx',
    );
    expect(centred.blocks.map((b) => (b.kind === 'heading' ? `h${b.level}` : b.kind))).toEqual(['h0', 'h0', 'paragraph', 'paragraph']);
  });

  it('refuses a file that is not a Word document with the fix', async () => {
    const error = await readDocx(new TextEncoder().encode('not a zip'), 'c.docx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ file: 'c.docx', line: 1, field: 'format' });
  });

  it('refuses a table whose merges mammoth cannot keep, rather than give tasks to the wrong cells', async () => {
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    const at = xml.indexOf('</w:tr>') + '</w:tr>'.length;
    // Something other than a row between two rows (here a stray paragraph) makes mammoth drop all merges.
    zip.file('word/document.xml', `${xml.slice(0, at)}<w:p><w:r><w:t>x</w:t></w:r></w:p>${xml.slice(at)}`);
    const broken = await zip.generateAsync({ type: 'uint8array' });
    const error = await readDocx(broken, 'd.docx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ file: 'd.docx', field: 'table' });
  });

  it('refuses a table whose rows start right of the first column (w:gridBefore), which mammoth would shift left', async () => {
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    zip.file('word/document.xml', xml.replace('<w:tr>', '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>'));
    const error = await readDocx(await zip.generateAsync({ type: 'uint8array' }), 'e.docx').catch((e: unknown) => e);
    expect(error).toMatchObject({ file: 'e.docx', field: 'table' });
  });

  /** The test document with `xml` put in place of its 4th paragraph (the salutation). */
  async function withParagraph(xml: string, numbering?: string): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(bytes);
    const doc = await zip.file('word/document.xml')!.async('string');
    const paragraphs = [...doc.matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gsu)];
    const target = paragraphs[3]!;
    zip.file('word/document.xml', doc.slice(0, target.index) + xml + doc.slice(target.index + target[0].length));
    if (numbering) zip.file('word/numbering.xml', numbering);
    return zip.generateAsync({ type: 'uint8array' });
  }

  it('keeps the displayed text of simple and complex fields, not their instructions', async () => {
    const fields = await withParagraph(
      '<w:p><w:r><w:t xml:space="preserve">印发日期：</w:t></w:r><w:fldSimple w:instr=" DATE \\@ &quot;yyyy年M月d日&quot; "><w:r><w:t>2023年4月6日</w:t></w:r></w:fldSimple>' +
        '<w:r><w:t xml:space="preserve">，第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>' +
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页</w:t></w:r></w:p>',
    );
    const doc = await readDocx(fields, 'f.docx');
    expect(doc.blocks[2]).toMatchObject({ kind: 'paragraph', text: '印发日期：2023年4月6日，第3页', line: 4 });
  });

  it('refuses numbering in a format it cannot print, naming the paragraph', async () => {
    const numbering =
      '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="hebrew1"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>';
    const zip = await JSZip.loadAsync(
      await withParagraph(
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>甲</w:t></w:r></w:p>',
        numbering,
      ),
    );
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    zip.file(
      'word/_rels/document.xml.rels',
      rels.replace(
        '</Relationships>',
        '<Relationship Id="rIdNum" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>',
      ),
    );
    const error = await readDocx(await zip.generateAsync({ type: 'uint8array' }), 'n.docx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ file: 'n.docx', line: 4, field: 'numbering' });
    expect((error as ImportError).en).toContain('hebrew1');
  });

  it('refuses a file whose XML inflates beyond the limit (a zip bomb) before reading it all', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', `<w:document><w:body>${' '.repeat(INFLATED_LIMIT + 1)}</w:body></w:document>`);
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 1 } });
    expect(bomb.length).toBeLessThan(INFLATED_LIMIT / 100);
    const error = await readDocx(bomb, 'bomb.docx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ file: 'bomb.docx', line: 1, field: 'format' });
    expect((error as ImportError).en).toContain('more than 50 MB');
  });
});
