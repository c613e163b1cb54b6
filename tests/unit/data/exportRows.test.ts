import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { DocumentData } from '../../../src/schemas/document.ts';
import {
  pointsExport,
  progressCsvRows,
  taskCsvRows,
  tasksCsv,
  tasksExport,
  TASK_CSV_COLUMNS,
  type ExportInput,
} from '../../../src/lib/data/exportRows.ts';
import { exportJsonSchema, fieldRows } from '../../../src/lib/data/jsonSchema.ts';
import { computeLight, type ProgressUpdate } from '../../../src/lib/ledger/lights.ts';

const SITE = { url: 'https://zwgk.example.gov.cn', name: '沈阳市政务公开', defaultCategory: '综合政务/政务公开' };

const documentData: DocumentData = {
  year: 2021,
  title: '沈阳市 2021 年政务公开工作要点',
  issuer: '沈阳市政务公开领导小组',
  docNumber: '沈政公领发〔2021〕1号',
  signedAt: '2021-06-22',
  publishedAt: '2021-06-22',
  disclosure: '主动公开',
  disclosureNote: '(此件公开发布)',
  source: 'seeds/shenyang-2021.md',
  notice: { header: '文件', title: '通知', addressees: '各单位:', body: ['正文'], signature: ['沈阳市政务公开领导小组'] },
  intro: ['引言'],
  sections: [
    { no: 1, numeral: '一', title: '夯实一流基础', heading: '一、夯实一流基础' },
    { no: 2, numeral: '二', title: '实现一流管理', heading: '二、实现一流管理' },
  ],
  closing: [],
  attachment: '',
  taskTable: { title: '任务分解表', columns: ['序号'] },
};

const REPORTS: ProgressUpdate[] = [
  { date: '2021-08-01', status: '推进中', note: '正在编制' },
  { date: '2021-09-20', status: '已完成', completedAt: '2021-09-18', note: '已公开, 见"专栏"', evidence: 'https://www.example.gov.cn/gh/' },
];
const deadline = (raw: string, date: string | null) => ({
  raw,
  date,
  kind: date ? ('date' as const) : ('ongoing' as const),
  inherited: false,
});
const input = (disclosure: DocumentData['disclosure'] = '主动公开'): ExportInput => ({
  site: SITE,
  document: { id: '2021', data: { ...documentData, disclosure } },
  points: [
    { id: '2021/02', data: { section: 2, no: 2, title: '第二项', body: ['第二项正文。'] } },
    { id: '2021/01', data: { section: 1, no: 1, title: '第一项', body: ['第一段，有逗号。', '第二段"引号"。'] } },
  ],
  tasks: [
    {
      id: '2021/01-1',
      data: {
        point: { id: '2021/01' },
        seq: 1,
        text: '公开规划, 含"引号"',
        lead: [{ id: 'fa-gai' }, { id: 'zi-ran' }],
        units: [{ id: 'qu-xian' }],
        deadline: deadline('9月底', '2021-09-30'),
        printedLabel: { no: 1, title: '第一项' },
        sourceLine: 104,
      },
    },
    {
      id: '2021/02-1',
      data: {
        point: { id: '2021/02' },
        seq: 1,
        text: '长期任务',
        lead: [{ id: 'ban-gong-shi' }],
        units: [],
        deadline: deadline('长期坚持', null),
        printedLabel: { no: 1, title: '第一项' },
        sourceLine: 110,
      },
    },
  ],
  departments: new Map(
    Object.entries({ 'fa-gai': '市发展改革委', 'zi-ran': '市自然资源局', 'qu-xian': '区县（市）政府', 'ban-gong-shi': '市政府办公室' }).map(
      ([id, name]) => [id, { data: { name } }],
    ),
  ),
  interpretations: {
    jiedu: new Map([
      ['point:2021/01', { id: '2021/01' }],
      ['document:2021', { id: '2021/quanwen' }],
    ]),
    tujie: new Map([['point:2021/01', { id: '2021/01' }]]),
  },
  lights: new Map([
    ['2021/01-1', computeLight({ date: '2021-09-30', kind: 'date' }, REPORTS, '2021-10-01')],
    ['2021/02-1', computeLight({ date: null, kind: 'ongoing' }, [], '2021-10-01')],
  ]),
  progress: new Map([['2021/01-1', REPORTS]]),
  asOf: '2021-10-01',
});

function validator(name: 'points' | 'tasks') {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv.compile(exportJsonSchema(name, SITE.url));
}

