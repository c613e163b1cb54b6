import { importError } from './errors.ts';
import { SECTION, type Point, type Section } from './parsePoints.ts';
import { departmentsOf } from './buildDutyTasks.ts';
import { resolveDeadline } from './taskDeadline.ts';
import type { ColumnRole, GridCell, ReadTable } from './readTaskTable.ts';
import type { Inference } from './inferences.ts';
import type { Task } from './buildTasks.ts';

const ITEM = /^(\d{1,3})\s*[.．、](?!\d)\s*/u;
const SUBSECTION = /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*(.+)$/u;
const NUMERALS = '一二三四五六七八九十';

interface Draft {
  point: Point;
  rows: { line: number; cells: GridCell[] }[];
}

/**
 * Reads a table-only document, whose table is the whole 要点: sections are rows spanning the table
 * or a merged first-column cell (printed again after a page break, which is reported);
 * sub-sections `（一）…` are rows of their own; every item numbered `1.…` in its cell (or in a 序号
 * column) becomes a point with its printed number kept, and every row of the item is a task.
 * Merged (spanned) cells repeat the value of the cell that spans them. An empty cell is empty
 * where the table states its merges (`explicitSpans`: web pages, Word); in a table converted from
 * print it is a merged cell and takes the nearest value of the same item. A deadline found
 * nowhere comes from the task's text or is 未注明, never from another item.
 */
