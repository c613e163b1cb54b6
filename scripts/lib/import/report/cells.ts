import type { ParsedDocument } from '../parseDocument.ts';
import type { Findings } from './findings.ts';
import { formatFragment } from '../wordingDiff.ts';
import { cell, excerpt, label, taskId } from './format.ts';

/** Sections 3 to 5: split cells, wording that differs from the point, inherited fields and what to check. */
export function cellsSection(doc: ParsedDocument, found: Findings): string[] {
  const { notes } = doc;
  const { splitTasks, worded, inherited, unresolved } = found;
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);
  push('## 3. 拆分的单元格 Split cells', '');
  push(
    '牵头部门/责任单位单元格中的双空格分隔属于不同任务的部门组；当任务文字的句数（以“。 ”分隔）与组数相同时，按句拆分为多项任务。' +
      ' A double space in a department cell separates groups for different tasks; the row is split when its text has as many sentences (separated by “。 ”) as there are groups.',
    '',
  );
  if (splitTasks.length === 0 && notes.unsplit.length === 0) push('无 None.', '');
  for (const line of [...new Set(splitTasks.map((t) => t.sourceLine))]) {
    push(`- 第 ${line} 行 Line ${line}（${cell(label(splitTasks.find((t) => t.sourceLine === line)!))}）:`);
    for (const t of splitTasks.filter((x) => x.sourceLine === line)) {
      push(
        `  - 第 ${t.split!.part}/${t.split!.of} 部分 → ${taskId(t)}：${cell(excerpt(t.text))} · 牵头 lead「${t.leadRaw}」 · 责任 units「${t.unitsRaw}」`,
      );
    }
  }
  for (const u of notes.unsplit) {
    push(
      `- 第 ${u.line} 行 Line ${u.line}: 单元格有 ${u.groups} 组部门，但任务文字有 ${u.sentences} 句，未拆分，部门合并为一项任务 (${u.groups} groups but ${u.sentences} sentences: kept as one task with all departments).`,
    );
  }
  if (splitTasks.length > 0 || notes.unsplit.length > 0) push('');

  push('## 4. 措辞与要点原文不同 Wording differs from the point text', '');
  push(
    '比较时忽略标点、空格和全半角；【要点 … → 表格 …】标出不同之处，∅ 表示没有。' +
      ' Punctuation, spaces and character width are ignored; 【要点 … → 表格 …】 marks each difference, ∅ means nothing.',
    '',
  );
  if (worded.length === 0) push('无 None.', '');
  for (const t of worded) {
    push(`- ${taskId(t)}（第 ${t.sourceLine} 行，要点 ${t.point}）: ${t.wording.map((f) => cell(formatFragment(f))).join('；')}`);
  }
  if (worded.length > 0) push('');

  push('## 5. 继承的字段 Inherited fields', '');
  push(
    '原表的合并单元格在文本中表现为空单元格，其文字只印在所跨的某一行。空的牵头部门、责任单位、完成时限依次取：同一打印事项中属于同一要点的最近一行（先上后下）；标签错行时，属于同一要点的上一行；同一打印事项的任一行（另列于“需核对”）。' +
      ' Merged cells arrive as empty cells whose text was printed on one row of the span. An empty lead, units or deadline takes, in order: the nearest row of the same printed item and the same point (above first, then below); when the label was printed a row early, the row above of the same point; any row of the same printed item (listed under To check).',
    '',
  );
  if (inherited.length === 0) push('无 None.', '');
  else {
    push('| 行 Line | 任务 Task | 牵头部门 Lead | 责任单位 Units | 完成时限 Deadline |', '| ---: | --- | --- | --- | --- |');
    const from = (line: number | null) => (line === null ? '—' : `← 第 ${line} 行`);
    for (const t of inherited) {
      push(
        `| ${t.sourceLine} | ${taskId(t)} | ${from(t.inheritedFrom.lead)} | ${from(t.inheritedFrom.units)} | ${t.deadline.inherited ? `${from(t.inheritedFrom.deadline)}（${t.deadline.raw}）` : '—'} |`,
      );
    }
    push('');
  }

  push('### 需核对 To check', '');
  const fieldName = { lead: '牵头部门 lead', units: '责任单位 units', deadline: '完成时限 deadline' } as const;
  const items: string[] = [];
  for (const c of notes.crossLabel) {
    items.push(
      `- 第 ${c.line} 行是打印事项的第一行但${fieldName[c.field]}为空；因与上一行同属一个要点，取第 ${c.from} 行的值。 Line ${c.line} starts a printed item with an empty ${c.field} cell; the value comes from line ${c.from} (same point).`,
    );
  }
  for (const c of notes.crossPoint) {
    items.push(
      `- 第 ${c.line} 行（要点 ${c.point}）的${fieldName[c.field]}继承自属于要点 ${c.fromPoint} 的第 ${c.from} 行。 Line ${c.line} (point ${c.point}) inherits its ${c.field} from line ${c.from}, which belongs to point ${c.fromPoint}.`,
    );
  }
  for (const c of notes.deadlineChecks) {
    items.push(
      `- 第 ${c.line} 行的完成时限按规则取事项第一行（第 ${c.from} 行）“${c.inherited}”，但紧邻上一行（第 ${c.aboveLine} 行）为“${c.above}”。 Line ${c.line} takes the deadline "${c.inherited}" from the item's first row (line ${c.from}); the row above (line ${c.aboveLine}) says "${c.above}".`,
    );
  }
  for (const line of notes.noLead) {
    items.push(`- 第 ${line} 行继承后仍没有牵头部门。 Line ${line} has no lead department after inheritance.`);
  }
  for (const u of notes.unsplit)
    items.push(`- 第 ${u.line} 行的部门分组未能拆分，见第 3 节。 Line ${u.line}: department groups not split, see section 3.`);
  for (const t of unresolved)
    items.push(`- 第 ${t.sourceLine} 行未能自动归属，见第 2 节。 Line ${t.sourceLine}: unresolved match, see section 2.`);
  push(...(items.length > 0 ? items : ['无 None.']), '');
  return out;
}
