/**
 * Acceptance tests on the real published seed. Expectations are derived from the seed file
 * itself by simple, independent means (line scans, slicing), never pasted from the importer.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument, type ParsedDocument } from '../../../scripts/lib/import/parseDocument.ts';
import { departmentSlug } from '../../../scripts/lib/import/departmentSlug.ts';

const SEED = 'seeds/shenyang-2021-zhengwu-gongkai-yaodian.md';
const text = readFileSync(SEED, 'utf8');
const lines = text.split('\n');
const doc: ParsedDocument = parseDocument(text, SEED);

/** Data rows counted by hand-rolled rules: tab lines that are neither header rows nor `<b>` section rows. */
const dataLines = lines
  .map((l, i) => ({ l, line: i + 1 }))
  .filter(({ l }) => l.includes('\t') && !l.startsWith('事项名称\t') && !l.startsWith('<b>') && l.trim() !== '');

const taskWith = (fragment: string) => {
  const found = doc.tasks.filter((t) => t.text.includes(fragment));
  expect(found, fragment).toHaveLength(1);
  return found[0]!;
};
const lineOf = (fragment: string) => lines.findIndex((l) => l.includes(fragment)) + 1;
/** Line of the table row containing `fragment`. */
const rowOf = (fragment: string) => lines.findIndex((l) => l.includes('\t') && l.includes(fragment)) + 1;

