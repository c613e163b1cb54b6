/** Layout: numbered points in the text, then a 任务分解表 whose rows are the tasks (the seed's layout). */
import { ATTACHMENT, type EndSignature } from '../parseFront.ts';
import { isTitleLike, markerOf, SECTION } from '../parsePoints.ts';
import { readTaskTable } from '../readTaskTable.ts';
import { parseTaskTable } from '../parseTaskTable.ts';
import { buildTasks } from '../buildTasks.ts';
import { mergedTable, noTaskTable } from './body.ts';
import { noPoints, pointsOrThrow, textPoints } from './textPoints.ts';
import type { BuildInput, LayoutInput, Recogniser } from './types.ts';

/** Where the points end: before the table's title line and its 附件 line, if printed. */
function pointsEnd(input: LayoutInput, signature: EndSignature | null): { end: number; tableTitle: string; attachment?: string } {
  const blocks = input.doc.blocks;
  let end = input.body.tableAt;
  if (signature && signature.end <= end) end = signature.start;
  let tableTitle = '';
  const before = blocks[end - 1];
  if (isTitleLike(before) && !ATTACHMENT.test(before.text.trim()) && !SECTION.test(before.text.trim()) && markerOf(before.text) === null) {
    tableTitle = before.text.trim();
    end--;
  }
  const attach = blocks[end - 1];
  if (attach?.kind === 'paragraph' && ATTACHMENT.test(attach.text.trim()))
    return { end: end - 1, tableTitle, attachment: attach.text.trim() };
  return { end, tableTitle };
}

function build(input: BuildInput) {
  const { doc, source, front, signature } = input;
  const placed = pointsEnd(input, signature);
  const body = pointsOrThrow(textPoints(input, placed.end));
  const signed = signature && signature.end <= input.body.tableAt ? signature.paragraphs : [];
  const merged = mergedTable(doc.blocks, input.body.tableAt);
  const read = readTaskTable(merged.table, source);
  const table = parseTaskTable(
    read,
    body.points.map((p) => ({ no: p.printedNo, title: p.title })),
    source,
    doc,
  );
  // The table's 事项名称 repeats the printed number; points are numbered 1..N by `no`.
  const byPrinted = new Map<number, number>();
  for (const p of body.points) if (!byPrinted.has(p.printedNo)) byPrinted.set(p.printedNo, p.no);
  const rows = table.rows.map((r) => (r.label.no === 0 ? r : { ...r, label: { ...r.label, no: byPrinted.get(r.label.no) ?? r.label.no } }));
  const built = buildTasks(
    rows,
    body.points.map((p) => ({ no: p.no, text: `${p.title}。${p.body.join('')}` })),
    front.year,
  );
  const attachment = placed.attachment ?? front.attachment;
  return {
    layout: 'points-table' as const,
    sections: body.sections,
    points: body.points,
    tasks: built.tasks,
    rows,
    closing: [...body.closing, ...signed.map((p) => p.text)],
    closingLines: [...body.closingLines, ...signed.map((p) => p.line)],
    ...(attachment ? { attachment } : {}),
    taskTable: {
      title: placed.tableTitle || read.titleRows.join(' '),
      columns: table.columns,
      headerLines: table.headerLines,
      sectionRows: table.sectionRows,
    },
    notes: built.notes,
    withoutDuty: [],
    inferences: [...(body.unnumberedSection ? [body.unnumberedSection] : []), ...read.inferences],
    after: merged.next,
  };
}

export const pointsTable: Recogniser = {
  layout: 'points-table',
  recognise(input) {
    if (input.body.tableAt === -1)
      return noTaskTable('任务分解表第一行应是表头，如“事项名称 | 主要任务 | 牵头部门 | 责任单位 | 完成时限”。');
    if (input.body.pointsAt === -1) return noPoints(input);
    const read = textPoints(input, pointsEnd(input, null).end);
    if (read instanceof Error) return noPoints(input, read);
    return {
      score: 0.95,
      reasons: [
        `正文中有 ${read.points.length} 条编号要点 ${read.points.length} numbered points in the text`,
        `其后有带表头的任务表 followed by a task table with a header row`,
      ],
    };
  },
  build,
};
