/**
 * The responsibility grammar: statements as real documents print them (平潭 pages of the corpus,
 * quoted literally) and as other governments write them (国务院/省政府 实施意见, invented here with
 * their shapes), labelled and unlabelled, in clauses, lines and table cells.
 */
import { describe, expect, it } from 'vitest';
import { readResponsibility, readResponsibilityCell } from '../../../scripts/lib/import/responsibility.ts';
import { dutyParagraph, findDutyClauses } from '../../../scripts/lib/import/dutyClauses.ts';
import { assignmentCue } from '../../../scripts/lib/import/assignmentCue.ts';
import { buildDutyTasks } from '../../../scripts/lib/import/buildDutyTasks.ts';
import type { Point } from '../../../scripts/lib/import/parsePoints.ts';

const duty = (text: string) => {
  const r = readResponsibility(text);
  return r && { lead: r.lead, units: r.units, deadline: r.deadline };
};

describe('readResponsibility: unlabelled statements', () => {
  it.each([
    ['区环境监测站牵头落实', { lead: '区环境监测站', units: undefined, deadline: undefined }],
    ['驻局纪检组、办公室牵头落实', { lead: '驻局纪检组、办公室', units: undefined, deadline: undefined }],
    ['省政府办公厅牵头，省直有关单位按职责分工负责', { lead: '省政府办公厅', units: '省直有关单位', deadline: undefined }],
    ['国家发展改革委牵头，各有关部门按职责分工负责', { lead: '国家发展改革委', units: '各有关部门', deadline: undefined }],
    [
      '省住房城乡建设厅、省发展改革委按职责分工负责，2018年底前完成',
      { lead: undefined, units: '省住房城乡建设厅、省发展改革委', deadline: '2018年底前' },
    ],
    ['各市、县（区）人民政府负责', { lead: undefined, units: '各市、县（区）人民政府', deadline: undefined }],
    ['各设区市政府负责，2018年底前完成', { lead: undefined, units: '各设区市政府', deadline: '2018年底前' }],
    ['省教育厅、省人力资源社会保障厅分别负责落实', { lead: undefined, units: '省教育厅、省人力资源社会保障厅', deadline: undefined }],
    ['省发展改革委会同省财政厅负责', { lead: '省发展改革委', units: '省财政厅', deadline: undefined }],
    ['省商务厅牵头，省财政厅、省税务局', { lead: '省商务厅', units: '省财政厅、省税务局', deadline: undefined }],
    ['省农业农村厅，省自然资源厅配合', { lead: '省农业农村厅', units: '省自然资源厅', deadline: undefined }],
    ['市卫健委负责，市委宣传部配合', { lead: '市卫健委', units: '市委宣传部', deadline: undefined }],
    [
      '省农业农村厅牵头，省生态环境厅配合，各县（市、区）政府落实',
      { lead: '省农业农村厅', units: '省生态环境厅、各县（市、区）政府', deadline: undefined },
    ],
    ['省卫生健康委指导，各设区市政府负责', { lead: undefined, units: '省卫生健康委、各设区市政府', deadline: undefined }],
    ['由区政府办公室负责', { lead: undefined, units: '区政府办公室', deadline: undefined }],
    ['财政部、发展改革委等按职责分工负责，长期坚持', { lead: undefined, units: '财政部、发展改革委', deadline: '长期坚持' }],
    ['市财政局与市发展改革委共同负责', { lead: undefined, units: '市财政局、市发展改革委', deadline: undefined }],
    ['市交通与建设局牵头', { lead: '市交通与建设局', units: undefined, deadline: undefined }],
    ['省财政厅，2019年6月底前完成', { lead: undefined, units: '省财政厅', deadline: '2019年6月底前' }],
    ['省发展改革委牵头；完成时限：2018年底前', { lead: '省发展改革委', units: undefined, deadline: '2018年底前' }],
    ['市商务局为牵头单位，市财政局为配合单位', { lead: '市商务局', units: '市财政局', deadline: undefined }],
  ])('%s', (text, expected) => {
    expect(duty(text)).toEqual(expected);
  });

  it('records each list with its role and role word, and the statement as evidence', () => {
    expect(readResponsibility('省农业农村厅牵头，省生态环境厅配合，2018年底前完成')).toEqual({
      form: 'unlabelled',
      lead: '省农业农村厅',
      units: '省生态环境厅',
      deadline: '2018年底前',
      parts: [
        { role: 'lead', raw: '省农业农村厅', word: '牵头' },
        { role: 'support', raw: '省生态环境厅', word: '配合' },
        { role: 'deadline', raw: '2018年底前', word: '' },
      ],
      evidence: '省农业农村厅牵头，省生态环境厅配合，2018年底前完成',
    });
  });

  it.each([
    '以下简称“三减二化”',
    '2016—2020年',
    '含冰鲜水产品、冷冻产品、肉类产品',
    '试行',
    '一',
    '负责同志要亲自抓',
    '国办发〔2016〕19号',
    '涉秘内容除外',
    '档案局',
    '各部门要高度重视',
    '2018年底前完成',
    '市政府办公室负责的除外',
  ])('%s is not a responsibility statement', (text) => {
    expect(readResponsibility(text)).toBeNull();
  });
});

