/** Layout: a table that is the whole 要点 (sections, items and tasks all in its rows). */
import { importError } from '../errors.ts';
import { readTaskTable } from '../readTaskTable.ts';
import { tableHeading, tablePoints } from '../tablePoints.ts';
import { mergedTable, noTaskTable } from './body.ts';
import type { BuildInput, LayoutBuild, Recogniser } from './types.ts';

function build(input: BuildInput): LayoutBuild {
  const { doc, source, front } = input;
  const merged = mergedTable(doc.blocks, input.body.tableAt);
  const read = readTaskTable(merged.table, source);
  const heading = tableHeading(doc.blocks, input.body.tableAt);
  const built = tablePoints(read, front.year, source, doc, heading ? { heading } : {});
  if (built.points.length === 0) {
    throw importError(
      source,
      merged.table.line,
      'taskTable',
      '表格中没有编号事项（“1.……”）',
      'the table has no numbered items (“1.……”)',
      '在事项或工作任务单元格开头写编号，如“1. 推进决策公开”。',
    );
  }
  return {
    layout: 'table-only',
    sections: built.sections,
    points: built.points,
    tasks: built.tasks,
    rows: [],
    closing: built.notes.map((n) => n.text),
    closingLines: built.notes.map((n) => n.line),
    ...(front.attachment ? { attachment: front.attachment } : {}),
    taskTable: {
      title: read.titleRows.join(' '),
      columns: read.columns.map((c) => c.header),
      headerLines: read.headerLines,
      sectionRows: built.sectionRows,
    },
    notes: { unsplit: [], crossLabel: [], deadlineChecks: [], crossPoint: [], noLead: [], inferences: [] },
    withoutDuty: [],
    inferences: [...read.inferences, ...built.inferences],
    after: merged.next,
  };
}

export const wholeTable: Recogniser = {
  layout: 'table-only',
  recognise(input) {
    if (input.body.tableAt === -1) return noTaskTable('表格第一行应是表头，如“工作任务 | 责任单位 | 完成时限”。');
    if (input.body.pointsAt !== -1) {
      return { score: 0.3, reasons: ['表格之前正文中已有编号要点 numbered points stand in the text before the table'] };
    }
    return { score: 0.9, reasons: ['带表头的任务表，正文中没有编号要点 a task table with a header row, no numbered points in the text'] };
  },
  build,
};
