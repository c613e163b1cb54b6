import type { ParsedDocument } from '../parseDocument.ts';
import { excerpt } from './format.ts';

/** Section 6: label titles, section rows, paragraphs rejoined at page breaks, the closing, header rows. */
export function otherChecksSection(doc: ParsedDocument): string[] {
  const { notes } = doc;
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);
  push('## 6. 其他核对 Other checks', '');
  push('### 打印标签标题与要点标题不同 Printed label titles that differ from the point title', '');
  if (notes.labelTitles.length === 0) push('无 None.', '');
  for (const l of notes.labelTitles) push(`- 第 ${l.line} 行 Line ${l.line}: 表格「${l.label}」 / 要点 ${l.point}「${l.title}」`);
  if (notes.labelTitles.length > 0) push('');
  push('### 表格部分行 Section rows in the table', '');
  for (const s of doc.taskTable?.sectionRows ?? []) {
    const mismatch = notes.sectionRowMismatches.find((m) => m.line === s.line);
    push(
      `- 第 ${s.line} 行 Line ${s.line}: ${s.text}${mismatch ? ` — 与部分标题不同 differs from the heading「${mismatch.heading}」` : ''}`,
    );
  }
  push('');
  push('### 分页断段的合并 Paragraphs rejoined at page breaks', '');
  push(
    '段落末尾不是句末标点（。！？；：…，可带后引号或括号）时，与下一段直接相连（不加任何字符）。 A paragraph that does not end in sentence-final punctuation is joined to the next one with no separator.',
    '',
  );
  const joins = doc.points.filter((p) => p.joinedAt.length > 0);
  if (joins.length === 0) push('无 None.', '');
  for (const p of joins)
    push(`- 要点 ${p.no}: 第 ${p.joinedAt.join('、')} 行接上一段 line ${p.joinedAt.join(', ')} continues the previous paragraph`);
  if (joins.length > 0) push('');
  push('### 结束语 Closing', '');
  push("最后一条要点之后的独立段落作为结束语。 Paragraphs after the last point's own paragraph are the closing.", '');
  if (doc.closing.length === 0) push('无 None.', '');
  doc.closing.forEach((c, i) => push(`- 第 ${doc.closingLines[i] ?? '?'} 行 Line ${doc.closingLines[i] ?? '?'}: ${excerpt(c, 30)}`));
  if (doc.closing.length > 0) push('');
  if (doc.taskTable) {
    push(
      `### 表头行 Header rows`,
      '',
      `第 ${doc.taskTable.headerLines.join('、')} 行（首行之外为分页重复，已跳过） lines ${doc.taskTable.headerLines.join(', ')}; all but the first are page-break repeats and are skipped.`,
      '',
    );
  }
  return out;
}
