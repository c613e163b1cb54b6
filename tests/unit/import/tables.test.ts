/**
 * Tables of any shape that are the whole 要点: real pages (corpus 06 and 07: a short notice whose
 * table groups unnumbered measures under merged 存在问题 cells) and invented variants of what other
 * governments print (a 序号 column, `一、` rows inside the 工作任务 column, three levels
 * 目标/任务/主要内容, no groups, no header, unknown headers).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../../scripts/lib/import/formats/readSource.ts';
import { readText } from '../../../scripts/lib/import/formats/readText.ts';
import { isTaskTable, readTaskTable } from '../../../scripts/lib/import/readTaskTable.ts';
import { tableHeading, tablePoints } from '../../../scripts/lib/import/tablePoints.ts';
import type { SourceBlock, SourceDocument } from '../../../scripts/lib/import/formats/types.ts';

type Table = Extract<SourceBlock, { kind: 'table' }>;

const firstTable = (doc: SourceDocument) => doc.blocks.find(isTaskTable) as Table;
const html = (table: string) =>
  new TextEncoder().encode(
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某县</title></head><body><div id="zoom"><p>附件</p>${table}</div></body></html>`,
  );
const readPage = (table: string) => readSource('t.html', html(table));
const read = (doc: SourceDocument, file = 't.html') => readTaskTable(firstTable(doc), file);
const pointsOf = (doc: SourceDocument, year = 2020, options = {}) => tablePoints(read(doc), year, 't', doc, options);

describe('corpus 06: 存在问题 | 整改目标和措施 | 责任单位, 47 unnumbered rows in 17 merged groups', async () => {
  const file = 'tests/fixtures/real/06-pingtan-2016-lixiang-guapai-banli-renwu-fenjiebiao.html';
  const doc = await readSource(file, readFileSync(file));
  const table = read(doc, file);
  const built = tablePoints(table, 2016, file, doc);

  it('is a task table whose columns are found by their headers', () => {
    expect(table.columns).toEqual([
      { role: 'section', header: '存在问题' },
      { role: 'task', header: '整改目标和措施' },
      { role: 'units', header: '责任单位' },
    ]);
    expect(table.rows).toHaveLength(47);
  });

  it('makes each 存在问题 cell a section without numeral, with its rows as points', () => {
    expect(built.sections.every((s) => s.numeral === undefined)).toBe(true);
    expect(built.sections.map((s) => [s.heading, built.points.filter((p) => p.section === s.no).length])).toEqual([
      ['投资增长动力不足', 3],
      ['中小企业困难较大', 5],
      ['产业结构不够优、竞争力不强，龙头企业偏少', 8],
      ['中心城市辐射带动力不够强', 3],
      ['脱贫攻坚任务繁重', 1],
      ['节能减排面临新挑战', 4],
      ['畜禽养殖污染尚未根本遏制', 1],
      ['Ⅰ、Ⅱ类水质比重下降', 2],
      ['市政基础设施不够完善', 1],
      ['排涝设施比较薄弱', 1],
      ['公共停车场所不够多', 1],
      ['地下管网设施比较薄弱', 2],
      ['城市交通拥堵突出', 3],
      ['基础教育发展还较滞后', 2],
      ['卫生事业发展还较滞后', 5],
      ['公共安全还存在一些突出问题和隐患', 2],
      ['“办事难”给基层和群众带来烦恼', 3],
    ]);
  });

  it('makes every row an unlabelled point whose body is the measure, with one task', () => {
    expect(built.points).toHaveLength(47);
    expect(built.points.every((p) => p.unlabelled === true && p.label === undefined)).toBe(true);
    expect(built.points.map((p) => p.no)).toEqual(Array.from({ length: 47 }, (_, i) => i + 1));
    expect(built.points.map((p) => p.body[0]!.slice(0, 30))).toEqual(BODIES_06);
    expect(built.tasks).toHaveLength(47);
    expect(built.tasks.every((t) => t.printedLabel === undefined)).toBe(true);
  });

  it('keeps the row after a Word rowspan=2 row that has no continuation (脱贫攻坚 → 节能减排)', () => {
    const t = built.tasks[20]!;
    expect([t.point, t.text.slice(0, 10), t.unitsRaw]).toEqual([21, '分解年度减排目标任务', '区环土局牵头']);
    expect(built.tasks[19]!.unitsRaw).toBe('区经发局牵头，区直有关单位');
  });

  it('joins a 责任单位 cell wrapped over two lines at a 、', () => {
    expect(built.tasks[2]!.unitsRaw).toBe('区经发局牵头，区财金局、纪工委、环土局、交建局、社会事业局');
  });
});

describe('corpus 07: the 附件 table of a notice, deadlines inside the measures', async () => {
  const file = 'tests/fixtures/real/07-pingtan-2016-huanjing-zhenggai-renwu-fenjiebiao.html';
  const doc = await readSource(file, readFileSync(file));
  const built = tablePoints(read(doc, file), 2016, file, doc);

  it('finds the table title wrapped over two paragraphs under 附件', () => {
    const at = doc.blocks.findIndex(isTaskTable);
    expect(tableHeading(doc.blocks, at)).toEqual({ text: '全省经济运行暨“行动计划”督查落实专题会议通报环境问题整改任务分解表', line: 327 });
  });

  it('reads 5 groups, 12 points and 12 tasks', () => {
    expect(built.sections.map((s) => [s.numeral, s.title, built.points.filter((p) => p.section === s.no).length])).toEqual([
      [undefined, '入海溪流普遍污染严重', 1],
      [undefined, '2015年禁养区生猪养殖场尚未全部拆除，可养区改造工作也严重滞后', 7],
      [undefined, '流水镇谢厝村环岛路畜禽养殖废水直排', 1],
      [undefined, '龙凤头龙凤溪污染严重', 2],
      [undefined, '医疗废物收集贮存场所场地简陋，容易造成疾病传播', 1],
    ]);
    expect(built.points.map((p) => p.body[0]!.slice(0, 30))).toEqual(BODIES_07);
    expect(built.tasks).toHaveLength(12);
  });

  it('takes the deadline from the measure text', () => {
    expect(built.tasks.map((t) => t.deadline.date)).toEqual([
      '2016-06-30',
      '2016-06-30',
      '2016-06-30',
      '2016-06-30',
      '2016-06-30',
      '2016-06-30',
      '2016-10-31',
      '2016-12-31',
      '2016-12-31',
      null,
      null,
      '2016-12-31',
    ]);
  });
});

describe('a 序号 column and `一、` rows inside the 工作任务 column', async () => {
  const doc = await readPage(`<table border="1">
<tr><td>序号</td><td>工作任务</td><td>责任单位</td><td>完成时限</td></tr>
<tr><td></td><td>一、推进决策公开</td><td></td><td></td></tr>
<tr><td>1</td><td>推进重大决策预公开。涉及群众切身利益的决策草案公开征求意见。</td><td>县司法局</td><td>6月底前</td></tr>
<tr><td>2</td><td>规范公开目录</td><td>县政府办公室</td><td>长期坚持</td></tr>
<tr><td>二</td><td>优化政务公开平台</td><td></td><td></td></tr>
<tr><td>3</td><td>加强政务新媒体管理</td><td>县委网信办、县公安局</td><td>年底前</td></tr>
</table>`);
  const built = pointsOf(doc);

  it('reads sections from rows inside the table, numbered as printed', () => {
    expect(built.sections.map((s) => [s.numeral, s.title, s.heading])).toEqual([
      ['一', '推进决策公开', '一、推进决策公开'],
      ['二', '优化政务公开平台', '二、优化政务公开平台'],
    ]);
  });

  it('takes each point’s number from the 序号 column', () => {
    expect(built.points.map((p) => [p.no, p.label, p.printedNo, p.section, p.title, p.unlabelled])).toEqual([
      [1, '1.', 1, 1, '推进重大决策预公开', undefined],
      [2, '2.', 2, 1, '规范公开目录', undefined],
      [3, '3.', 3, 2, '加强政务新媒体管理', undefined],
    ]);
    expect(built.tasks.map((t) => [t.point, t.units, t.deadline.raw])).toEqual([
      [1, ['县司法局'], '6月底前'],
      [2, ['县政府办公室'], '长期坚持'],
      [3, ['县委网信办', '县公安局'], '年底前'],
    ]);
  });
});

describe('three levels: 目标 / 任务 / 主要内容, merged cells', async () => {
  const doc = await readPage(`<table border="1">
<tr><td>目标</td><td>任务</td><td>主要内容</td><td>责任单位</td><td>完成时间</td></tr>
<tr><td rowspan="3">提升政务服务水平</td><td rowspan="2">推行一网通办</td><td>上线网上办事大厅。</td><td>县行政审批局</td><td>2020年6月底前</td></tr>
<tr><td>实现高频事项全程网办。</td><td>县直各部门</td><td>年底前</td></tr>
<tr><td>压缩办理时限</td><td>承诺时限压缩一半。</td><td>县行政审批局</td><td>长期坚持</td></tr>
<tr><td>优化营商环境</td><td>清理证明事项</td><td>公布保留的证明事项清单。</td><td>县司法局</td><td>9月底前</td></tr>
</table>`);
  const built = pointsOf(doc);

  it('makes 目标 the sections, 任务 the points and each 主要内容 row a task', () => {
    expect(read(doc).columns.map((c) => c.role)).toEqual(['section', 'task', 'requirement', 'units', 'deadline']);
    expect(built.sections.map((s) => [s.no, s.numeral, s.heading])).toEqual([
      [1, undefined, '提升政务服务水平'],
      [2, undefined, '优化营商环境'],
    ]);
    expect(built.points.map((p) => [p.no, p.section, p.title, p.body, p.unlabelled])).toEqual([
      [1, 1, '推行一网通办', ['上线网上办事大厅。', '实现高频事项全程网办。'], true],
      [2, 1, '压缩办理时限', ['承诺时限压缩一半。'], true],
      [3, 2, '清理证明事项', ['公布保留的证明事项清单。'], true],
    ]);
    expect(built.tasks.map((t) => [t.point, t.text, t.units, t.deadline.date])).toEqual([
      [1, '上线网上办事大厅。', ['县行政审批局'], '2020-06-30'],
      [1, '实现高频事项全程网办。', ['县直各部门'], '2020-12-31'],
      [2, '承诺时限压缩一半。', ['县行政审批局'], null],
      [3, '公布保留的证明事项清单。', ['县司法局'], '2020-09-30'],
    ]);
  });
});

describe('two unnumbered grouping columns: 领域 > 存在问题', async () => {
  const doc = await readPage(`<table border="1">
<tr><td>领域</td><td>存在问题</td><td>整改措施</td><td>责任单位</td></tr>
<tr><td rowspan="3">生态环境</td><td rowspan="2">河道污染</td><td>清理河道垃圾。</td><td>县水利局</td></tr>
<tr><td>关停直排企业。</td><td>县生态环境局</td></tr>
<tr><td>扬尘污染</td><td>工地全部覆盖。</td><td>县住建局</td></tr>
</table>`);
  const built = pointsOf(doc);

  it('makes the outer column sections and the inner one sub-sections, none numbered', () => {
    expect(built.sections.map((s) => [s.heading, s.numeral, s.subsections?.map((x) => [x.no, x.heading, x.numeral])])).toEqual([
      [
        '生态环境',
        undefined,
        [
          [1, '河道污染', undefined],
          [2, '扬尘污染', undefined],
        ],
      ],
    ]);
    expect(built.points.map((p) => [p.section, p.subsection, p.title])).toEqual([
      [1, 1, '清理河道垃圾'],
      [1, 1, '关停直排企业'],
      [1, 2, '工地全部覆盖'],
    ]);
  });
});

describe('a text table with no groups and no numbers', () => {
  const text = [
    '# 某县2020年问题整改任务表',
    '',
    '整改措施\t责任单位\t完成时限',
    '开展入河排污口排查。\t县生态环境局\t6月底前',
    '建成污水管网20公里。\t县住建局\t',
    '',
  ].join('\n');
  const doc = readText(text);

  it('is one section named by the heading printed above the table, reported', () => {
    const built = pointsOf(doc, 2020, { heading: { text: '某县2020年问题整改任务表', line: 1 } });
    expect(built.sections).toEqual([{ no: 1, title: '某县2020年问题整改任务表', heading: '某县2020年问题整改任务表', line: 1 }]);
    expect(built.inferences.filter((i) => i.kind === 'sectionFromTitle').map((i) => i.text)).toEqual([
      '表格未分组，全部事项归入“某县2020年问题整改任务表”',
    ]);
    expect(built.points.map((p) => [p.no, p.unlabelled, p.title])).toEqual([
      [1, true, '开展入河排污口排查'],
      [2, true, '建成污水管网20公里'],
    ]);
    // An empty cell of a text table is a merge only within its point: the next row is another point.
    expect(built.tasks.map((t) => t.deadline.raw)).toEqual(['6月底前', '']);
  });

  it('never takes a date, a （此件公开发布） line or an issuer line into the title', () => {
    const blocks = readText(
      [
        '某县人民政府办公室',
        '',
        '2020年3月1日',
        '',
        '（此件公开发布）',
        '',
        '某县整改任务表',
        '',
        '整改措施\t责任单位',
        '清理河道。\t县水利局',
        '',
      ].join('\n'),
    ).blocks;
    const at = blocks.findIndex(isTaskTable);
    expect(tableHeading(blocks, at)?.text).toBe('某县整改任务表');
    expect(tableHeading(blocks, 0)).toBeNull();
  });

  it('stops when no heading names the one section', () => {
    expect(() => pointsOf(doc)).toThrow(/no section .* before the first item/u);
  });
});

describe('columns read from their cells', async () => {
  it('finds 序号, task, 责任单位 and 完成时限 in a table printed without a header row', async () => {
    const doc = await readPage(`<table border="1">
<tr><td>1</td><td>建立政策解读专栏，集中发布解读材料。</td><td>县政府办公室</td><td>2020年6月底前</td></tr>
<tr><td>2</td><td>开展政府开放日活动，邀请群众参与。</td><td>县直各部门</td><td>长期坚持</td></tr>
</table>`);
    const table = read(doc);
    expect(table.columns.map((c) => [c.role, c.byContent])).toEqual([
      ['seq', true],
      ['task', true],
      ['units', true],
      ['deadline', true],
    ]);
    expect(table.inferences.map((i) => i.kind)).toEqual(['columnByContent', 'columnByContent', 'columnByContent', 'columnByContent']);
    expect(() => pointsOf(doc)).toThrow(/no section/u);
    const built = pointsOf(doc, 2020, { heading: { text: '某县政务公开任务表', line: 1 } });
    expect(built.points.map((p) => p.label)).toEqual(['1.', '2.']);
  });

  it('reads an unknown header by its cells (落实主体 → units, 节点 → deadline)', async () => {
    const doc = await readPage(`<table border="1">
<tr><td>存在问题</td><td>整改目标和措施</td><td>落实主体</td><td>节点</td></tr>
<tr><td>办事难</td><td>推行一窗受理，压缩办理时限。</td><td>区行政审批局牵头，区效能办配合</td><td>2016年底前</td></tr>
<tr><td>停车难</td><td>新增公共停车位500个。</td><td>区交建局</td><td>2016年9月底前</td></tr>
</table>`);
    expect(read(doc).columns.map((c) => c.role)).toEqual(['section', 'task', 'units', 'deadline']);
  });

  it('does not take a two-column contact list for a task table', async () => {
    const doc = await readPage(`<table border="1">
<tr><td>联系人</td><td>电话</td></tr>
<tr><td>张三</td><td>0591-23157038</td></tr>
</table>`);
    expect(doc.blocks.some(isTaskTable)).toBe(false);
  });
});

const BODIES_06 = [
  '出台2016年度扩大有效投资的实施意见，细分投资领域，谋划实',
  '创新应用各种投融资方式，总结推广PPP等建设运营模式，调动社',
  '抓好科学发展跨越发展行动计划重大项目和2016年度省重点项目',
  '落实涉企税费优惠政策，主动对接国家“开展降低实体经济企业成本',
  '落实省政府《关于进一步推动企业兼并重组的若干措施》，支持有兼',
  '开展针对中小企业的“手拉手”供需衔接，将中小企业产品纳入龙头',
  '加大对困难行业企业的帮扶力度，适时对铁合金等行业企业实施丰弃',
  '对省级制造业龙头企业、高成长企业和符合条件的工业增长点项目用',
  '进一步落实省委、省政府关于进一步加快产业转型升级的若干意见。',
  '进一步落实《福建省实施<中国制造2025>行动计划》。',
  '实施新一轮企业技术改造专项行动，完成技改投资4800亿元，组',
  '制定实施新兴产业倍增计划，2016年战略性新兴产业增加值占地',
  '开展加快发展现代服务业行动，推进现代物流、旅游、健康养老、商',
  '实施创新驱动发展战略行动计划，加快发展新产业、掌握新技术、构',
  '实施智能制造专项行动，落实加快发展智能制造九条措施，组织省级',
  '加强龙头企业产业链招商，实施兼并重组，加快工业重点项目建设，',
  '推动三明、莆田、南平、龙岩、宁德等区域中心城市发展，密切与周',
  '加大对省级扶贫开发工作重点县、原中央苏区、革命老区、少数民族',
  '加强城镇规划与周边乡村规划在产业布局、基础设施网络、公共服务',
  '健全“省负总责、市县抓落实、工作到村、帮扶到户”的长效机制，',
  '分解年度减排目标任务，列入各设区市书记市长生态环保目标责任书',
  '实施火电超低排放改造，实施工业深度治理。加大落后产能淘汰力度',
  '加大减排项目建设力度，全面完成脱硫、脱硝设施升级改造任务。',
  '推进生活领域污染减排，加快现有污水处理厂扩容技改、管网延伸，',
  '加强畜禽养殖场规范化改造和全过程综合治理，完成存栏5000头',
  '落实好《福建省水污染防治行动计划工作方案》，加强重点流域水环',
  '开展全省地表水重要断面水质考核，定期公布考核结果，对考核结果',
  '实施市政提升“五千工程”。全省完成新改扩建城市道路、雨水管网',
  '所有市县完成排水防涝设施建设规划编制。抓好海绵城市建设，厦门',
  '抓好公用停车设施建设，全省新增城市公共停车位2万个以上，其中',
  '加快城市地下综合管廊建设,全省开工建设50公里，其中力争建成',
  '加快改造城区使用年限超过50年的老旧供水管网和混凝土管、灰口',
  '推进专业化建设。推动中心城区交通管理一体化，实施智能交通管理',
  '拓展管理覆盖面。加强城市交通管理、交通安全设施规范设置、常态',
  '加快发展公交。全省新增、更新公交车800辆，新增公交线路40',
  '继续实施学前教育第二期三年行动计划，2016年开工建设100',
  '继续实施“全面改薄”等项目，全面实现义务教育学校标准化建设，',
  '提高群众就医舒适感、便捷感，二三级医院自助服务设备覆盖率达8',
  '进一步提升基层医疗卫生机构服务能力。推广长汀县“一归口、三下',
  '深化基本医疗支付制度改革。全面推进以总额控制为基础，按病种付',
  '加强大病保险与医疗救助等制度衔接，2016年底前全省全面实施',
  '城乡医疗救助基金政府筹集标准提高到每人每年400元；城乡居民',
  '推进安全生产标准化建设提升工程“三年行动”，2016年完成应',
  '高度重视食品安全。推进治理“餐桌污染”、建设“食品放心工程”',
  '清理行政审批、公共服务事项前置条件，精简申办材料。',
  '深化“马上就办”，持续推进行政服务中心建设，切实做到即办事项',
  '加快网上办事大厅建设，充分发挥网上办事大厅功能，全面推行网上',
];

const BODIES_07 = [
  '组织开展入海排污情况调查，2016年6月底前提出整改意见报管',
  '2016年6月底前全部关闭拆除第一批69家畜禽养殖场',
  '2016年6月底前完成省下达的6家存栏1500头以上养猪场改',
  '2016年6月底前划定全区畜禽养殖禁养区和可养区',
  '2016年6月底前制订第二批畜禽养殖场关闭拆除工作实施方案',
  '2016年6月底前清理饮用水源保护区内畜禽养殖场及散养户',
  '2016年10月底前实施第二批畜禽养殖场关闭拆除工作',
  '2016年12月底前提出畜禽养殖业分步退出实施方案',
  '2016年年底前关闭拆除流水镇谢厝村入海溪流周边的畜禽养殖场',
  '全面摸排龙凤头龙凤溪周边生活污水管网建设及收集、生活垃圾倾倒',
  '加快相关管网设施建设',
  '2016年底前建成我区医疗废物收集贮存场所建设',
];