describe('readResponsibility: labelled statements', () => {
  it('reads every label as its role: 实施单位 and 试点单位 are units, 完成时间 the deadline', () => {
    expect(duty('牵头单位：区经发局、区口岸办；配合单位：平潭海关；实施单位：区交通集团；完成时间：2019年11月底')).toEqual({
      lead: '区经发局、区口岸办',
      units: '平潭海关、区交通集团',
      deadline: '2019年11月底',
    });
    expect(readResponsibility('配合部门：区市场监督管理局、综合执法局')?.parts).toEqual([
      { role: 'support', raw: '区市场监督管理局、综合执法局', word: '配合部门' },
    ]);
  });

  it('reads a deadline written with its verb as the date phrase', () => {
    expect(duty('完成时间：2018年3月底前完成')).toEqual({ lead: undefined, units: undefined, deadline: '2018年3月底前' });
  });

  it('keeps a named official out of the departments', () => {
    expect(duty('牵头领导：张明；牵头单位：区财政局')).toEqual({ lead: '区财政局', units: undefined, deadline: undefined });
  });

  it('takes batch labels and the batch deadlines out of a 试点单位 value (平潭 2017, point 一)', () => {
    const r = readResponsibility(
      '试点单位：第一批：区管委会办公室（档案局）、市场监督管理局，2017年12月底前完成；第二批：区党群工作部、规划局，2018年6月底前完成；第三批：其他区直部门，2018年12月底前完成。',
    );
    expect(r?.units).toBe('区管委会办公室（档案局）、市场监督管理局，区党群工作部、规划局，其他区直部门');
    expect(r?.deadline).toBe('2017年12月底前；2018年6月底前；2018年12月底前');
  });
});

describe('readResponsibilityCell: 责任单位 cells of a task table', () => {
  it.each([
    ['区经发局牵头，区财金局、纪工委、环土局、\n交建局、社会事业局', '区经发局', '区财金局、纪工委、环土局、交建局、社会事业局'],
    ['区农发局牵头，区环土局配合，相关乡镇落实', '区农发局', '区环土局、相关乡镇'],
    ['区农发局，区规划局配合', '区农发局', '区规划局'],
    ['区环土局', undefined, '区环土局'],
    ['相关乡镇人民政府、区农发局、区环土局', undefined, '相关乡镇人民政府、区农发局、区环土局'],
    ['区财金局、经发局牵头，区环土局、交建局、社会事业局', '区财金局、经发局', '区环土局、交建局、社会事业局'],
    ['区经发局牵头，区社会事业局、市场监管局、财金局，区直有关单位', '区经发局', '区社会事业局、市场监管局、财金局、区直有关单位'],
    ['区社会事业局、经发局牵头', '区社会事业局、经发局', undefined],
    ['市财政局（牵头）、市发改委', '市财政局', '市发改委'],
    ['人行牵头，银保监组配合', '人行', '银保监组'],
    ['市财政局\n市发改委', undefined, '市财政局、市发改委'],
  ])('%j', (cell, lead, units) => {
    const r = readResponsibilityCell(cell);
    expect([r?.lead, r?.units]).toEqual([lead, units]);
  });

  it('is null for an empty cell', () => {
    expect(readResponsibilityCell(' \n ')).toBeNull();
  });
});

describe('findDutyClauses and dutyParagraph', () => {
  it('finds unlabelled clauses and skips brackets that are not statements (平潭 2016 实施方案)', () => {
    const text =
      '推动重点排污单位依法向社会公开其产生的主要污染物名称。落实《建设项目环境影响评价信息公开指南（试行）》，全本公开环评文件（涉秘内容除外）。（驻局纪检组、办公室牵头落实）';
    const clauses = findDutyClauses(text);
    expect(clauses.map((c) => [text.slice(c.start, c.end), c.duty.lead])).toEqual([
      ['（驻局纪检组、办公室牵头落实）', '驻局纪检组、办公室'],
    ]);
  });

  it('finds several clauses in one point, one per sub-item', () => {
    const text =
      '1.推进价格信息公开（国家发展改革委牵头，各有关部门按职责分工负责）。2.推进住房保障信息公开（省住房城乡建设厅、省发展改革委按职责分工负责，2018年底前完成）。';
    expect(findDutyClauses(text).map((c) => [c.duty.lead, c.duty.units, c.duty.deadline])).toEqual([
      ['国家发展改革委', '各有关部门', undefined],
      [undefined, '省住房城乡建设厅、省发展改革委', '2018年底前'],
    ]);
  });

  it('reads a statement line, labelled or not, bracketed or not', () => {
    expect(dutyParagraph('牵头单位：区经发局、区口岸办')?.lead).toBe('区经发局、区口岸办');
    expect(dutyParagraph('（区财政局牵头，区发改委配合）')?.units).toBe('区发改委');
    expect(dutyParagraph('各设区市人民政府负责。')?.units).toBe('各设区市人民政府');
    expect(dutyParagraph('闽江省人民政府办公厅')).toBeNull();
    expect(dutyParagraph('各部门要高度重视，主要负责同志要亲自抓。')).toBeNull();
  });
});