describe('points export', () => {
  const exported = pointsExport(input());

  it('carries the document metadata, its schema URL and the licence', () => {
    expect(exported.$schema).toBe('https://zwgk.example.gov.cn/data/schema/points.schema.json');
    expect(exported.licence).toBe('可自由下载使用，请注明来源');
    expect(exported.document).toMatchObject({
      id: '2021',
      docNumber: '沈政公领发〔2021〕1号',
      disclosure: '主动公开',
      category: '综合政务/政务公开',
      indexNo: null,
      url: 'https://zwgk.example.gov.cn/yaodian/2021/',
      jieduUrl: 'https://zwgk.example.gov.cn/jiedu/2021/',
      tujieUrl: null,
    });
  });

  it('lists the points in number order with section, body and links', () => {
    expect(exported.points.map((p) => p.no)).toEqual([1, 2]);
    expect(exported.points[0]).toEqual({
      id: '2021/01',
      no: 1,
      label: null,
      unlabelled: false,
      section: { no: 1, numeral: '一', title: '夯实一流基础', heading: '一、夯实一流基础' },
      subsection: null,
      title: '第一项',
      body: ['第一段，有逗号。', '第二段"引号"。'],
      url: 'https://zwgk.example.gov.cn/yaodian/2021/01/',
      jieduUrl: 'https://zwgk.example.gov.cn/jiedu/2021/01/',
      tujieUrl: 'https://zwgk.example.gov.cn/tujie/2021/01/',
    });
    expect(exported.points[1]).toMatchObject({ jieduUrl: null, tujieUrl: null });
  });

  it('validates against its generated JSON Schema (draft 2020-12)', () => {
    const validate = validator('points');
    expect(validate(JSON.parse(JSON.stringify(exported))), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...exported, extra: 1 })).toBe(false);
    expect(validate({ ...exported, document: { ...exported.document, disclosure: '依申请公开' } })).toBe(false);
  });

  it('refuses a document that is not 主动公开', () => {
    expect(() => pointsExport(input('依申请公开'))).toThrow(/主动公开/);
    expect(() => tasksExport(input('不予公开'))).toThrow(/主动公开/);
  });
});

describe('tasks export', () => {
  const exported = tasksExport(input());

  it('has one object per task with department names and ids, deadline and printed label', () => {
    expect(exported.tasks).toHaveLength(2);
    expect(exported.tasks[0]).toEqual({
      id: '2021/01-1',
      point: { id: '2021/01', no: 1, label: null, unlabelled: false, title: '第一项' },
      seq: 1,
      text: '公开规划, 含"引号"',
      lead: [
        { id: 'fa-gai', name: '市发展改革委', government: null },
        { id: 'zi-ran', name: '市自然资源局', government: null },
      ],
      units: [{ id: 'qu-xian', name: '区县（市）政府', government: null }],
      deadline: { raw: '9月底', date: '2021-09-30', kind: 'date', inText: false },
      printedLabel: { no: 1, title: '第一项' },
      sourceLine: 104,
      url: 'https://zwgk.example.gov.cn/yaodian/2021/01/',
      status: {
        progress: '已完成',
        light: 'green',
        label: '按期完成',
        reportedAt: '2021-09-20',
        completedAt: '2021-09-18',
        note: '已公开, 见"专栏"',
        evidence: 'https://www.example.gov.cn/gh/',
        asOf: '2021-10-01',
      },
    });
    expect(exported.document).toMatchObject({ sourceFile: 'seeds/shenyang-2021.md', ledgerUrl: 'https://zwgk.example.gov.cn/renwu/2021/' });
  });

  it('validates against its generated JSON Schema', () => {
    const validate = validator('tasks');
    expect(validate(JSON.parse(JSON.stringify(exported))), JSON.stringify(validate.errors)).toBe(true);
    const broken = structuredClone(exported);
    (broken.tasks[0]!.deadline as { date: string | null }).date = '2021-02-30';
    expect(validate(broken)).toBe(false);
  });

  it('fails loudly on a department or point that does not exist', () => {
    const bad = input();
    bad.tasks[0]!.data.lead = [{ id: 'nope' }];
    expect(() => tasksExport(bad)).toThrow(/nope/);
  });

  it('gives CSV rows with the agreed columns, names joined with 、 and the ledger status', () => {
    const rows = taskCsvRows(exported);
    expect(rows[0]).toEqual([
      '编号',
      '要点编号',
      '要点标题',
      '主要任务',
      '牵头部门',
      '责任单位',
      '完成时限',
      '完成日期',
      '状态',
      '报送日期',
      '报送的完成日期',
      '进展情况',
      '佐证链接',
    ]);
    expect(rows[1]).toEqual([
      '2021/01-1',
      '1',
      '第一项',
      '公开规划, 含"引号"',
      '市发展改革委、市自然资源局',
      '区县（市）政府',
      '9月底',
      '2021-09-30',
      '已完成（绿灯：按期完成）',
      '2021-09-20',
      '2021-09-18',
      '已公开, 见"专栏"',
      'https://www.example.gov.cn/gh/',
    ]);
    expect(rows[2]).toEqual(['2021/02-1', '2', '第二项', '长期任务', '市政府办公室', '', '长期坚持', '', '未报送', '', '', '', '']);
    expect(tasksCsv(exported)).toContain('\r\n2021/01-1,1,第一项,"公开规划, 含""引号""",');
  });

  it('documents every CSV column', () => {
    expect(TASK_CSV_COLUMNS.every((c) => c.description.length > 0)).toBe(true);
  });
});

