/**
 * The layouts 要点 documents use, in the text form: responsibility clauses at the end of points,
 * 责任单位 paragraphs after points, and a table that is the whole 要点. Each fixture is invented
 * (imaginary governments) with the shapes real documents have.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument, type ParsedDocument } from '../../../scripts/lib/import/parseDocument.ts';
import { extractedText, lostHan } from './support/nothingLost.ts';

const DIR = 'tests/fixtures/documents';
const read = (name: string) => readFileSync(`${DIR}/${name}`, 'utf8');
const parse = (name: string) => parseDocument(read(name), `${DIR}/${name}`, { siteGovernment: '沈阳市' });
const lineOf = (name: string, fragment: string) =>
  read(name)
    .split('\n')
    .findIndex((l) => l.includes(fragment)) + 1;
const kinds = (doc: ParsedDocument, kind: string) => doc.inferences.filter((i) => i.kind === kind).map((i) => i.text);

describe('layout: responsibility clauses at the end of points (海州市 2023)', () => {
  const name = 'text-inline-clauses-haizhou-2023.md';
  const doc = parse(name);

  it('reads （一） points that restart in every section, with 1. sub-items inside a point', () => {
    expect(doc.layout).toBe('inline-clauses');
    expect(doc.sections.map((s) => [s.heading, s.intro])).toEqual([
      ['一、深化重点领域信息公开', ['围绕群众关切，突出重点领域，做好以下工作。']],
      ['二、加强政策解读', undefined],
    ]);
    expect(doc.points.map((p) => [p.no, p.label, p.section, p.title])).toEqual([
      [1, '（一）', 1, '推进财政信息公开'],
      [2, '（二）', 1, '做好疫情防控信息发布'],
      [3, '（一）', 2, '创新解读形式'],
      [4, '（二）', 2, '做好回应关切'],
    ]);
    expect(doc.points[2]!.body).toEqual([
      '1. 推动图解、视频解读。（牵头单位：市政府办公室；完成时限：长期坚持）',
      '2. 开展政策吹风会，2023年10月底前完成全年计划。（责任单位：市政府新闻办）',
    ]);
  });

  it('turns every clause into a task: full- and half-width brackets, nested brackets, 配合单位', () => {
    expect(doc.tasks.map((t) => [`${t.point}-${t.seq}`, t.lead, t.units, t.deadline.kind, t.deadline.raw])).toEqual([
      ['1-1', ['市财政局'], ['各区县（市）政府'], 'date', '12月底前'],
      ['2-1', ['市卫健委'], ['市委宣传部', '市网信办'], 'unspecified', ''],
      ['3-1', ['市政府办公室'], [], 'ongoing', '长期坚持'],
      ['3-2', [], ['市政府新闻办'], 'date', '2023年10月底前'],
    ]);
    expect(doc.tasks[3]!.deadline).toMatchObject({ date: '2023-10-31', inText: true });
    expect(doc.notes.withoutDuty).toEqual([4]);
  });

  it('reports the restored prefix and the deadlines it inferred', () => {
    expect(kinds(doc, 'prefix')).toEqual(['网信办 → 市网信办']);
    expect(kinds(doc, 'deadlineInText')).toHaveLength(1);
    expect(doc.inferences.find((i) => i.kind === 'deadlineUnspecified')?.line).toBe(lineOf(name, '（二）做好疫情防控信息发布'));
  });

  it("gives another government's departments ids of their own", () => {
    expect(doc.government).toBe('海州市');
    expect(doc.departments.every((d) => d.slug.startsWith('hai-zhou-shi-') && d.government === '海州市')).toBe(true);
  });

  it('loses nothing', () => {
    expect(lostHan(read(name), extractedText(doc))).toBe('');
  });
});

describe('layout: 责任单位 paragraphs after points (闽江省 2022)', () => {
  const name = 'text-duty-paragraphs-minjiang-2022.md';
  const doc = parse(name);

  it('reads a 要点 without notice or 文号, signed at its end', () => {
    expect(doc.layout).toBe('duty-paragraphs');
    expect(doc.notice).toBeUndefined();
    expect(doc.docNumber).toBeUndefined();
    expect([doc.issuer, doc.signedAt, doc.publishedAt, doc.disclosure]).toEqual([
      '闽江省人民政府办公厅',
      '2022-03-10',
      '2022-03-10',
      '主动公开',
    ]);
    expect(doc.closing).toEqual(['闽江省人民政府办公厅\n2022年3月10日']);
    expect(kinds(doc, 'docNumber')).toHaveLength(1);
  });

  it('reads title-only （一） lines as sub-sections numbered through the document', () => {
    expect(doc.sections.map((s) => s.subsections?.map((x) => [x.no, x.numeral, x.title]))).toEqual([
      [
        [1, '（一）', '加强制度文件公开'],
        [2, '（二）', '深化重点领域公开'],
      ],
      [[3, '（三）', '优化政务公开平台']],
    ]);
    expect(doc.points.map((p) => [p.no, p.section, p.subsection])).toEqual([
      [1, 1, 1],
      [2, 1, 1],
      [3, 1, 2],
      [4, 2, 3],
      [5, 2, 3],
    ]);
  });

  it('restores left-out prefixes and takes the first-listed unit as lead, as the document says', () => {
    expect(doc.tasks.map((t) => [t.point, t.lead, t.units])).toEqual([
      [1, ['省司法厅'], ['省发展改革委', '各设区市人民政府']],
      [2, ['省发改委'], ['省财政厅', '省市场监管局', '各设区市人民政府']],
      [3, ['省财政厅'], []],
      [4, ['省大数据局'], ['人民银行闽江中心支行']],
    ]);
    expect(kinds(doc, 'prefix')).toEqual(['发展改革委 → 省发展改革委', '财政厅 → 省财政厅', '市场监管局 → 省市场监管局']);
    expect(kinds(doc, 'leadFirstListed')).toHaveLength(4);
    expect(doc.notes.withoutDuty).toEqual([5]);
  });

  it('finds a deadline inside the text and marks the others 未注明', () => {
    expect(doc.tasks.map((t) => [t.deadline.kind, t.deadline.date])).toEqual([
      ['date', '2022-06-30'],
      ['unspecified', null],
      ['unspecified', null],
      ['unspecified', null],
    ]);
  });

  it('loses nothing', () => {
    expect(lostHan(read(name), extractedText(doc))).toBe('');
  });
});

describe('layout: the table is the whole 要点 (江城市 2019)', () => {
  const name = 'text-table-only-jiangcheng-2019.md';
  const doc = parse(name);

  it('reads sections from a first-column cell, printed again after a page break', () => {
    expect(doc.layout).toBe('table-only');
    expect(doc.sections.map((s) => s.heading)).toEqual(['一、推进决策公开', '二、优化政务公开平台']);
    expect(kinds(doc, 'sectionRepeated')).toEqual(['分页后重复打印的部分名称：二、优化政务公开平台']);
    expect(doc.taskTable?.headerLines).toHaveLength(2);
  });

  it('finds letter-spaced and synonym headers in any order', () => {
    expect(doc.taskTable?.columns).toEqual(['类别', '序号', '工 作 任 务', '具体要求', '配合/责任单位', '时间要求']);
  });

  it('makes each numbered item a point and each of its rows a task', () => {
    expect(doc.points.map((p) => [p.no, p.label, p.section, p.title, p.body.length])).toEqual([
      [1, '1.', 1, '推进决策预公开', 2],
      [2, '2.', 1, '规范公开目录', 1],
      [3, '3.', 2, '建设政府网站', 1],
      [4, '4.', 2, '加强政务新媒体管理', 2],
    ]);
    expect(doc.tasks.map((t) => [`${t.point}-${t.seq}`, t.units, t.deadline.raw, t.deadline.kind, t.deadline.inherited])).toEqual([
      ['1-1', ['市司法局'], '6月30日前', 'date', false],
      ['1-2', ['各区政府'], '6月30日前', 'date', true],
      ['2-1', ['市政府办公室'], '2019年10月底前', 'date', false],
      ['3-1', ['市大数据局'], '', 'unspecified', false],
      ['4-1', ['市委网信办', '市公安局'], '持续推进', 'ongoing', false],
      ['4-2', ['各区政府'], '年底前', 'date', false],
    ]);
  });

  it('never takes a deadline from another item', () => {
    const t = doc.tasks.find((x) => x.point === 3)!;
    expect(t.deadline).toMatchObject({ kind: 'unspecified', date: null });
  });

  it('loses nothing', () => {
    expect(lostHan(read(name), extractedText(doc))).toBe('');
  });
});

describe('refusals', () => {
  it('a text with no points and no table cannot be a 要点 document', () => {
    expect(() =>
      parseDocument(
        '# 某市人民政府办公室文件\n\n关于做好某项工作的说明。\n\n某市人民政府办公室  \n2023年1月1日\n\n（此件公开发布）\n',
        'x.md',
      ),
    ).toThrow(/no 要点 found/);
  });
});
