/**
 * Points in the text of real published pages, at every numbering depth: read with the format
 * reader, started with findPointsStart and read with parsePoints. Expected counts, titles and
 * bodies (first 30 characters) are the hand-read values of the corpus (truth.json), pasted here.
 *
 * Sources (byte-identical copies in tests/fixtures/real/, from the public crawl of the portal):
 * - 02-pingtan-huantuju-2016-zwgk-fangan.html: changwu/pingtan-gov-zwgk-archive @2806b96664bf84d9c9419abfdb5833842e0ddcd7 : pingtan/zwgk/zxwj/bmwj/201607/6400_平潭综合实验区环境与国土资源局关于印发《2016年政务公开工作实施方案》的通知/page.html (crawl of https://www.pingtan.gov.cn/zwgk/zxwj/bmwj/201607/t20160713_6400.htm); saved as read (48107 characters)
 * - 04-pingtan-haiguan-12tiao-renwu-fenjie.html: changwu/pingtan-gov-zwgk-archive @2806b96664bf84d9c9419abfdb5833842e0ddcd7 : pingtan/zwgk/zxwj/qgwhbgswj/201907/15087_平潭综合实验区管委会办公室关于印发《福州海关支持平潭新一轮开放开发十二条措施任务/page.html (crawl of https://www.pingtan.gov.cn/zwgk/zxwj/qgwhbgswj/201907/t20190719_15087.htm); saved as read (65823 characters)
 * - 09-pingtan-2017-sanjian-erhua-yitisheng-liuxiang-cuoshi.html: changwu/pingtan-gov-zwgk-archive @2806b96664bf84d9c9419abfdb5833842e0ddcd7 : pingtan/zwgk/zfxxgk/gwhwj/qtyzdgkdzf/201709/63665_平潭综合实验区管委会关于印发《2017年平潭综合实验区深化“三减二化一提升”改革/page.html (crawl of https://www.pingtan.gov.cn/zwgk/zfxxgk/gwhwj/qtyzdgkdzf/201709/t20170929_63665.htm); saved as read (54889 characters)
 * - 10-pingtan-2015-xinyong-tixi-renwu-fengong.html: changwu/pingtan-gov-zwgk-archive @2806b96664bf84d9c9419abfdb5833842e0ddcd7 : pingtan/zwgk/zxwj/qgwhbgswj/201511/2569_关于印发平潭综合实验区社会信用体系建设规划（2015-2020）任务分工实施方案/page.html (crawl of https://www.pingtan.gov.cn/zwgk/zxwj/qgwhbgswj/201511/t20151112_2569.htm); saved as read (52668 characters)
 * - 13-pingtan-2020-chengxiang-ronghe-zhidao-yijian.html: changwu/pingtan-gov-zwgk-archive @9f73b0e55dd497d0f98f2bbae4d96e68341583fa : pingtan/zwgk/zxwj/qgwhwj/202007/21654_平潭综合实验区党工委 平潭综合实验区管委会关于印发《平潭综合实验区建设国家城/page.html (crawl of https://www.pingtan.gov.cn/zwgk/zxwj/qgwhwj/202007/t20200703_21654.htm); saved as read (66087 characters)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../../scripts/lib/import/formats/readSource.ts';
import { findPointsStart, parsePoints, type ParsedPoints } from '../../../scripts/lib/import/parsePoints.ts';

const DIR = 'tests/fixtures/real';

async function read(name: string): Promise<{ parsed: ParsedPoints; start: NonNullable<ReturnType<typeof findPointsStart>> }> {
  const path = `${DIR}/${name}`;
  const doc = await readSource(path, readFileSync(path));
  const start = findPointsStart(doc.blocks);
  if (!start) throw new Error(`no points start in ${name}`);
  const parsed = parsePoints(doc, start.start, doc.blocks.length, path, start.heading ? { heading: start.heading } : {});
  return { parsed, start };
}
const first30 = (texts: string[]) => texts.map((t) => t.slice(0, 30));
/** Sections as [numeral, heading, sub-headings, points]. */
const outline = (p: ParsedPoints) =>
  p.sections.map((s) => [s.numeral, s.heading, s.subsections?.length ?? 0, p.points.filter((x) => x.section === s.no).length]);

