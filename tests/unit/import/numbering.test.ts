/**
 * Numbering levels of 要点 text, on invented documents (imaginary governments) written the ways
 * real ones are: points at the `一、` level with no sections, three levels with title-only
 * sub-headings, lists inside points, bold runs cut inside a phrase.
 */
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../../scripts/lib/import/formats/readHtml.ts';
import { readText } from '../../../scripts/lib/import/formats/readText.ts';
import type { SourceDocument } from '../../../scripts/lib/import/formats/types.ts';
import { isHeadingOnly, numberingOf } from '../../../scripts/lib/import/numbering.ts';
import { findPointsStart, parsePoints, type ParsedPoints } from '../../../scripts/lib/import/parsePoints.ts';
import { ImportError } from '../../../scripts/lib/import/errors.ts';

/** A web page whose article is these paragraphs. */
const page = (paragraphs: string[]): SourceDocument =>
  readHtml(
    new TextEncoder().encode(`<html><head><meta charset="utf-8"><title>t</title></head><body><div>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</div></body></html>`),
    'variant.html',
  );

function parse(doc: SourceDocument): { parsed: ParsedPoints; start: NonNullable<ReturnType<typeof findPointsStart>> } {
  const start = findPointsStart(doc.blocks);
  if (!start) throw new Error('no points start');
  return { parsed: parsePoints(doc, start.start, doc.blocks.length, 'variant.html'), start };
}
const levels = (s: NonNullable<ReturnType<typeof findPointsStart>>) => [s.plan.sectionKind, s.plan.subsectionKind, s.plan.pointKind];

describe('numberingOf', () => {
  it('reads every level and its printed number', () => {
    expect(
      ['十二、支持口岸', '一．加强', '（二十四）广告', '(3) 推进', '34.加强', '7、做好', '（12）开展', '③办理'].map((t) => {
        const m = numberingOf(t);
        return m && [m.kind, m.no, m.label];
      }),
    ).toEqual([
      ['cn', 12, '十二、'],
      ['cn', 1, '一．'],
      ['parenCn', 24, '（二十四）'],
      ['parenAr', 3, '(3)'],
      ['arabic', 34, '34.'],
      ['arabic', 7, '7、'],
      ['parenAr', 12, '（12）'],
      ['circled', 3, '③'],
    ]);
  });

  it('does not take years, decimals or a bare number for a point number', () => {
    expect(['2023年底前完成', '1.5亿元', '一、', '（一）'].map(numberingOf)).toEqual([null, null, null, null]);
  });
});

describe('isHeadingOnly', () => {
  const p = (text: string) => page([text]).blocks[0];
  it('takes short title lines, with or without a final 。, as headings', () => {
    expect(isHeadingOnly(p('（一）加强信用相关制度建设。'), '（一）')).toBe(true);
    expect(isHeadingOnly(p('（二）建立城乡有序流动的人口迁徙制度'), '（二）')).toBe(true);
  });
  it('does not take a title followed by its body, or a lead-in, as a heading', () => {
    expect(isHeadingOnly(p('（一）强化组织领导。成立领导小组，明确职责。'), '（一）')).toBe(false);
    expect(isHeadingOnly(p('（一）重点做好以下工作：'), '（一）')).toBe(false);
  });
});