describe('seed: structure', () => {
  it('has 4 sections and 28 points numbered 1..28', () => {
    expect(doc.sections).toHaveLength(4);
    expect(doc.sections.map((s) => s.numeral)).toEqual(['一', '二', '三', '四']);
    expect(doc.points.map((p) => p.no)).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
  });

  it('keeps section headings verbatim apart from ** markup, at ##, ### and ####', () => {
    const headingLines = lines.filter((l) => /^#{2,4} (\*\*)?[一二三四]、/.test(l));
    expect(headingLines).toHaveLength(4);
    expect(doc.sections.map((s) => s.heading)).toEqual(headingLines.map((l) => l.replace(/^#+ /, '').replaceAll('**', '')));
    expect(doc.sections[0]!.title).toBe('加强政务公开标准化规范化建设,夯实一流基础');
  });

  it('puts every point in the section whose heading precedes it', () => {
    const sectionOfLine = (line: number) => doc.sections.filter((s) => s.line < line).length;
    for (const p of doc.points) expect(p.section, `point ${p.no}`).toBe(sectionOfLine(p.startLine));
    expect(doc.points.filter((p) => p.section === 4).map((p) => p.no)).toEqual([25, 26, 27, 28]);
  });

  it('reads bold point titles', () => {
    expect(doc.points.filter((p) => p.titleBold).map((p) => p.no)).toEqual([26, 27, 28]);
    expect(doc.points[25]!.title).toBe('改进工作作风');
  });
});

describe('seed: point text equals the source', () => {
  for (let n = 1; n <= 28; n++) {
    it(`point ${n}`, () => {
      const start = text.indexOf(`\n${n}. `) + 1;
      const ends = [text.indexOf(`\n${n + 1}. `, start), text.indexOf('\n#', start), text.indexOf('\n各地区、各部门要将本要点', start)];
      const end = Math.min(...ends.filter((e) => e > 0));
      const expected = text.slice(start, end).replaceAll('**', '').replace(/\n/g, '');
      const point = doc.points[n - 1]!;
      expect(`${n}. ${point.title}。${point.body.join('')}`).toBe(expected);
      expect(point.body).toHaveLength(1);
    });
  }

  it('rejoins paragraphs broken at page ends without a separator', () => {
    expect(doc.points[1]!.body[0]).toContain('并根据实际调整情况实时更新');
    expect(doc.points[10]!.body[0]).toContain('全部公开到位。本行政机关网站');
    expect(doc.points[15]!.body[0]).toContain('查阅点在做好政府信息查阅');
    expect(doc.points[24]!.body[0]).toContain('必要的专职人员。');
    expect(doc.points.filter((p) => p.joinedAt.length > 0).map((p) => p.no)).toEqual([2, 11, 16, 25]);
  });

  it('records source lines', () => {
    const p2 = doc.points[1]!;
    expect(p2.startLine).toBe(lineOf('2. 强化市场规则标准'));
    expect(p2.endLine).toBe(lineOf('调整情况实时更新'));
  });
});

describe('seed: task table', () => {
  it(`accounts for every data row (${dataLines.length} counted independently)`, () => {
    expect(dataLines).toHaveLength(57);
    expect(doc.rows.map((r) => r.line)).toEqual(dataLines.map((d) => d.line));
  });

  it('puts each row text in exactly one task, or two for the split row', () => {
    for (const { l, line } of dataLines) {
      const cells = l.split('\t');
      const tasks = doc.tasks.filter((t) => t.sourceLine === line);
      const split = /\S {2,}\S/.test(`${cells[2]}\t${cells[3]}`);
      expect(tasks, `line ${line}`).toHaveLength(split ? 2 : 1);
      expect(
        tasks
          .map((t) => t.text)
          .join('')
          .replace(/\s/g, ''),
      ).toBe(cells[1]!.replace(/\s/g, ''));
    }
    expect(doc.tasks).toHaveLength(58);
  });

  it('skips repeated header rows and reads section rows', () => {
    const headerLines = lines.flatMap((l, i) => (l.startsWith('事项名称\t') ? [i + 1] : []));
    expect(doc.taskTable!.headerLines).toEqual(headerLines);
    expect(doc.taskTable!.columns).toEqual(['事项名称', '主要任务', '牵头部门', '责任单位', '完成时限']);
    expect(doc.taskTable!.sectionRows.map((s) => s.numeral)).toEqual(['一', '二', '三', '四']);
    expect(doc.notes.sectionRowMismatches).toEqual([]);
  });

  it('assigns misaligned rows to the point their text comes from and keeps the printed label', () => {
    const cases: [string, number, number][] = [
      ['反不正当竞争案件执法信息发布', 2, 3],
      ['爱国卫生运动', 4, 5],
      ['公文公开属性认定制度', 5, 5],
      ['政府规章集中统一公开', 5, 6],
      ['对照中国政府法制信息网', 5, 6],
      ['把公众参与、专家论证', 6, 6],
      ['对涉及公共利益和公众权益', 6, 6],
      ['国务院政策问答平台', 19, 20],
      ['紧紧围绕政务舆情', 20, 20],
      ['密切关注涉及疫情防控', 20, 21],
      ['深入实施“一网通办”改革', 21, 21],
      ['一联三帮', 21, 22],
      ['好差评', 21, 22],
      ['依申请公开工作作为', 22, 22],
      ['信息处理费管理办法', 22, 22],
    ];
    for (const [fragment, point, printed] of cases) {
      const t = taskWith(fragment);
      expect(t.point, fragment).toBe(point);
      expect(t.printedLabel!.no, fragment).toBe(printed);
      expect(t.match.score).toBeGreaterThan(0.8);
    }
    // Item 6's label is printed twice; the first print sits over item 5's text.
    const six = doc.rows.filter((r) => r.labelLine === r.line && r.label.no === 6).map((r) => r.line);
    expect(six).toEqual([rowOf('全面做好政府规章集中统一公开'), rowOf('把公众参与、专家论证')]);
    expect(doc.tasks.filter((t) => t.match.fallback !== null)).toEqual([]);
  });

  it('numbers tasks within their assigned point in table order', () => {
    const two = doc.tasks.filter((t) => t.point === 2);
    expect(two.map((t) => [t.seq, t.sourceLine])).toEqual([
      [1, rowOf('主动公开全国统一的市场准入负面清单')],
      [2, rowOf('及时公开建设高标准市场体系')],
      [3, rowOf('不断完善“双随机、一公开”监管')],
      [4, rowOf('做好反不正当竞争案件')],
    ]);
  });

  it("parses deadlines and inherits empty ones from the item's first row", () => {
    expect(doc.tasks.every((t) => t.deadline.kind === 'date' && t.deadline.date !== null)).toBe(true);
    expect(taskWith('主动公开国民经济和社会发展第十四个五年规划纲要').deadline).toEqual({
      raw: '9月底',
      date: '2021-09-30',
      kind: 'date',
      inherited: false,
    });
    expect(taskWith('各地区要在政府信息公开平台').deadline).toEqual({ raw: '9月底', date: '2021-09-30', kind: 'date', inherited: true });
    expect(taskWith('编制完成重大建设项目').deadline.date).toBe('2021-11-30');
    expect(taskWith('对照中国政府法制信息网').deadline).toEqual({ raw: '12月底', date: '2021-12-31', kind: 'date', inherited: true });
    for (const t of doc.tasks) {
      const row = dataLines.find((d) => d.line === t.sourceLine)!;
      expect(t.deadline.inherited, `line ${t.sourceLine}`).toBe(row.l.split('\t')[4]!.trim() === '');
    }
  });

  it('splits department cells on spaces and inherits empty ones', () => {
    const t = taskWith('主动公开国民经济和社会发展第十四个五年规划纲要');
    expect(t.lead).toEqual(['市发展改革委', '市自然资源局', '市政府办公室']);
    expect(t.units).toEqual(['区县（市）政府']);
    expect(t.leadRaw).toBe('市发展改革委 市自然资源局 市政府办公室');
    const next = taskWith('各地区要在政府信息公开平台');
    expect(next.lead).toEqual(t.lead);
    expect(next.inherited).toEqual({ lead: true, units: false });
    expect(next.leadRaw).toBe('');
    expect(taskWith('编制完成重大建设项目').units).toEqual(['市发展改革委', '市自然资源局', '沈阳公共资源交易中心', '沈河区政府']);
  });

  it('splits item 10 into two tasks with their own department groups', () => {
    const line = rowOf('10. 推进集约化平台建设');
    const [a, b] = doc.tasks.filter((t) => t.sourceLine === line);
    expect(a!.split).toEqual({ part: 1, of: 2 });
    expect(b!.split).toEqual({ part: 2, of: 2 });
    expect(a!.text.startsWith('全面推行政府网站集约化建设')).toBe(true);
    expect(b!.text.startsWith('推动公开、互动、服务融合发展')).toBe(true);
    expect(a!.lead).toEqual(['市政府办公室', '市信息中心']);
    expect(a!.units).toEqual(['区县（市）政府', '市政府各部门']);
    expect(b!.lead).toEqual(['市营商局']);
    expect(b!.units).toEqual(['区县（市）政府', '市政府有关部门']);
    expect([a!.point, b!.point, a!.seq, b!.seq]).toEqual([10, 10, 1, 2]);
    expect(doc.tasks.filter((t) => t.split)).toHaveLength(2);
  });

  it('reports wording that differs from the point text', () => {
    const yiHao = taskWith('一号管').wording;
    expect(yiHao).toHaveLength(1);
    expect(yiHao[0]).toMatchObject({ point: '答', table: '管' });
    expect(taskWith('加强业务培训 and 案例指导').wording[0]).toMatchObject({ point: '和', table: 'and' });
    expect(taskWith('主动公开国民经济和社会发展第十四个五年规划纲要').wording).toEqual([]);
    // Reordered sentences (item 17) differ only where the wording does.
    expect(taskWith('严格落实政策解读“三同步”制度').wording.map((f) => [f.point, f.table])).toEqual([['推', '驱']]);
  });
});

describe('seed: metadata', () => {
  it('reads the notice', () => {
    expect(doc.year).toBe(2021);
    expect(doc.title).toBe('沈阳市 2021 年政务公开工作要点');
    expect(doc.issuer).toBe('沈阳市政务公开领导小组');
    expect(doc.docNumber).toBe('沈政公领发〔2021〕1号');
    expect(doc.signedAt).toBe('2021-06-22');
    expect(doc.publishedAt).toBe('2021-06-22');
    expect(doc.disclosure).toBe('主动公开');
    expect(doc.disclosureNote).toBe('(此件公开发布)');
    expect(doc.notice!.header).toBe('沈阳市政务公开领导小组文件');
    expect(doc.notice!.title).toBe('沈阳市政务公开领导小组关于印发沈阳市 2021年政务公开工作要点的通知');
    expect(doc.notice!.addressees).toBe(lines[lineOf('各区、县(市)人民政府') - 1]);
    expect(doc.notice!.body).toEqual([lines[lineOf('为贯彻落实《辽宁省政务公开领导小组关于印发辽宁省') - 1]]);
    expect(doc.notice!.signature).toEqual(['沈阳市政务公开领导小组', '2021年6月22日']);
    expect(doc.intro).toEqual([lines[lineOf('结合我市实际') - 1]]);
    expect(doc.closing).toEqual([lines[lineOf('各地区、各部门要将本要点') - 1]]);
    expect(doc.attachment).toBe('附件:沈阳市2021年政务公开工作要点任务分解表');
    expect(doc.taskTable!.title).toBe('沈阳市2021年政务公开工作重点任务分解表');
  });
});

describe('seed: nothing is lost', () => {
  const han = (s: string) => {
    const counts = new Map<string, number>();
    for (const ch of s.match(/\p{Script=Han}/gu) ?? []) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    return counts;
  };
  const sorted = (m: Map<string, number>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1));

  it('every CJK character of the seed lands in exactly one extracted field', () => {
    const parts: string[] = [
      doc.notice!.header,
      doc.docNumber!,
      doc.notice!.title,
      doc.notice!.addressees,
      ...doc.notice!.body,
      ...doc.notice!.signature,
      doc.disclosureNote,
      doc.title,
      ...doc.intro,
      ...doc.sections.map((s) => s.heading),
      ...doc.points.flatMap((p) => [p.title, ...p.body]),
      ...doc.closing,
      doc.attachment!,
      doc.taskTable!.title,
      ...doc.taskTable!.headerLines.flatMap(() => doc.taskTable!.columns),
      ...doc.taskTable!.sectionRows.map((s) => s.text),
    ];
    for (const line of new Set(doc.tasks.map((t) => t.sourceLine))) {
      const tasks = doc.tasks.filter((t) => t.sourceLine === line);
      const first = tasks[0]!;
      if (first.labelLine === line) parts.push(first.printedLabel!.title);
      if (!first.deadline.inherited) parts.push(first.deadline.raw);
      for (const t of tasks) parts.push(t.text, t.leadRaw, t.unitsRaw);
    }
    expect(sorted(han(parts.join('\n')))).toEqual(sorted(han(text)));
  });
});

describe('seed: departments', () => {
  it('gives each department a pinyin id and a kind', () => {
    const byName = new Map(doc.departments.map((d) => [d.name, d]));
    expect(byName.get('市政府办公室')?.slug).toBe('shi-zheng-fu-ban-gong-shi');
    expect(byName.get('区县（市）政府')).toMatchObject({ slug: 'qu-xian-shi-zheng-fu', kind: 'group' });
    expect(byName.get('市政府各部门')?.kind).toBe('group');
    expect(byName.get('市政府有关部门')?.kind).toBe('group');
    expect(byName.get('沈河区政府')?.kind).toBe('district');
    expect(byName.get('市财政局')?.kind).toBe('municipal');
    expect(departmentSlug('市文旅局')).toBe('shi-wen-lv-ju');
    const names = new Set(doc.tasks.flatMap((t) => [...t.lead, ...t.units]));
    expect(doc.departments.map((d) => d.name).sort()).toEqual([...names].sort());
    expect(new Set(doc.departments.map((d) => d.slug)).size).toBe(doc.departments.length);
  });
});
