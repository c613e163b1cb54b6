import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../../scripts/lib/check/index.ts';
import { formatIssues } from '../../../scripts/lib/check/format.ts';
import { scaffold } from '../../../scripts/lib/editor/scaffold.ts';

const DOCUMENT = `year: 2030
title: 测试市 2030 年政务公开工作要点
issuer: 测试市政务公开领导小组
docNumber: 测政公领发〔2030〕1号
signedAt: 2030-03-01
publishedAt: 2030-03-01
disclosure: 主动公开
disclosureNote: (此件公开发布)
source: seeds/test.md
notice:
  header: 测试市政务公开领导小组文件
  title: 关于印发测试市 2030 年政务公开工作要点的通知
  addressees: "各区政府:"
  body:
    - 现印发给你们,请认真贯彻落实。
  signature:
    - 测试市政务公开领导小组
    - 2030年3月1日
intro:
  - 为做好政务公开工作,制定本要点。
sections:
  - no: 1
    numeral: 一
    title: 夯实基础
    heading: 一、夯实基础
closing: []
attachment: 附件:任务分解表
taskTable:
  title: 任务分解表
  columns: [事项名称, 主要任务, 牵头部门, 责任单位, 完成时限]
`;

const POINT = `document: "2030"
section: 1
no: 1
title: 公开规划
titleBold: false
body:
  - 公开各类规划。
source:
  file: seeds/test.md
  startLine: 10
  endLine: 10
`;

const TASK = `document: "2030"
point: 2030/01
seq: 1
text: 公开各类规划。
lead: [shi-fa-gai-wei]
units: []
leadRaw: 市发改委
unitsRaw: ""
deadline:
  raw: 9月底
  date: 2030-09-30
  kind: date
  inherited: false
inherited:
  lead: false
  units: false
printedLabel:
  no: 1
  title: 公开规划
sourceLine: 20
match:
  score: 1
`;

const PROSE = '这是一段只用于测试内容检查的说明文字，它和原文没有相同的句子。'.repeat(16);
/** 解读 and 图解 as `npm run new` writes them, published with the policy; the 解读 with enough prose. */
const interpretation = (kind: 'jiedu' | 'tujie', target: string) =>
  scaffold(
    { kind, target, policyTitle: '测试', policyPublishedAt: '2030-03-01', today: '2030-03-01' },
    `## 政策背景\n\n${PROSE}\n\n## 出台目的\n\n说明。\n\n## 重要举措\n\n说明。\n\n## 谁来做、何时完成\n${target.includes('/') ? `\n<Tasks point="${target}" />\n` : ''}`,
  ).text;

const DEPARTMENT = `name: 市发改委
kind: municipal
aliases: []
`;