describe('task status', () => {
  it('carries the ledger status at the as-of date into tasks.json', () => {
    const exported = tasksExport(input());
    expect(exported.tasks[0]!.status).toMatchObject({
      progress: '已完成',
      light: 'green',
      label: '按期完成',
      reportedAt: '2021-09-20',
      completedAt: '2021-09-18',
    });
    expect(exported.tasks[1]!.status).toEqual({
      progress: null,
      light: 'unreported',
      label: '无进展数据',
      reportedAt: null,
      completedAt: null,
      note: null,
      evidence: null,
      asOf: '2021-10-01',
    });
  });

  it('writes the whole history up to the as-of date into progress.csv, one report a row, nothing for unreported tasks', () => {
    const rows = progressCsvRows(input(), tasksExport(input()));
    expect(rows).toEqual([
      ['任务编号', '要点编号', '主要任务', '牵头部门', '完成时限', '填报日期', '进展状态', '完成日期', '进展情况', '佐证链接'],
      ['2021/01-1', '1', '公开规划, 含"引号"', '市发展改革委、市自然资源局', '9月底', '2021-08-01', '推进中', '', '正在编制', ''],
      [
        '2021/01-1',
        '1',
        '公开规划, 含"引号"',
        '市发展改革委、市自然资源局',
        '9月底',
        '2021-09-20',
        '已完成',
        '2021-09-18',
        '已公开, 见"专栏"',
        'https://www.example.gov.cn/gh/',
      ],
    ]);
  });
});

describe('JSON Schemas', () => {
  it('are draft 2020-12 with their own URL as $id', () => {
    const schema = exportJsonSchema('tasks', SITE.url);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('https://zwgk.example.gov.cn/data/schema/tasks.schema.json');
    expect(Object.keys(schema).slice(0, 3)).toEqual(['$schema', '$id', 'title']);
  });

  it('describe every field in Chinese, for the /data/ page', () => {
    for (const name of ['points', 'tasks'] as const) {
      const rows = fieldRows(exportJsonSchema(name, SITE.url));
      expect(rows.length).toBeGreaterThan(15);
      for (const row of rows) expect(row.description, `${name}: ${row.path}`).toMatch(/\p{Script=Han}/u);
    }
    expect(fieldRows(exportJsonSchema('points', SITE.url)).find((r) => r.path === 'document.indexNo')).toMatchObject({
      type: 'string | null',
    });
    const rows = fieldRows(exportJsonSchema('tasks', SITE.url));
    expect(rows.find((r) => r.path === 'tasks[].deadline.date')).toMatchObject({ type: 'string (date) | null' });
    expect(rows.find((r) => r.path === 'tasks[].lead[].name')).toMatchObject({ type: 'string', description: '部门名称' });
  });
});