export function tablePoints(
  table: ReadTable,
  year: number,
  file: string,
  explicitSpans: boolean,
): {
  sections: Section[];
  points: Point[];
  tasks: Task[];
  inferences: Inference[];
  sectionRows: { line: number; numeral: string; text: string }[];
} {
  const col = (role: ColumnRole) => table.columns.findIndex((c) => c.role === role);
  const seq = col('seq');
  const sectionCol = col('section');
  const item = col('item');
  const task = col('task');
  const requirement = col('requirement');
  const itemCol = item !== -1 ? item : task !== -1 ? task : requirement;
  const extras = table.columns.flatMap((c, i) => (c.role === 'extra' ? [i] : []));
  const sections: Section[] = [];
  const drafts: Draft[] = [];
  const inferences: Inference[] = [];
  const sectionRows: { line: number; numeral: string; text: string }[] = [];
  let subsectionCount = 0;

  const openSection = (text: string, line: number) => {
    const current = sections[sections.length - 1];
    if (current && current.heading === text) {
      inferences.push({ kind: 'sectionRepeated', line, text: `分页后重复打印的部分名称：${text}` });
      return;
    }
    const m = SECTION.exec(text);
    const no = sections.length + 1;
    sections.push({ no, numeral: m?.[1] ?? NUMERALS[no - 1] ?? String(no), title: (m?.[2] ?? text).trim(), heading: text, line });
  };
  const openSubsection = (text: string, line: number) => {
    const section = sections[sections.length - 1];
    const m = SUBSECTION.exec(text)!;
    if (!section) return;
    const last = section.subsections?.[section.subsections.length - 1];
    if (last && last.heading === text) {
      inferences.push({ kind: 'sectionRepeated', line, text: `分页后重复打印的小部分名称：${text}` });
      return;
    }
    subsectionCount++;
    (section.subsections ??= []).push({ no: subsectionCount, numeral: `（${m[1]}）`, title: m[2]!.trim(), heading: text, line });
  };

  for (const row of table.rows) {
    const own = row.cells.filter((c) => !c.merged && c.text !== '');
    // A row that only names a section or sub-section (spanning the table, or alone in its row).
    if (own.length === 1 && (SECTION.test(own[0]!.text) || SUBSECTION.test(own[0]!.text))) {
      const text = own[0]!.text;
      sectionRows.push({ line: row.line, numeral: SECTION.exec(text)?.[1] ?? '', text });
      if (SECTION.test(text)) openSection(text, row.line);
      else openSubsection(text, row.line);
      continue;
    }
    if (sectionCol !== -1) {
      const c = row.cells[sectionCol]!;
      if (c.text !== '' && !c.merged) {
        sectionRows.push({ line: row.line, numeral: SECTION.exec(c.text)?.[1] ?? '', text: c.text });
        if (SUBSECTION.test(c.text)) openSubsection(c.text, row.line);
        else openSection(c.text, row.line);
      }
    }
    const itemCell = row.cells[itemCol]!;
    const seqText = seq === -1 || row.cells[seq]!.merged ? '' : row.cells[seq]!.text;
    const numbered = ITEM.exec(itemCell.text);
    const startsItem =
      !itemCell.merged && itemCell.text !== '' && (numbered !== null || /^\d+$/u.test(seqText) || (item !== -1 && itemCol === item));
    if (startsItem) {
      if (sections.length === 0) {
        throw importError(
          file,
          row.line,
          'taskTable.section',
          '表格中第一项之前没有部分名称（“一、……”）',
          'no section (“一、……”) stands before the first item of the table',
          '在表格中加一行部分名称，如“一、推进决策公开”。',
        );
      }
      const printedNo = numbered ? Number(numbered[1]) : Number(seqText);
      const label = numbered ? numbered[0].trim() : `${seqText}.`;
      const text = numbered ? itemCell.text.slice(numbered[0].length).trim() : itemCell.text.trim();
      const section = sections[sections.length - 1]!;
      const subsection = section.subsections?.[section.subsections.length - 1]?.no;
      const stop = itemCol === item ? -1 : text.indexOf('。');
      const title = (stop === -1 ? text : text.slice(0, stop)).replace(/[。.]$/u, '').trim();
      drafts.push({
        point: {
          no: drafts.length + 1,
          label,
          printedNo: printedNo || drafts.length + 1,
          section: section.no,
          ...(subsection ? { subsection } : {}),
          title,
          titleBold: itemCell.bold,
          body: stop === -1 || text.slice(stop + 1).trim() === '' ? [] : [text.slice(stop + 1).trim()],
          startLine: row.line,
          endLine: row.line,
          joinedAt: [],
          pieces: [],
        },
        rows: [],
      });
    }
    const draft = drafts[drafts.length - 1];
    if (!draft) {
      throw importError(
        file,
        row.line,
        'taskTable.label',
        '表格第一项没有编号（“1.……”）',
        'the first item of the table has no number (“1.……”)',
        '在事项单元格开头写编号，如“1. 推进决策公开”。',
      );
    }
    draft.rows.push(row);
    draft.point.endLine = row.line;
  }

  const tasks: Task[] = [];
  const textOf = (row: Draft['rows'][number], d: Draft) => {
    const parts: string[] = [];
    for (const i of [task, requirement]) {
      if (i === -1 || i === itemCol) continue;
      const c = row.cells[i]!;
      if (!c.merged && c.text !== '') parts.push(c.text);
    }
    for (const i of extras) {
      const c = row.cells[i]!;
      if (!c.merged && c.text !== '') {
        parts.push(`${table.columns[i]!.header}：${c.text}`);
        inferences.push({ kind: 'extraColumn', line: row.line, text: `“${table.columns[i]!.header}”列的内容并入任务文字` });
      }
    }
    return parts.length > 0 ? parts.join('\n') : (d.point.body[0] ?? d.point.title);
  };
  for (const d of drafts) {
    // Body: the item's own text, then every row's task text, one paragraph each.
    const rowTexts = d.rows.map((r) => ({ line: r.line, text: textOf(r, d) }));
    const own = d.rows.flatMap((r) =>
      [task, requirement].some((i) => i !== -1 && i !== itemCol && !r.cells[i]!.merged && r.cells[i]!.text !== '') ? [textOf(r, d)] : [],
    );
    d.point.body = [...d.point.body, ...own];
    if (d.point.body.length === 0) d.point.body = [d.point.title];
    d.point.pieces = d.point.body.map((text) => ({ text, line: d.point.startLine }));
    const valueOf = (i: number, r: number): { raw: string; inherited: boolean } => {
      if (i === -1) return { raw: '', inherited: false };
      const cell = d.rows[r]!.cells[i]!;
      if (cell.text !== '') return { raw: cell.text, inherited: cell.merged };
      // Where merges are explicit (web page, Word), an empty cell is empty.
      if (explicitSpans) return { raw: '', inherited: false };
      for (let k = r - 1; k >= 0; k--) if (d.rows[k]!.cells[i]!.text !== '') return { raw: d.rows[k]!.cells[i]!.text, inherited: true };
      for (let k = r + 1; k < d.rows.length; k++)
        if (d.rows[k]!.cells[i]!.text !== '') return { raw: d.rows[k]!.cells[i]!.text, inherited: true };
      return { raw: '', inherited: false };
    };
    rowTexts.forEach(({ line, text }, r) => {
      const lead = valueOf(col('lead'), r);
      const units = valueOf(col('units'), r);
      const dl = valueOf(col('deadline'), r);
      const resolved = resolveDeadline({ raw: dl.raw, inherited: dl.inherited, text, year, line });
      inferences.push(...resolved.inferences);
      tasks.push({
        point: d.point.no,
        seq: r + 1,
        text,
        lead: departmentsOf(lead.raw, line, inferences),
        units: departmentsOf(units.raw, line, inferences),
        leadRaw: lead.inherited ? '' : lead.raw,
        unitsRaw: units.inherited ? '' : units.raw,
        deadline: resolved.deadline,
        inherited: { lead: lead.inherited, units: units.inherited },
        inheritedFrom: { lead: null, units: null, deadline: null },
        printedLabel: { no: d.point.printedNo, title: d.point.title },
        labelLine: d.point.startLine,
        sourceLine: line,
        match: { score: 1, runnerUp: null, fallback: null },
        wording: [],
      });
    });
  }
  return { sections, points: drafts.map((d) => d.point), tasks, inferences, sectionRows };
}