describe('points with no sections: 一、 items carry the duty lines', () => {
  const doc = page([
    '东湖县人民政府办公室',
    '2024年3月1日',
    '东湖县推进营商环境',
    '优化八项措施分工方案',
    '为抓好落实，分工如下：',
    '<b>一、深化“一网通办”</b>。推动政务服务事项全程网办。',
    '牵头单位：县数据局',
    '配合单位：县直各部门',
    '完成时限：2024年6月底',
    '二、推行“证照分离”改革',
    '在市场准入领域推行告知承诺。一是梳理事项清单；二是公布办理指南。',
    '牵头单位：县市场监管局',
    '三、压减审批时限',
    '全面梳理审批流程，具体为：',
    '1.投资项目审批压减至30日；',
    '2.工程建设审批压减至60日。',
    '牵头单位：县发展改革局',
    '完成时间：长期坚持',
    '各单位要按照分工抓好落实。',
  ]);
  const { parsed, start } = parse(doc);

  it('reads the 一、 items as points under the printed title, one unnumbered section, an inference', () => {
    expect(levels(start)).toEqual([null, null, 'cn']);
    expect(start.start).toBe(5);
    expect(start.heading).toEqual({ text: '东湖县推进营商环境优化八项措施分工方案', line: doc.blocks[2]!.line });
    expect(parsed.sections.map((s) => [s.numeral, s.heading])).toEqual([[undefined, '东湖县推进营商环境优化八项措施分工方案']]);
    expect(parsed.unnumberedSection?.kind).toBe('unnumberedSection');
  });

  it('keeps 1. items and 一是 inside a point as its text, and the duty lines with the last point', () => {
    expect(parsed.points.map((p) => [p.label, p.title])).toEqual([
      ['一、', '深化“一网通办”'],
      ['二、', '推行“证照分离”改革'],
      ['三、', '压减审批时限'],
    ]);
    expect(parsed.points[2]!.body).toEqual([
      '全面梳理审批流程，具体为：',
      '1.投资项目审批压减至30日；',
      '2.工程建设审批压减至60日。',
      '牵头单位：县发展改革局',
      '完成时间：长期坚持',
    ]);
    expect(parsed.closing).toEqual(['各单位要按照分工抓好落实。']);
  });
});

describe('points with no sections and no duty lines: title-only 一、 lines over body paragraphs', () => {
  it('reads them as points, even with a list restarting inside one of them', () => {
    const { parsed, start } = parse(
      page([
        '西岭市便民服务六项举措',
        '一、开设自助服务区',
        '引进自助终端，实现全天候服务。内容包括：',
        '1.出入境签注；',
        '2.社保查询。',
        '另设企业服务：',
        '1.营业执照打印。',
        '二、推行帮办代办',
        '为企业提供免费帮办代办服务。',
      ]),
    );
    expect(levels(start)).toEqual([null, null, 'cn']);
    expect(parsed.points.map((p) => [p.title, p.body.length])).toEqual([
      ['开设自助服务区', 5],
      ['推行帮办代办', 1],
    ]);
  });

  it('stops with a clear error when no title stands above the points', () => {
    const doc = page(['各单位：', '现将有关事项通知如下：', '一、加强领导。成立工作专班。', '二、压实责任。明确分工。']);
    const start = findPointsStart(doc.blocks)!;
    expect(() => parsePoints(doc, start.start, doc.blocks.length, 'variant.html')).toThrow(ImportError);
    expect(() => parsePoints(doc, start.start, doc.blocks.length, 'variant.html')).toThrow(/上方也没有要点（方案）标题/);
  });

  it('takes the heading the caller gives for the unnumbered section', () => {
    const doc = page(['各单位：', '现将有关事项通知如下：', '一、加强领导。成立工作专班。', '二、压实责任。明确分工。']);
    const start = findPointsStart(doc.blocks)!;
    const parsed = parsePoints(doc, start.start, doc.blocks.length, 'variant.html', { heading: { text: '工作方案', line: 9 } });
    expect(parsed.sections.map((s) => [s.heading, s.line])).toEqual([['工作方案', 9]]);
    expect(parsed.points.map((p) => p.title)).toEqual(['加强领导', '压实责任']);
  });
});

