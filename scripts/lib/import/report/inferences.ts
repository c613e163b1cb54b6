import type { ParsedDocument } from '../parseDocument.ts';
import type { Findings } from './findings.ts';
import { cell, INFERENCE_NAMES } from './format.ts';

/** Section 8: every inference, untasked points imported with --allow-untasked, points with no responsibility. */
export function inferencesSection(doc: ParsedDocument, found: Findings): string[] {
  const { notes } = doc;
  const { seedForm } = found;
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);
  if (!seedForm || doc.inferences.length > 0) {
    const where = doc.unit === 'paragraph' ? '段 Paragraph' : '行 Line';
    push('## 8. 推断 Inferences', '');
    push('导入器推断而非直接读到的内容，请逐项核对。 What the importer concluded rather than read; confirm each.', '');
    if (doc.inferences.length === 0) push('无 None.', '');
    else {
      push(`| ${where} | 类型 Kind | 内容 What |`, '| ---: | --- | --- |');
      for (const i of doc.inferences) push(`| ${i.line} | ${INFERENCE_NAMES[i.kind]} | ${cell(i.text)} |`);
      push('');
    }
    if (notes.untasked.length > 0) {
      push(
        '### 写有责任分工却没有任务的要点 Points that state an assignment but have no task (--allow-untasked)',
        '',
        '导入器未能从这些文字读出任务；网站在这些要点页上说明原文写有分工，请核对原文并补写任务。 The importer read no task from this text; the site says so on these points’ pages. Check the source and add the tasks.',
        '',
        `| ${where} | 要点 Point | 原文 Text |`,
        '| ---: | ---: | --- |',
        ...notes.untasked.map((u) => `| ${u.line} | ${u.point} | ${cell(u.fragment)} |`),
        '',
      );
    }
    if (notes.withoutDuty.length > 0) {
      push(
        `未写责任单位、因此没有任务的要点 Points that state no responsible unit and so have no task: ${notes.withoutDuty.join('、')}`,
        '',
      );
    }
  }
  return out;
}
