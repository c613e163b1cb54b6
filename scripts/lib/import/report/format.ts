/**
 * What every section of the import report writes the same way: table cells, excerpts, task
 * names, and the names of formats, disclosure sources and inference kinds.
 */
import type { ParsedDocument } from '../parseDocument.ts';
import type { Task } from '../buildTasks.ts';
import type { SourceFormat } from '../formats/types.ts';
import { taskNo } from '../../../../src/lib/content/ids.ts';

export const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
export const excerpt = (s: string, n = 24) => {
  const chars = [...s];
  return chars.length > n ? `${chars.slice(0, n).join('')}…` : s;
};
export const taskId = (t: Task) => taskNo(t.point, t.seq);
/** The point that scored next best for a task, with its score. */
export const runnerUp = (t: Task) => (t.match.runnerUp ? `${t.match.runnerUp.point}（${t.match.runnerUp.score.toFixed(3)}）` : '—');
export const label = (t: Task) => (t.printedLabel ? `${t.printedLabel.no}. ${t.printedLabel.title}` : '—');
export const FORMAT_NAMES: Record<SourceFormat, string> = {
  text: '文本 text',
  html: '网页 web page (.html)',
  docx: 'Word 文件 (.docx)',
  doc: '旧版 Word/WPS 文件 (.doc/.wps；无加粗、样式和居中信息 no bold, styles or alignment)',
};
export const DISCLOSURE_FROM: Record<ParsedDocument['disclosureFrom'], string> = {
  document: '文件标注 printed in the document',
  portal: '网页标明的公开方式 stated by the portal',
  published: '已在网站或附件中公开发布 published on a portal',
  editor: '编辑声明（--disclosure）stated by the editor',
};
export const INFERENCE_NAMES = {
  title: '标题 title',
  issuer: '发文机关 issuer',
  date: '日期 date',
  disclosure: '公开属性 disclosure',
  docNumber: '发文字号 document number',
  prefix: '补全部门前缀 restored prefix',
  deadlineInText: '时限取自原文 deadline in the text',
  deadlineUnspecified: '未注明时限 no deadline stated',
  deadlineUnreadable: '时限无法识别 unreadable deadline',
  sectionRepeated: '分页重复的部分名称 section repeated after a page break',
  leadFirstListed: '列第一位为牵头 first listed leads',
  extraColumn: '其他列 other column',
  columnByContent: '按内容识别的列 column read from its cells',
  sectionFromTitle: '未分组，归入标题 points under the printed title',
  unnumberedSection: '无“一、”部分，归入标题 points under the printed title, no “一、” sections',
} as const;
