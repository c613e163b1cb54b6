/** Small invented documents in the published format (临江市 2023), one concern each. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../scripts/lib/import/parseDocument.ts';
import { ImportError } from '../../../scripts/lib/import/errors.ts';

const DIR = 'tests/fixtures/documents';
const read = (name: string) => readFileSync(`${DIR}/${name}.md`, 'utf8');
const parse = (name: string) => parseDocument(read(name), `${DIR}/${name}.md`);
const lineOf = (name: string, fragment: string) =>
  read(name)
    .split('\n')
    .findIndex((l) => l.includes(fragment)) + 1;

function importErrorOf(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('fixture: 临江市 2023', () => {
  const doc = parse('linjiang-2023-yaodian');

  it('reads section headings at ##, ###, #### with and without bold', () => {
    expect(doc.sections.map((s) => s.heading)).toEqual(['一、夯实公开基础', '二、提升平台效能', '三、强化解读回应', '四、加强组织保障']);
    expect(doc.points.map((p) => p.section)).toEqual([1, 1, 2, 3, 4]);
  });

  it('reads bold and plain point titles', () => {
    expect(doc.points.map((p) => [p.title, p.titleBold])).toEqual([
      ['推进决策公开', false],
      ['规范公开目录', true],
      ['优化政府网站', false],
      ['做好政策解读', true],
      ['加强培训考核', false],
    ]);
  });

  it('rejoins a point broken at a page end and keeps real paragraphs apart', () => {
    expect(doc.points[1]!.body).toEqual(['各部门要按照统一标准编制公开目录，并在门户网站集中展示，做到动态更新。']);
    expect(doc.points[2]!.body).toEqual(['推进网站集约化建设，提升检索功能。', '各区要同步做好区级网站改版工作。']);
  });

  it('reads the notice with its metadata and a full-width disclosure marker', () => {
    expect(doc).toMatchObject({
      year: 2023,
      issuer: '临江市政务公开工作领导小组',
      docNumber: '临政公领发〔2023〕2号',
      signedAt: '2023-03-08',
      disclosure: '主动公开',
      disclosureNote: '（此件公开发布）',
    });
    expect(doc.notice!.body).toHaveLength(2);
    expect(doc.closing).toEqual(['各区、各部门要抓好本要点的贯彻落实。']);
    expect(doc.attachment).toBe('附件：临江市2023年政务公开工作要点任务分解表');
  });

  it('skips the repeated header row and counts every data row', () => {
    expect(doc.taskTable!.headerLines).toHaveLength(2);
    expect(doc.rows).toHaveLength(8);
    expect(doc.tasks).toHaveLength(9);
  });

  it('parses each deadline form and inherits empty cells', () => {
    expect(doc.tasks.map((t) => [t.deadline.raw, t.deadline.date, t.deadline.kind, t.deadline.inherited])).toEqual([
      ['9月底', '2023-09-30', 'date', false],
      ['9月底', '2023-09-30', 'date', true],
      ['10月15日前', '2023-10-15', 'date', false],
      ['10月15日前', '2023-10-15', 'date', false],
      ['年底前', '2023-12-31', 'date', false],
      ['6月前', '2023-05-31', 'date', false],
      ['长期坚持', null, 'ongoing', false],
      ['持续推进', null, 'ongoing', false],
      ['持续推进', null, 'ongoing', true],
    ]);
  });

  it('assigns a row printed under the next label to its own point', () => {
    const t = doc.tasks.find((x) => x.text.startsWith('各区要同步'))!;
    expect([t.point, t.printedLabel!.no, t.seq]).toEqual([3, 4, 2]);
    // Its empty units cell starts a printed item; it comes from the row above, same point.
    expect(t.units).toEqual(['各区政府']);
    expect(doc.notes.crossLabel).toEqual([
      { line: t.sourceLine, field: 'units', from: lineOf('linjiang-2023-yaodian', '推进网站集约化建设，提升检索功能。\t') },
    ]);
  });

  it('splits a double-space cell into tasks', () => {
    const parts = doc.tasks.filter((t) => t.split);
    expect(parts.map((t) => [t.text, t.lead, t.units, t.leadRaw])).toEqual([
      ['各部门要按照统一标准编制公开目录。', ['市政府办公室'], ['市政府各部门'], '市政府办公室'],
      ['在门户网站集中展示，做到动态更新。', ['市大数据局'], ['各区政府'], '市大数据局'],
    ]);
  });

  it('reports wording differences', () => {
    const worded = doc.tasks.filter((t) => t.wording.length > 0);
    expect(worded.map((t) => t.wording.map((f) => [f.point, f.table]))).toEqual([[['', '至少']]]);
  });
});

describe('fixture errors', () => {
  it('a row with the wrong number of cells names its line', () => {
    const e = importErrorOf(() => parse('bad-row'));
    expect(e.line).toBe(lineOf('bad-row', '\t意见采纳情况及时向社会反馈'));
    expect(e.field).toBe('taskTable.row');
    expect(e.file).toBe(`${DIR}/bad-row.md`);
    expect(e.format()).toContain(`${DIR}/bad-row.md:${e.line}`);
    expect(e.zh).toMatch(/单元格/);
    expect(e.en).toMatch(/cells/);
    expect(e.fix).not.toBe('');
  });

  it('a missing disclosure marker is an error, not a default', () => {
    const e = importErrorOf(() => parse('missing-disclosure'));
    expect(e.field).toBe('disclosure');
  });

  it('recognises 依申请公开 and 不予公开 markers', () => {
    const base = read('linjiang-2023-yaodian');
    expect(parseDocument(base.replace('（此件公开发布）', '（此件依申请公开）'), 'x.md').disclosure).toBe('依申请公开');
    expect(parseDocument(base.replace('（此件公开发布）', '(此件不予公开)'), 'x.md').disclosure).toBe('不予公开');
    expect(importErrorOf(() => parseDocument(base.replace('（此件公开发布）', '（此件另行处理）'), 'x.md')).field).toBe('disclosure');
  });

  it('a point number out of order is an error at its line', () => {
    const e = importErrorOf(() => parse('point-out-of-order'));
    expect([e.field, e.line]).toEqual(['points', lineOf('point-out-of-order', '4. 优化政府网站')]);
  });

  it('a duplicate point number is an error at its line', () => {
    const e = importErrorOf(() => parse('point-duplicate'));
    expect([e.field, e.line]).toEqual(['points', lineOf('point-duplicate', '2. 优化政府网站')]);
  });

  it('an unknown deadline is kept as printed, without a date, and reported at its line', () => {
    const doc = parse('unknown-deadline');
    const task = doc.tasks.find((t) => t.deadline.raw === '尽快')!;
    expect(task.deadline).toMatchObject({ raw: '尽快', date: null, kind: 'unspecified' });
    expect(doc.inferences).toContainEqual(
      expect.objectContaining({ kind: 'deadlineUnreadable', line: lineOf('unknown-deadline', '尽快') }),
    );
  });
});