/** A point as parsePoints makes it: its text after the label, one piece per paragraph. */
function point(no: number, pieces: string[]): Point {
  return {
    no,
    label: '一、',
    printedNo: no,
    section: 1,
    title: '',
    titleBold: false,
    body: [],
    startLine: no * 10,
    endLine: no * 10 + pieces.length - 1,
    joinedAt: [],
    pieces: pieces.map((text, k) => ({ text, line: no * 10 + k })),
  };
}

describe('buildDutyTasks: labelled lines after a point', () => {
  it('makes the lines of one point one task (平潭 2019 海关十二条, point 二)', () => {
    const built = buildDutyTasks(
      [
        point(1, [
          '支持平潭海峡二桥与海关有关监管项目建设。加强对相关监管设施与信息化项目建设的指导、推进和督促，保障平潭海峡二桥如期建成通车。',
          '牵头单位：区口岸办',
          '配合单位：平潭海关',
          '实施单位：区交通集团、智慧岛公司',
          '完成时限：2019年11月底',
        ]),
      ],
      2019,
      false,
    );
    expect(built.layout).toBe('duty-paragraphs');
    expect(built.tasks.map((t) => [t.point, t.seq, t.lead, t.units, t.deadline.date, t.sourceLine, t.text.slice(0, 20)])).toEqual([
      [1, 1, ['区口岸办'], ['平潭海关', '区交通集团', '智慧岛公司'], '2019-11-30', 11, '支持平潭海峡二桥与海关有关监管项目建设。'],
    ]);
    expect(built.withoutDuty).toEqual([]);
  });

  it('starts a new task where a role is repeated', () => {
    const built = buildDutyTasks(
      [point(1, ['加强两岸经贸合作。', '牵头单位：市商务局', '完成时限：6月底前', '牵头单位：市财政局', '责任单位：各区政府'])],
      2022,
      false,
    );
    expect(built.tasks.map((t) => [t.seq, t.lead, t.units, t.deadline.date, t.sourceLine])).toEqual([
      [1, ['市商务局'], [], '2022-06-30', 11],
      [2, ['市财政局'], ['各区政府'], null, 13],
    ]);
  });

  it('reads unlabelled clauses as tasks, the first-listed rule included', () => {
    const built = buildDutyTasks(
      [
        point(1, ['加大空气质量预测预报信息公开力度。细化公开空气质量预报。（区环境监测站牵头落实）']),
        point(2, ['推进住房保障信息公开。（省住房城乡建设厅、省发展改革委按职责分工负责，2018年底前完成）']),
      ],
      2018,
      true,
    );
    expect(built.layout).toBe('inline-clauses');
    expect(built.tasks.map((t) => [t.point, t.lead, t.units, t.deadline.date, t.text])).toEqual([
      [1, ['区环境监测站'], [], null, '加大空气质量预测预报信息公开力度。细化公开空气质量预报。'],
      [2, ['省住房城乡建设厅'], ['省发展改革委'], '2018-12-31', '推进住房保障信息公开。'],
    ]);
  });
});

describe('assignmentCue', () => {
  it.each([
    ['建立协调机制，由区政府办公室负责统筹协调。', '区政府办公室负责统筹协调'],
    ['各县区分别负责本地区的组织实施。', '各县区分别负责本地区的组织实施'],
    ['推进X工作。（区财政局牵头，人行配合）', '（区财政局牵头，人行配合）'],
    ['加强内容审核。（省财政厅、省发展改革委）', '（省财政厅、省发展改革委）'],
    ['责任单位 ：区财政局', '责任单位 ：区财政局'],
    ['政务公开工作由办公室具体负责。', '办公室具体负责'],
  ])('flags %s', (text, fragment) => {
    expect(assignmentCue(text)).toBe(fragment);
  });

  it.each([
    '各部门要高度重视，主要负责同志要亲自抓。',
    '各牵头单位要加强协调。',
    '发挥牵头作用，落实责任制。',
    '各部门密切配合，形成合力。',
    '明确各单位负责人。',
    '积极引入第三方机构参与信用考核评价。',
    '已经管委会同意，现印发给你们，请认真组织实施。',
    '加强与周边地区（福州市、莆田市）合作。',
    '16.建立协调机制。建立区党工委实施城乡融合发展试验区领导小组及联席会议制度，发挥领导小组组织协调作用。',
  ])('does not flag %s', (text) => {
    expect(assignmentCue(text)).toBeNull();
  });
});
