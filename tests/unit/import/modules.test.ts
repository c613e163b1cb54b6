import { describe, expect, it } from 'vitest';
import { endsSentence, joinParagraphs } from '../../../scripts/lib/import/joinParagraphs.ts';
import { departmentNames, splitDepartments, splitSentences } from '../../../scripts/lib/import/splitDepartments.ts';
import { departmentKind, departmentSlug } from '../../../scripts/lib/import/departmentSlug.ts';
import { wordingDiff } from '../../../scripts/lib/import/wordingDiff.ts';
import { assignTask } from '../../../scripts/lib/import/assignTasks.ts';
import { parseChineseDate } from '../../../scripts/lib/import/chineseDate.ts';
import { ImportError } from '../../../scripts/lib/import/errors.ts';

describe('page-break rule', () => {
  it('knows sentence-final punctuation, also before closing quotes and brackets', () => {
    for (const t of ['工作。', '如下：', '是否？', '好！', '等；', '“一张蓝图绘到底。”', '(试行。)', '**标题。**'])
      expect(endsSentence(t), t).toBe(true);
    for (const t of ['并根据实际', '本', '查阅点在', '称为“店小二”', '第 6 版']) expect(endsSentence(t), t).toBe(false);
  });

  it('joins an unfinished paragraph to the next with no separator', () => {
    const joined = joinParagraphs([
      { text: '并根据实际', line: 1, endLine: 1 },
      { text: '调整情况。', line: 3, endLine: 3 },
      { text: '另起一段。', line: 5, endLine: 5 },
    ]);
    expect(joined.map((p) => p.text)).toEqual(['并根据实际调整情况。', '另起一段。']);
    expect(joined[0]).toMatchObject({ line: 1, endLine: 3, joinedAt: [3] });
  });
});

describe('department cells', () => {
  it('splits names on single spaces and groups on double spaces', () => {
    expect(departmentNames('市发展改革委 市自然资源局 市政府办公室')).toEqual(['市发展改革委', '市自然资源局', '市政府办公室']);
    expect(splitDepartments('市政府办公室 市信息中心  市营商局')).toEqual([['市政府办公室', '市信息中心'], ['市营商局']]);
    expect(splitDepartments('')).toEqual([]);
    expect(splitSentences('甲。 乙。丙。')).toEqual(['甲。', '乙。丙。']);
  });

  it('makes ASCII pinyin ids and kinds', () => {
    expect(departmentSlug('市政府办公室')).toBe('shi-zheng-fu-ban-gong-shi');
    expect(departmentSlug('区县（市）政府')).toBe('qu-xian-shi-zheng-fu');
    expect(departmentKind('区县（市）政府')).toBe('group');
    expect(departmentKind('市政府有关部门')).toBe('group');
    expect(departmentKind('沈河区政府')).toBe('district');
    expect(departmentKind('市信息中心')).toBe('municipal');
  });
});

describe('matching and wording', () => {
  const points = [
    { no: 1, text: '甲事项。全面公开各类规划信息，做好归集整理工作。' },
    { no: 2, text: '乙事项。做好反不正当竞争案件执法信息发布工作。' },
  ];

  it('assigns by shared 4-grams, ignoring punctuation and width', () => {
    expect(assignTask('做好反不正当竞争案件执法信息发布工作。', 1, points)).toMatchObject({ point: 2, score: 1, fallback: null });
  });

  it('keeps the printed label when nothing matches well', () => {
    expect(assignTask('完全无关的一句话。', 2, points)).toMatchObject({ point: 2, fallback: 'low' });
  });

  it('shows only wording differences', () => {
    expect(wordingDiff('全面公开各类规划信息,做好归集整理工作。', points[0]!.text)).toEqual([]);
    expect(wordingDiff('全面公开规划信息。', points[0]!.text)).toEqual([{ point: '各类', table: '', before: '面公开', after: '规划信' }]);
    expect(wordingDiff('全面公开各类计划信息。', points[0]!.text)).toEqual([
      { point: '规', table: '计', before: '开各类', after: '划信息' },
    ]);
  });
});

describe('misc', () => {
  it('reads Chinese signature dates', () => {
    expect(parseChineseDate('2021年6月22日')).toBe('2021-06-22');
    expect(parseChineseDate('二〇二一年六月二十二日')).toBe('2021-06-22');
    expect(parseChineseDate('2021年2月30日')).toBeNull();
  });

  it('formats ImportError with place, both languages and a fix', () => {
    const e = new ImportError({
      file: 'seeds/x.md',
      line: 7,
      field: 'docNumber',
      zh: '缺少发文字号',
      en: 'missing document number',
      fix: '补上发文字号。',
    });
    expect(e.format().split('\n')).toEqual([
      'seeds/x.md:7',
      '  字段 field: docNumber',
      '  错误: 缺少发文字号',
      '  error: missing document number',
      '  修改建议 fix: 补上发文字号。',
    ]);
  });
});