describe('real page 02: （一） points under two of four 一、 sections', () => {
  const name = '02-pingtan-huantuju-2016-zwgk-fangan.html';

  it('reads 8 points in sections 三 and 四, numbered again from （一） in each', async () => {
    const { parsed, start } = await read(name);
    expect([start.plan.sectionKind, start.plan.subsectionKind, start.plan.pointKind]).toEqual(['cn', null, 'parenCn']);
    expect(outline(parsed)).toEqual([
      ['一', '一、指导思想', 0, 0],
      ['二', '二、基本原则', 0, 0],
      ['三', '三、主要任务', 0, 4],
      ['四', '四、工作要求', 0, 4],
    ]);
    expect(parsed.restart).toBe(true);
    expect(parsed.points.map((p) => p.label)).toEqual(['（一）', '（二）', '（三）', '（四）', '（一）', '（二）', '（三）', '（四）']);
    expect(parsed.sections[1]!.intro?.map((t) => t.slice(0, 6))).toEqual(['以改善环境质', '坚持依法公开', '坚持便民快捷']);
  });

  it('gives every title and body as printed (a long first sentence gives its first clause)', async () => {
    const { parsed } = await read(name);
    expect(first30(parsed.points.map((p) => p.title))).toEqual([
      '加大空气质量预测预报信息公开力度',
      '推动集中式生活饮用水水源水质监测信息公开',
      '推进重点排污单位信息公开',
      '督导检查建设单位公开环评信息，实现环保信息公开透明',
      '强化组织领导',
      '加大考核监督力度',
      '提高政务公开队伍专业化水平',
      '完善激励问责机制',
    ]);
    expect(first30(parsed.points.map((p) => p.body[0]!))).toEqual([
      '细化公开空气质量预报、城市空气质量指数范围、空气质量级别及首',
      '贯彻落实新修订的《环境保护法》和《水污染防治行动计划》，进一',
      '推动重点排污单位依法向社会公开其产生的主要污染物名称、排放方',
      '落实《建设项目环境影响评价信息公开指南（试行）》，环境保护主',
      '成立局政府信息与政务公开领导小组及其办公室，明确职责要求。机',
      '认真贯彻落实局领导关于政务信息公开批示要求，加大信息公开力度',
      '政务公开工作人员要加强政策理论学习和业务研究，准确把握政策精',
      '对政务公开工作落实好的部门，按照有关规定予以表彰；对公开工作',
    ]);
  });

  it('keeps the paragraph after the last point as closing text', async () => {
    const { parsed } = await read(name);
    expect(first30(parsed.closing)).toEqual(['主要任务各牵头处室（单位）要将前三季度、全年工作任务落实情况']);
  });
});