describe('three levels: 一、 sections > title-only （一） sub-headings > 1. items', () => {
  it('reads the items as points when each carries its clause, numbers starting again under each sub-heading', () => {
    const { parsed, start } = parse(
      page([
        '南溪区信用体系建设任务分工',
        '一、完善制度',
        '（一）健全信用制度。',
        '1.制定信用信息目录。明确分类。（责任单位：区发展改革局）',
        '2.建立承诺制度。（责任单位：区司法局、区政务服务中心）',
        '（二）统一信用代码。',
        '1.推行统一社会信用代码。（责任单位：区市场监管局）',
        '二、推进应用',
        '（三）开展联合奖惩。',
        '1.建立红黑名单制度。（责任单位：区发展改革局）',
      ]),
    );
    expect(levels(start)).toEqual(['cn', 'parenCn', 'arabic']);
    expect(parsed.restart).toBe(true);
    expect(parsed.unnumberedSection).toBeUndefined();
    expect(parsed.sections.map((s) => s.subsections?.map((x) => [x.no, x.numeral, x.title]))).toEqual([
      [
        [1, '（一）', '健全信用制度。'],
        [2, '（二）', '统一信用代码。'],
      ],
      [[3, '（三）', '开展联合奖惩。']],
    ]);
    expect(parsed.points.map((p) => [p.no, p.label, p.section, p.subsection, p.title])).toEqual([
      [1, '1.', 1, 1, '制定信用信息目录'],
      [2, '2.', 1, 1, '建立承诺制度'],
      [3, '1.', 1, 2, '推行统一社会信用代码'],
      [4, '1.', 2, 3, '建立红黑名单制度'],
    ]);
  });

  it('reads the items as points without any duty statement when the （一） lines are title-only', () => {
    const { parsed, start } = parse(
      page([
        '北林县乡村振兴实施意见',
        '一、总体要求',
        '（一）指导思想',
        '坚持农业农村优先发展。',
        '二、重点任务',
        '（二）发展特色产业',
        '1.壮大茶叶产业。扩大种植面积。',
        '2.发展乡村旅游。打造精品线路。',
        '（三）改善人居环境',
        '3.推进厕所改造。年底前完成。',
      ]),
    );
    expect(levels(start)).toEqual(['cn', 'parenCn', 'arabic']);
    expect(parsed.points.map((p) => [p.label, p.subsection, p.title])).toEqual([
      ['1.', 2, '壮大茶叶产业'],
      ['2.', 2, '发展乡村旅游'],
      ['3.', 3, '推进厕所改造'],
    ]);
    expect(parsed.sections[0]!.intro).toEqual(['坚持农业农村优先发展。']);
  });

  it('keeps （一） points with 1. sub-items when a （一） point carries its own clause', () => {
    const { parsed, start } = parse(
      page([
        '<b>一、加强政策公开</b>',
        '<b>（一）公开助企政策。</b>集中公开涉企政策。（牵头单位：县发展改革局）',
        '<b>（二）深化预决算公开。</b>规范公开内容。',
        '1.推进部门预决算公开。（牵头单位：县财政局）',
        '2.做好债务信息公开。（责任单位：县财政局）',
      ]),
    );
    expect(levels(start)).toEqual(['cn', null, 'parenCn']);
    expect(parsed.points.map((p) => [p.label, p.title, p.body])).toEqual([
      ['（一）', '公开助企政策', ['集中公开涉企政策。（牵头单位：县发展改革局）']],
      [
        '（二）',
        '深化预决算公开',
        ['规范公开内容。', '1.推进部门预决算公开。（牵头单位：县财政局）', '2.做好债务信息公开。（责任单位：县财政局）'],
      ],
    ]);
  });

  it('reads the items as points when the duty lines follow the items, not the sub-headings', () => {
    const { parsed, start } = parse(
      page([
        '一、改革任务',
        '（一）建立人口迁徙制度',
        '1.放开落户限制。推进户籍迁移。',
        '推进居住证制度。',
        '责任单位：区公安局',
        '（二）建立权益退出制度',
        '2.深化承包地改革。引导土地流转。',
        '责任单位：区农业农村局',
        '二、组织实施',
        '3.建立协调机制。成立领导小组。',
      ]),
    );
    expect(levels(start)).toEqual(['cn', 'parenCn', 'arabic']);
    expect(parsed.points.map((p) => [p.printedNo, p.section, p.subsection ?? null, p.pieces.length])).toEqual([
      [1, 1, 1, 3],
      [2, 1, 2, 2],
      [3, 2, null, 1],
    ]);
  });
});