describe('a document that leaves things out (another government, printed labels, no table)', () => {
  const { docNumber: _n, signedAt: _s, notice: _o, attachment: _a, taskTable: _t, ...rest } = documentData;
  const sheng: ExportInput = {
    ...input(),
    document: {
      id: '2021-sheng',
      data: {
        ...rest,
        issuer: '福建省人民政府办公厅',
        publishedAtFrom: 'meta',
        archive: true,
        sections: [
          {
            no: 1,
            numeral: '一',
            title: '推进决策公开',
            heading: '一、推进决策公开',
            subsections: [{ no: 1, numeral: '一', title: '深化决策公开', heading: '（一）深化决策公开' }],
          },
        ],
      },
    },
    points: [{ id: '2021-sheng/01', data: { section: 1, subsection: 1, no: 1, label: '（一）', title: '公开决策草案', body: ['正文。'] } }],
    tasks: [
      {
        id: '2021-sheng/01-1',
        data: {
          point: { id: '2021-sheng/01' },
          seq: 1,
          text: '公开决策草案',
          lead: [{ id: 'fj-fa-gai' }],
          units: [],
          deadline: { raw: '', date: null, kind: 'unspecified', inherited: false },
          sourceLine: 12,
        },
      },
    ],
    departments: new Map([['fj-fa-gai', { data: { name: '省发展改革委', government: '福建省' } }]]),
    interpretations: { jiedu: new Map(), tujie: new Map() },
    lights: new Map([['2021-sheng/01-1', computeLight({ date: null, kind: 'unspecified' }, [], '2021-10-01')]]),
  };

  it('exports null for what the document does not state, the label, the sub-section and the government', () => {
    const points = pointsExport(sheng);
    expect(points.document).toMatchObject({
      id: '2021-sheng',
      docNumber: null,
      signedAt: null,
      publishedAtFrom: 'meta',
      archive: true,
      url: 'https://zwgk.example.gov.cn/yaodian/2021-sheng/',
    });
    expect(points.points[0]).toMatchObject({
      label: '（一）',
      subsection: { no: 1, heading: '（一）深化决策公开' },
      url: 'https://zwgk.example.gov.cn/yaodian/2021-sheng/01/',
    });
    const tasks = tasksExport(sheng);
    expect(tasks.document.ledgerUrl).toBe('https://zwgk.example.gov.cn/renwu/2021-sheng/');
    expect(tasks.tasks[0]).toMatchObject({
      point: { label: '（一）' },
      lead: [{ name: '省发展改革委', government: '福建省' }],
      deadline: { raw: '', date: null, kind: 'unspecified', inText: false },
      printedLabel: null,
      status: { light: 'unreported', progress: null },
    });
    for (const [name, data] of [
      ['points', points],
      ['tasks', tasks],
    ] as const) {
      const validate = validator(name);
      expect(validate(JSON.parse(JSON.stringify(data))), JSON.stringify(validate.errors)).toBe(true);
    }
    const row = taskCsvRows(tasks)[1]!;
    expect(row[1]).toBe('（一）');
    expect(row[6]).toBe('未注明');
    expect(row[8]).toBe('未报送');
  });
});

describe('a document with groups and rows printed without numbers (a table of 存在问题 cells)', () => {
  const groups: ExportInput = {
    ...input(),
    document: {
      id: '2022-wenti',
      data: {
        ...documentData,
        layout: 'table-only',
        sections: [
          { no: 1, title: '政策解读不到位', heading: '政策解读不到位' },
          { no: 2, title: '平台建设滞后', heading: '平台建设滞后' },
        ],
      },
    },
    points: [
      { id: '2022-wenti/01', data: { section: 1, no: 1, unlabelled: true, title: '解读材料与文件不同步', body: ['正文一。'] } },
      { id: '2022-wenti/02', data: { section: 2, no: 2, unlabelled: true, title: '栏目更新不及时', body: ['正文二。'] } },
    ],
    tasks: [
      {
        id: '2022-wenti/02-1',
        data: {
          point: { id: '2022-wenti/02' },
          seq: 1,
          text: '每周更新栏目',
          lead: [{ id: 'ban-gong-shi' }],
          units: [],
          deadline: deadline('长期坚持', null),
          sourceLine: 30,
        },
      },
    ],
    interpretations: { jiedu: new Map(), tujie: new Map() },
    lights: new Map([['2022-wenti/02-1', computeLight({ date: null, kind: 'ongoing' }, [], '2021-10-01')]]),
    progress: new Map(),
  };

  it('exports numeral null, unlabelled true and label null, and names the point by its position in the CSV', () => {
    const points = pointsExport(groups);
    expect(points.points[1]).toMatchObject({
      no: 2,
      label: null,
      unlabelled: true,
      section: { no: 2, numeral: null, title: '平台建设滞后', heading: '平台建设滞后' },
    });
    const tasks = tasksExport(groups);
    expect(tasks.tasks[0]!.point).toEqual({ id: '2022-wenti/02', no: 2, label: null, unlabelled: true, title: '栏目更新不及时' });
    expect(taskCsvRows(tasks)[1]!.slice(0, 3)).toEqual(['2022-wenti/02-1', '第2项', '栏目更新不及时']);
    for (const [name, data] of [
      ['points', points],
      ['tasks', tasks],
    ] as const) {
      const validate = validator(name);
      expect(validate(JSON.parse(JSON.stringify(data))), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('documents numeral as nullable and the unlabelled flag in the JSON Schema', () => {
    const rows = fieldRows(exportJsonSchema('points', SITE.url));
    expect(rows.find((r) => r.path === 'points[].section.numeral')).toMatchObject({ type: 'string | null' });
    expect(rows.find((r) => r.path === 'points[].unlabelled')).toMatchObject({ type: 'boolean' });
    expect(fieldRows(exportJsonSchema('tasks', SITE.url)).find((r) => r.path === 'tasks[].point.unlabelled')).toMatchObject({
      type: 'boolean',
    });
  });
});