describe('real page 04: 一、…十二、 are the points, each followed by duty lines', () => {
  const name = '04-pingtan-haiguan-12tiao-renwu-fenjie.html';

  it('puts the 12 points in one unnumbered section under the printed plan title, and says so', async () => {
    const { parsed, start } = await read(name);
    expect([start.plan.sectionKind, start.plan.pointKind, start.plan.byDuties]).toEqual([null, 'cn', true]);
    expect(start.heading).toEqual({ text: '福州海关支持平潭新一轮开放开发十二条措施任务分解方案', line: 351 });
    expect(outline(parsed)).toEqual([[undefined, '福州海关支持平潭新一轮开放开发十二条措施任务分解方案', 0, 12]]);
    expect(parsed.sections[0]!.numeral).toBeUndefined();
    expect(parsed.unnumberedSection).toEqual({
      kind: 'unnumberedSection',
      line: 351,
      text: '要点没有“一、”部分标题：12 条要点直接列在标题“福州海关支持平潭新一轮开放开发十二条措施任务分解方案”之下，归为一个不编号的部分',
    });
    expect(parsed.points.map((p) => p.label)).toEqual([
      '一、',
      '二、',
      '三、',
      '四、',
      '五、',
      '六、',
      '七、',
      '八、',
      '九、',
      '十、',
      '十一、',
      '十二、',
    ]);
  });

  it('gives every title and body as printed', async () => {
    const { parsed } = await read(name);
    expect(first30(parsed.points.map((p) => p.title))).toEqual([
      '支持平潭口岸对外开放建设',
      '支持平潭海峡二桥与海关有关监管项目建设',
      '支持平潭申请“离岛免税”政策，推动国际旅游岛建设',
      '支持海西进出境动植物检疫隔离处理中心项目建设',
      '支持两岸检验检疫数据交换中心升级为两岸经贸数据交换中心',
      '全力推动全球质量溯源体系建设',
      '支持筹建“福建国际旅行卫生健康保健中心（平潭）口岸门诊部”',
      '支持平潭跨境电商发展',
      '支持平潭对台小额商品交易市场培育',
      '支持平潭创新台车入闽管理模式',
      '支持平潭两岸农渔交易平台建设，打造台湾农渔产品进境主通道',
      '支持平潭口岸对台贸易实施便捷通关管理的政策',
    ]);
    expect(first30(parsed.points.map((p) => p.body[0]!))).toEqual([
      '支持平潭港金井港区进境植物种苗、冷链食品（含冰鲜水产品、冷冻',
      '加强对相关监管设施与信息化项目建设的指导、推进和督促，保障平',
      '参照海南离岛免税监管经验，提前规划，做好平潭“离岛免税”海关',
      '进一步深化关地合作，共同加快推动项目二期工程建设，积极争取参',
      '实现两岸货物申报、舱单、通关、证书等经贸往来的数据互换互查，',
      '叠加平潭特色的国际贸易服务系统，进行整合并写入溯源码，通过通',
      '加强平潭国际旅游岛国际旅行卫生保健，为境内外旅客就近提供国际',
      '支持平潭争取设立跨境电商综合试验区，试点跨境电商海关优惠监管',
      '支持平潭争取对台小额商品交易市场“六大类”清单扩容，允许符合',
      '支持台湾机动车辆入出平潭岛参照适用澳门机动车入出横琴的管理模',
      '开启台湾农渔产品“绿色登陆通道”，实施“台湾水果边抽样送检，',
      '支持平潭综合实验区开展采信工作，扩大台湾进口商品和第三方检测',
    ]);
  });

  it('keeps the duty lines with their point, the last point too', async () => {
    const { parsed } = await read(name);
    expect(parsed.points.map((p) => p.pieces.length)).toEqual([5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 4]);
    expect(parsed.points[11]!.pieces.slice(1).map((p) => p.text)).toEqual([
      '牵头单位：平潭海关',
      '配合单位：区经发局、口岸办',
      '完成时限：常态化实施',
    ]);
    expect(parsed.closing).toEqual([]);
  });
});

describe('real page 09: title-only 一、 paragraphs, a body paragraph, duty lines', () => {
  const name = '09-pingtan-2017-sanjian-erhua-yitisheng-liuxiang-cuoshi.html';

  it('reads 6 points under the plan title, the numbers inside point 四 staying in its body', async () => {
    const { parsed, start } = await read(name);
    expect([start.plan.sectionKind, start.plan.pointKind]).toEqual([null, 'cn']);
    expect(outline(parsed)).toEqual([[undefined, '2017年平潭综合实验区深化“三减二化一提升”改革创新六项措施', 0, 6]]);
    expect(parsed.points[3]!.body[0]).toContain('一是出入境业务自助服务：1.办理往来港澳通行证');
  });

  it('gives every title and body as printed', async () => {
    const { parsed } = await read(name);
    expect(first30(parsed.points.map((p) => p.title))).toEqual([
      '实施档案电子化，构建行政审批“一张网”',
      '加快医社保自助结算，逐步实施“多卡融合”',
      '创新广告审批方式，实现阳光、高效、便捷交易',
      '开启智能服务模式，打造24小时自助服务区',
      '实施企业经营范围“标准化+负面清单”管理，降低制度性交易成本',
      '推进不动产预抵押或抵押权登记银行直接办理工作',
    ]);
    expect(first30(parsed.points.map((p) => p.body[0]!))).toEqual([
      '为实现政务管理基础数据信息共享和档案监管互认，改变传统的以纸',
      '进一步加大沟通、协调力度，将平潭的社保卡发放从福州市脱离出来',
      '为进一步加强户外广告设置和经营管理、规范户外广告资源有偿使用',
      '引进智能自助终端机，建立出便民服务24小时自助服务区，实现从',
      '按照“模块化、标准化”要求，实行企业经营范围“标准化+负面清',
      '通过优化流程，创新服务，将预抵押登记和抵押权登记部分业务委托',
    ]);
  });

  it("keeps the last point's body paragraph and duty lines with it", async () => {
    const { parsed } = await read(name);
    expect(parsed.points[5]!.pieces.map((p) => p.text.slice(0, 5))).toEqual([
      '推进不动产',
      '通过优化流',
      '牵头单位：',
      '配合单位：',
      '完成时间：',
    ]);
    expect(parsed.closing).toEqual([]);
  });
});