describe('titles', () => {
  it('takes the first sentence when a bold run is cut inside a phrase', () => {
    const { parsed } = parse(
      page([
        '岚海区口岸开放措施',
        '<font face="黑体"><b>一、支持申请</b></font>“离岛免税”政策，推动旅游岛建设。参照经验做好方案。',
        '牵头单位：区商务局',
        '<b>二、强化组织领导</b>成立工作专班，统筹推进。',
        '牵头单位：区口岸办',
      ]),
    );
    expect(parsed.points.map((p) => [p.title, p.titleBold, p.body[0]])).toEqual([
      ['支持申请“离岛免税”政策，推动旅游岛建设', true, '参照经验做好方案。'],
      ['强化组织领导', true, '成立工作专班，统筹推进。'],
    ]);
  });

  it('takes the first clause of a first sentence too long for a title', () => {
    const { parsed } = parse(
      page([
        '<b>一、主要任务</b>',
        '（一）推进重点排污单位信息公开，推动重点排污单位依法向社会公开其主要污染物名称、排放方式、排放浓度和总量。（生态处牵头落实）',
        '（二）公开环评信息。全面公开建设项目环评信息。',
      ]),
    );
    expect(parsed.points.map((p) => [p.title, p.body[0]!.slice(0, 12)])).toEqual([
      ['推进重点排污单位信息公开', '推动重点排污单位依法向社'],
      ['公开环评信息', '全面公开建设项目环评信息'],
    ]);
  });
});

describe('findPointsStart', () => {
  it('starts after the 附件 line when the notice before it numbers its own requirements', () => {
    const doc = page([
      '关于做好政务公开工作的通知',
      '各单位：',
      '一、高度重视。请认真组织实施。',
      '二、按时报送。请于年底前报送。',
      '附件：东山县政务公开工作方案',
      '附件',
      '东山县政务公开工作方案',
      '<b>一、主要任务</b>',
      '1.公开权力清单。全面公开。',
      '2.公开财政预算。按时公开。',
    ]);
    const start = findPointsStart(doc.blocks)!;
    expect([start.start, levels(start)]).toEqual([7, ['cn', null, 'arabic']]);
  });

  it('returns null when nothing is numbered', () => {
    expect(findPointsStart(page(['工作方案', '做好公开工作。']).blocks)).toBeNull();
  });

  it('reads the text form as before: 一、 sections with 1. points', () => {
    const doc = readText(
      '# 某市工作要点\n\n## 一、加强公开\n\n1. 公开清单。全面公开权力清单。\n\n2. 公开预算。按时公开预算。\n\n## 二、强化解读\n\n3. 解读政策。同步解读。\n',
    );
    const { parsed, start } = parse(doc);
    expect(levels(start)).toEqual(['cn', null, 'arabic']);
    expect(parsed.points.map((p) => [p.section, p.title])).toEqual([
      [1, '公开清单'],
      [1, '公开预算'],
      [2, '解读政策'],
    ]);
  });
});

describe('section headings written as one long sentence', () => {
  it('still reads them as sections over the 1. points that carry the clauses', () => {
    const { parsed, start } = parse(
      page([
        '青川县2024年政务公开工作要点',
        '一、围绕稳经济促发展，加大政策公开力度，着力提升政务公开的针对性和实效性，更好服务经济社会发展大局。',
        '1.公开助企政策。集中公开涉企优惠政策。（牵头单位：县发展改革局）',
        '2.公开财政预算。按时公开预决算。（牵头单位：县财政局）',
        '二、围绕保障和改善民生，加强社会关切回应，做好义务教育、公共卫生等民生领域的信息公开工作。',
        '3.公开招生信息。公开招生范围和条件。（牵头单位：县教育局）',
      ]),
    );
    expect(levels(start)).toEqual(['cn', null, 'arabic']);
    expect(parsed.sections.map((s) => s.title.slice(0, 8))).toEqual(['围绕稳经济促发展', '围绕保障和改善民']);
    expect(parsed.points.map((p) => [p.section, p.title])).toEqual([
      [1, '公开助企政策'],
      [1, '公开财政预算'],
      [2, '公开招生信息'],
    ]);
  });
});
