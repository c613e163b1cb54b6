/**
 * The binary Word reader on .doc files LibreOffice wrote from the Word fixtures (see
 * tests/fixtures/documents/README.md): paragraphs and tables with their paragraph ordinals, and
 * the refusals where the format hides what a 要点 needs (merged cells, automatic numbering).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../../scripts/lib/import/errors.ts';
import { DOC_SIZE_LIMIT, readDoc } from '../../../../scripts/lib/import/formats/readDoc.ts';

const FIXTURES = 'tests/fixtures/documents';
const fixture = (name: string) => readFileSync(`${FIXTURES}/${name}`);

describe('readDoc', async () => {
  const doc = await readDoc(fixture('doc-b-inline-clauses-liuxi-2023.doc'), 'b.doc');

  it('reads the paragraphs of the body in order, numbered by paragraph', () => {
    expect([doc.format, doc.unit, doc.pageBreaks]).toEqual(['doc', 'paragraph', false]);
    expect(doc.blocks.slice(0, 3)).toEqual([
      {
        kind: 'paragraph',
        text: '柳溪市人民政府办公室文件',
        lines: ['柳溪市人民政府办公室文件'],
        boldLead: '',
        bold: false,
        line: 1,
        endLine: 1,
      },
      { kind: 'paragraph', text: '柳政办发〔2023〕11号', lines: ['柳政办发〔2023〕11号'], boldLead: '', bold: false, line: 2, endLine: 2 },
      {
        kind: 'paragraph',
        text: '柳溪市人民政府办公室关于印发柳溪市2023年政务公开工作要点的通知',
        lines: ['柳溪市人民政府办公室关于印发柳溪市2023年政务公开工作要点的通知'],
        boldLead: '',
        bold: false,
        line: 3,
        endLine: 3,
      },
    ]);
    const texts = doc.blocks.map((b) => (b.kind === 'table' ? '' : b.text));
    expect(texts).toContain(
      '1. 推进部门预决算公开。部门预决算在批复后20日内公开，细化到支出功能分类的项级科目。（牵头单位：市财政局；责任单位：市政府各部门；完成时限：长期坚持）',
    );
    expect(texts.filter((t) => /^（[一二三]）/u.test(t))).toHaveLength(8);
  });

  it('refuses a table with merged cells, naming the row', async () => {
    const error = await readDoc(fixture('refused-doc-merged-table-chengchuan-2022.doc'), 'a.doc').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ file: 'a.doc', line: 30, field: 'table' });
    expect((error as ImportError).fix).toContain('.docx');
  });

  it('refuses a file whose 一、 and 1. come from automatic numbering, which the format does not keep in the text', async () => {
    const error = await readDoc(fixture('refused-doc-autonumbered-nanping-2023.doc'), 'c.doc').catch((e: unknown) => e);
    expect(error).toMatchObject({ file: 'c.doc', line: 1, field: 'numbering' });
  });

  it('refuses a damaged file and one beyond the size limit', async () => {
    await expect(readDoc(fixture('refused-old-word.doc'), 'x.doc')).rejects.toMatchObject({ field: 'format', line: 1 });
    const huge = new Uint8Array(DOC_SIZE_LIMIT + 1);
    await expect(readDoc(huge, 'huge.doc')).rejects.toMatchObject({ field: 'format', en: expect.stringContaining('larger than 50 MB') });
  });
});