describe('real page 10: 一、 sections > title-only （一） sub-headings ending in 。 > 1. items', () => {
  const name = '10-pingtan-2015-xinyong-tixi-renwu-fengong.html';

  it('reads the 34 items as points under 24 sub-headings numbered through 4 sections', async () => {
    const { parsed, start } = await read(name);
    expect([start.plan.sectionKind, start.plan.subsectionKind, start.plan.pointKind]).toEqual(['cn', 'parenCn', 'arabic']);
    expect(outline(parsed).map(([, , subs, points]) => [subs, points])).toEqual([
      [2, 4],
      [5, 8],
      [4, 4],
      [13, 18],
    ]);
    expect(parsed.sections[0]!.subsections?.map((s) => [s.no, s.numeral, s.title])).toEqual([
      [1, '（一）', '加强信用相关制度建设。'],
      [2, '（二）', '建立健全信用标准体系。'],
    ]);
    expect(parsed.points.map((p) => p.printedNo)).toEqual(Array.from({ length: 34 }, (_, i) => i + 1));
    expect([parsed.points[0]!.subsection, parsed.points[33]!.subsection]).toEqual([1, 24]);
  });

  it('gives the text after every item number as printed', async () => {
    const { parsed } = await read(name);
    expect(first30(parsed.points.map((p) => p.pieces[0]!.text))).toEqual([
      '根据省政府相关要求，实施信用信息采集、整理、加工、保存、使用',
      '建立信用信息分类管理制度。制定信用信息目录，明确信用信息分类',
      '加快信用信息标准体系建设。统一信用信息采集和分类管理标准，统',
      '建立统一的社会信用代码制度。按照国家和省上要求，建立自然人、',
      '全区公共信用信息平台建设。全区公共信用信息平台，作为全区公共',
      '建立行业信用信息数据库。各部门要以数据标准化和应用标准化为原',
      '加强重点领域信用记录建设，推进重点领域信用记录的互联互通与共',
      '加快完善征信系统建设。推动社会征信机构建立征信系统，依法采集',
      '推进征信机构对外提供专业化征信服务。推动征信机构根据市场需求',
      '完善金融信用信息基础数据库。继续推进金融信用信息基础数据库建',
      '依法推进政务信用信息系统与征信系统间的信息交换与共享发挥市场',
      '依法推进金融信用信息交换共享。推进征信业务管理信息系统与全区',
      '将依法行政贯穿于决策、执行、监督和服务的全过程，全面推进政务',
      '在行政许可、政府采购、招标投标、劳动就业、社会保障、公务员考',
      '建立健全政务和行政承诺考核制度。要把实施发展规划、落实政府工',
      '全面开展公务员信用记录工作，依法依规将公务员个人有关事项报告',
      '建立完善企业安全生产标准化达标创建、安全生产承诺、安全生产失',
      '以食品、药品、日用消费品和农业投入品为重点，加强各类生产经营',
      '研究制定商贸流通领域企业信用信息征集共享制度，建立实施商贸流',
      '加大对虚假宣传、商业欺诈、商业诋毁、商业贿赂等违法行为的查处',
      '加强流通领域商品质量抽查检验，开展流通领域商品质量分类监管，',
      '支持商贸服务企业信用融资，发展商业保理，规范预付消费行为。鼓',
      '推进对外经济贸易信用建设，进一步加强对外贸易、对外投资合作等',
      '创新金融信用产品，改善金融服务，维护金融消费者个人信息安全，',
      '加强纳税人税务信用信息采集工作，强化纳税人基础信息、纳税记录',
      '建立完善企业和经营者价格自律管理制度，规范和引导经营者价格行',
      '加快工程建设市场信用制度建设，建立完善工程建设市场各方主体和',
      '加强政府采购信用管理，强化联动惩戒，保护政府采购当事人的合法',
      '依托区招标采购系统，做好招标项目信息发布和市场主体信用信息记',
      '建立健全交通运输信用标准体系。完善信用考核标准，建立健全与行',
      '建立健全电子商务企业客户信用管理和交易信用评估制度，加强电子',
      '开展企业诚信统计承诺活动，营造诚实报数光荣、失信造假可耻的良',
      '建立完善中介服务机构及其从业人员的信用记录和披露制度，并作为',
      '加强广告业信用建设，建立健全广告业信用分类管理制度，打击各类',
    ]);
  });
});