let root: string;
function site(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), 'check-'));
  const all: Record<string, string> = {
    'documents/2030.yaml': DOCUMENT,
    'points/2030/01.yaml': POINT,
    'tasks/2030/01-1.yaml': TASK,
    'departments/shi-fa-gai-wei.yaml': DEPARTMENT,
    'jiedu/2030/01.mdx': interpretation('jiedu', '2030/01'),
    'jiedu/2030/quanwen.mdx': interpretation('jiedu', '2030'),
    'tujie/2030/01.yaml': interpretation('tujie', '2030/01'),
    'tujie/2030/quanwen.yaml': interpretation('tujie', '2030'),
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    if (text === '') continue;
    const full = join(root, 'src/content', path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return root;
}
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('checkContent', () => {
  it('accepts valid content and counts it', () => {
    const { issues, counts } = checkContent(site({}));
    expect(issues).toEqual([]);
    expect(counts).toEqual({ documents: 1, points: 1, tasks: 1, departments: 1, jiedu: 2, tujie: 2, topics: 0, progress: 0 });
  });

  it('accepts a section printed without a numeral and a point printed without a number', () => {
    const { issues } = checkContent(
      site({
        'documents/2030.yaml': DOCUMENT.replace(
          '    numeral: 一\n    title: 夯实基础\n    heading: 一、夯实基础',
          '    title: 存在问题\n    heading: 存在问题',
        ),
        'points/2030/01.yaml': POINT.replace('no: 1\n', 'no: 1\nunlabelled: true\n'),
      }),
    );
    expect(issues).toEqual([]);
  });

  it('refuses a point that is both unlabelled and labelled, at the unlabelled field, in both languages', () => {
    const { issues } = checkContent(site({ 'points/2030/01.yaml': POINT.replace('no: 1\n', 'no: 1\nlabel: （一）\nunlabelled: true\n') }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'src/content/points/2030/01.yaml', field: 'unlabelled', line: 5 });
    expect(issues[0]!.zh).toContain('不能同时有 label');
    expect(issues[0]!.en).toContain('cannot also have a label');
  });

  it('names the file, line and field of a date written with full-width digits', () => {
    const { issues } = checkContent(site({ 'documents/2030.yaml': DOCUMENT.replace('signedAt: 2030-03-01', 'signedAt: ２０３０-03-01') }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'src/content/documents/2030.yaml', line: 5, field: 'signedAt' });
    expect(issues[0]!.zh).toContain('半角数字');
    expect(issues[0]!.en).toContain('YYYY-MM-DD');
  });

  it('rejects a missing 公开属性 instead of defaulting it', () => {
    const { issues } = checkContent(site({ 'documents/2030.yaml': DOCUMENT.replace('disclosure: 主动公开\n', '') }));
    expect(issues.map((i) => i.field)).toEqual(['disclosure']);
    expect(issues[0]!.zh).toContain('缺少必填字段');
  });

  it('reports a dangling department reference at its line', () => {
    const { issues } = checkContent(
      site({ 'tasks/2030/01-1.yaml': TASK.replace('lead: [shi-fa-gai-wei]', 'lead: [shi-fa-gai-wei, bu-cun-zai]') }),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'src/content/tasks/2030/01-1.yaml', line: 5, field: 'lead.1' });
    expect(issues[0]!.en).toContain('"bu-cun-zai"');
  });

  it('reports a point without tasks and a task whose point does not exist', () => {
    const { issues } = checkContent(site({ 'tasks/2030/01-1.yaml': TASK.replace('point: 2030/01', 'point: 2030/09') }));
    expect(issues.map((i) => `${i.file} ${i.field ?? ''}`).sort()).toEqual([
      'src/content/points/2030/01.yaml ',
      'src/content/tasks/2030/01-1.yaml point',
    ]);
  });

  it('reports YAML syntax errors with their line and keeps checking other files', () => {
    const { issues } = checkContent(site({ 'departments/shi-fa-gai-wei.yaml': 'name: 市发改委\nkind: [municipal\n' }));
    const yamlIssue = issues.find((i) => i.file === 'src/content/departments/shi-fa-gai-wei.yaml');
    expect(yamlIssue?.zh).toContain('YAML');
    expect(yamlIssue?.line).toBeGreaterThanOrEqual(2);
    // the task now points at a department that failed to load
    expect(issues.some((i) => i.file === 'src/content/tasks/2030/01-1.yaml')).toBe(true);
  });

  it('reports a field written twice at its second line, as the parser that reads positions words it', () => {
    const { issues } = checkContent(site({ 'departments/shi-fa-gai-wei.yaml': `${DEPARTMENT}name: 发改委\n` }));
    const twice = issues.find((i) => i.file === 'src/content/departments/shi-fa-gai-wei.yaml');
    expect(twice).toMatchObject({ code: 'ZW-FILE-006', line: DEPARTMENT.split('\n').length });
    expect(twice!.zh).toContain('DUPLICATE_KEY');
  });

  it('reports an alias to no anchor at its line, in the words of the parser that found it', () => {
    const { issues } = checkContent(site({ 'departments/shi-fa-gai-wei.yaml': DEPARTMENT.replace('aliases: []', 'aliases: [*nowhere]') }));
    const alias = issues.find((i) => i.file === 'src/content/departments/shi-fa-gai-wei.yaml');
    expect(alias).toMatchObject({ code: 'ZW-FILE-006', line: 3 });
    expect(alias!.en).toContain('unidentified alias "nowhere"');
  });

  it('catches a misspelt field name', () => {
    const { issues } = checkContent(site({ 'departments/shi-fa-gai-wei.yaml': DEPARTMENT + 'alias: [发改委]\n' }));
    expect(issues[0]).toMatchObject({ line: 4, field: 'alias' });
    expect(issues[0]!.zh).toContain('未知字段 alias');
  });

  it('formats issues grouped by file with their code, both languages and a fix', () => {
    const { issues } = checkContent(site({ 'points/2030/01.yaml': POINT.replace('section: 1', 'section: 7') }));
    const text = formatIssues(issues);
    expect(text).toContain('src/content/points/2030/01.yaml:2  错误 error [ZW-REF-003] [section]');
    expect(text).toContain('第 7 部分');
    expect(text).toContain('section 7 does not exist');
    expect(text).toContain('修改 fix:');
  });

  describe('documents other than the seed', () => {
    // Another government's archive document of a year: no 文号, 成文日期, 通知 or table; printed
    // labels and sub-sections; a deadline not stated; no 解读 or 图解 (none is required).
    const SHENG = `year: 2030
title: 福建省2030年政务公开工作要点
issuer: 福建省人民政府办公厅
publishedAt: 2030-04-01
publishedAtFrom: meta
archive: true
disclosure: 主动公开
disclosureNote: ""
source: seeds/fujian.html
intro: []
sections:
  - no: 1
    numeral: 一
    title: 推进决策公开
    heading: 一、推进决策公开
    subsections:
      - no: 1
        numeral: 一
        title: 深化决策公开
        heading: （一）深化决策公开
closing: []
`;
    const shengPoint = (no: number, extra = '') => `document: 2030-sheng
section: 1
subsection: 1
no: ${no}
label: （${'一二三'[no - 1]}）
title: 公开决策草案
titleBold: true
body:
  - 公开决策草案。${extra}
source:
  file: seeds/fujian.html
  startLine: ${no}
  endLine: ${no}
`;
    const shengTask = TASK.replaceAll('"2030"', '2030-sheng')
      .replace('point: 2030/01', 'point: 2030-sheng/01')
      .replace('  raw: 9月底\n  date: 2030-09-30\n  kind: date', '  raw: ""\n  date: null\n  kind: unspecified')
      .replace('printedLabel:\n  no: 1\n  title: 公开规划\n', '');
    const files = {
      'documents/2030-sheng.yaml': SHENG,
      'points/2030-sheng/01.yaml': shengPoint(1),
      // A point without a responsible unit: allowed in a document without a task table.
      'points/2030-sheng/02.yaml': shengPoint(2),
      'tasks/2030-sheng/01-1.yaml': shengTask,
      'departments/fj-sheng-fa-gai-wei.yaml': 'name: 省发展改革委\nkind: municipal\naliases: []\ngovernment: 福建省\n',
    };

    it('accepts ids other than years, missing parts, labels, sub-sections, 未注明 deadlines and an archive document without 解读', () => {
      const { issues, interpretations } = checkContent(site(files));
      expect(issues).toEqual([]);
      // Coverage counts the documents that need 解读: the archive document's 3 policies are not among them.
      expect(interpretations).toMatchObject({ policies: 2, jieduCovered: 2, tujieCovered: 2 });
    });

    it('still requires 解读 and 图解 of a document that is not an archive', () => {
      const { issues } = checkContent(site({ ...files, 'documents/2030-sheng.yaml': SHENG.replace('archive: true\n', '') }));
      expect(
        issues
          .filter((i) => i.en.includes('has no 文字解读'))
          .map((i) => i.file)
          .sort(),
      ).toEqual([
        'src/content/documents/2030-sheng.yaml',
        'src/content/points/2030-sheng/01.yaml',
        'src/content/points/2030-sheng/02.yaml',
      ]);
      expect(issues.find((i) => i.file === 'src/content/documents/2030-sheng.yaml')!.fix).toContain('npm run new -- jiedu 2030-sheng');
    });

    it('rejects a document id that is not lowercase letters, digits and hyphens, naming the file and the rename', () => {
      const { issues } = checkContent(site({ 'documents/2030_Fujian.yaml': SHENG }));
      const issue = issues.find((i) => i.file === 'src/content/documents/2030_Fujian.yaml')!;
      expect(issue.zh).toContain('文件编号“2030_Fujian”不合规');
      expect(issue.en).toContain('lowercase ASCII letters, digits and hyphens');
      expect(issue.fix).toContain('src/content/documents/2030-fujian.yaml');
    });

    it('names a sub-section that is not in the point’s section', () => {
      const { issues } = checkContent(
        site({ ...files, 'points/2030-sheng/02.yaml': shengPoint(2).replace('subsection: 1', 'subsection: 4') }),
      );
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ file: 'src/content/points/2030-sheng/02.yaml', line: 3, field: 'subsection' });
    });

    it('checks point file names with the document id', () => {
      const { issues } = checkContent(site({ ...files, 'points/2030-sheng/02.yaml': shengPoint(3) }));
      expect(issues.map((i) => i.en)).toContain('the file name must match the number: expected src/content/points/2030-sheng/03.yaml');
    });
  });
});