describe('real page 13: prose sub-parts, （一） sub-headings over 1.–15. with 责任单位 lines, 16.–18. without', () => {
  const name = '13-pingtan-2020-chengxiang-ronghe-zhidao-yijian.html';

  it('reads 18 points in sections 二 and 三, numbered through the sub-headings', async () => {
    const { parsed, start } = await read(name);
    expect([start.plan.sectionKind, start.plan.subsectionKind, start.plan.pointKind]).toEqual(['cn', 'parenCn', 'arabic']);
    expect(outline(parsed)).toEqual([
      ['一', '一、总体要求', 2, 0],
      ['二', '二、改革任务', 7, 15],
      ['三', '三、组织实施', 0, 3],
    ]);
    const perSubsection = [3, 4, 5, 6, 7, 8, 9].map((s) => parsed.points.filter((p) => p.subsection === s).length);
    expect(perSubsection).toEqual([1, 2, 2, 3, 2, 2, 3]);
    expect(parsed.sections[0]!.intro?.map((t) => t.slice(0, 6))).toEqual(['以习近平新时', '到2022年', '到2025年']);
  });

  it('gives every title, and the text after every item number, as printed', async () => {
    const { parsed } = await read(name);
    expect(first30(parsed.points.map((p) => p.title))).toEqual([
      '全方位放开落户限制',
      '深化农村承包地制度改革',
      '深化农村宅基地制度改革',
      '探索集体经营性建设用地入市',
      '深化农村集体产权制度改革',
      '加快推进乡村振兴试点村建设',
      '发挥园区载体辐射作用',
      '深化国家全域旅游示范区创建',
      '构建生态产品价值核算评估应用机制',
      '健全生态产品交易市场形成机制',
      '加快物流基础设施一体化建设',
      '加快信息基础设施一体化建设',
      '促进城乡公共教育均衡发展',
      '促进城乡医卫养老均衡发展',
      '提升城乡基层社会治理能力',
      '建立协调机制',
      '加大政策扶持',
      '加强评估督查',
    ]);
    expect(first30(parsed.points.map((p) => p.pieces[0]!.text))).toEqual([
      '全方位放开落户限制。推进放开实验区内人口在城镇地区（不含原潭',
      '深化农村承包地制度改革。引导农户通过经营权流转、股份合作、土',
      '深化农村宅基地制度改革。推进农村宅基地所有权、资格权、使用权',
      '探索集体经营性建设用地入市。允许村集体在农民自愿前提下，依法',
      '深化农村集体产权制度改革。完善农民对集体资产股份占有、收益、',
      '加快推进乡村振兴试点村建设。对接乡村振兴规划，先期遴选上楼村',
      '发挥园区载体辐射作用。积极鼓励各类资本和要素参与园区载体配套',
      '深化国家全域旅游示范区创建。将全岛作为完整的旅游目的地进行整',
      '构建生态产品价值核算评估应用机制。开展实验区生态系统价值核算',
      '健全生态产品交易市场形成机制。支持海峡股权交易中心建设资源环',
      '加快物流基础设施一体化建设。统筹城乡物流基础设施骨干网络、农',
      '加快信息基础设施一体化建设。加大政策支持和资源倾斜力度，引导',
      '促进城乡公共教育均衡发展。加快实施教育事业发展补齐短板三年行',
      '促进城乡医卫养老均衡发展。加快实施卫生健康事业发展补短板三年',
      '提升城乡基层社会治理能力。创新完善基层治理组织架构，全面加强',
      '建立协调机制。建立区党工委实施城乡融合发展试验区领导小组及联',
      '加大政策扶持。积极争取国家和省相关部门在政策、项目、资金等方',
      '加强评估督查。各责任单位要结合工作实际，围绕各项试验任务，细',
    ]);
    expect(parsed.points[12]!.pieces.map((p) => p.text.slice(0, 5))).toEqual(['促进城乡公', '推进构建城', '责任单位：']);
  });

  it('keeps the 印发 line and the related-file link as closing text', async () => {
    const { parsed } = await read(name);
    expect(parsed.closing.map((t) => t.slice(0, 13))).toEqual(['平潭综合实验区党工委办公室', '相关文件：平潭综合实验区经']);
  });
});
