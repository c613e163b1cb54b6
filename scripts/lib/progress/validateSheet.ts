/**
 * Checks every row of a returned 工作台账 sheet and turns the filled-in ones into progress reports.
 * Every mistake is reported with the sheet, row and column, in Chinese and English, with the fix;
 * a file with any mistake yields no reports at all.
 */
import { isIsoDate } from '../../../src/schemas/common.ts';
import { NOTE_MAX, PROGRESS_STATUSES, type progressUpdateSchema } from '../../../src/schemas/progress.ts';
import type { z } from 'astro/zod';
import { INPUT_KEYS, SHEET_COLUMNS, columnLetter, type ColumnKey } from './columns.ts';
import type { CellValue, SheetTable } from './readSheet.ts';

export type ProgressReport = z.infer<typeof progressUpdateSchema>;

export interface SheetIssue {
  sheet: string;
  row: number;
  /** Header text and column letter, when the issue is in one cell. */
  column?: { header: string; letter: string };
  zh: string;
  en: string;
  fix: string;
}

export interface ImportedReport {
  task: string;
  update: ProgressReport;
  sheet: string;
  row: number;
}

export interface SheetResult {
  reports: ImportedReport[];
  issues: SheetIssue[];
}

/** `file：工作表“工作台账”第 5 行，进展状态（F 列）：…` */
export function formatIssue(file: string, issue: SheetIssue): string {
  const where = `${file}：工作表“${issue.sheet}”第 ${issue.row} 行${issue.column ? `，${issue.column.header}（${issue.column.letter} 列）` : ''}`;
  const whereEn = `${file}: sheet "${issue.sheet}", row ${issue.row}${issue.column ? `, column ${issue.column.letter} (${issue.column.header})` : ''}`;
  return `${where}：${issue.zh}\n  ${whereEn}: ${issue.en}\n  改正 / fix: ${issue.fix}`;
}

const text = (v: CellValue | undefined): string =>
  v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();

/** Days from Excel's day 0 (1899-12-30 once past its false 1900-02-29) to 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25569;
const DAY_MS = 24 * 60 * 60 * 1000;
/** The first serial Excel and the calendar agree on: 1900-03-01 (serial 60 is Excel's 1900-02-29). */
const FIRST_TRUE_SERIAL = 61;

/** What a date cell holds: the calendar date, and the Excel serial when the cell held a number or an xlsx date. */
export interface CellDate {
  /** `YYYY-MM-DD`; null when the cell is not a date with a four-digit year (a serial before 1900-03-01 or after 9999). */
  iso: string | null;
  serial?: number;
}

/** An xlsx date (exceljs turns a date cell's serial into a UTC Date) or a bare number, by Excel's serial. */
function serialDate(serial: number): CellDate {
  const whole = Math.floor(serial);
  if (!Number.isFinite(serial) || whole < FIRST_TRUE_SERIAL) return { iso: null, serial: whole };
  const date = new Date((whole - EXCEL_EPOCH_DAYS) * DAY_MS);
  const year = date.getUTCFullYear();
  if (Number.isNaN(year) || year > 9999) return { iso: null, serial: whole };
  return { iso: date.toISOString().slice(0, 10), serial: whole };
}

/**
 * A date cell: an xlsx date or number (an Excel serial), or text written 2021-06-30, 2021/6/30,
 * 2021.6.30 or 2021年6月30日. Returns null when it is not a date at all; `iso` is null for a
 * serial no calendar date of four digits has.
 */
export function readCellDate(v: CellValue | undefined): CellDate | null {
  if (v instanceof Date) {
    const ms = v.getTime();
    return Number.isNaN(ms) ? null : serialDate(Math.round(ms / DAY_MS + EXCEL_EPOCH_DAYS));
  }
  if (typeof v === 'number') return serialDate(v);
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text(v).normalize('NFKC'));
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? { iso } : null;
}

/** The date of a cell as `YYYY-MM-DD`, or null (not a date, or a serial outside four-digit years). */
export function readDate(v: CellValue | undefined): string | null {
  return readCellDate(v)?.iso ?? null;
}

/** `2021-06-30`, or `Excel 日期序号 60` for a serial no four-digit calendar date has. */
function shownDate(date: CellDate): { zh: string; en: string } {
  if (date.iso === null) return { zh: `Excel 日期序号 ${date.serial}`, en: `Excel date serial ${date.serial}` };
  return { zh: date.iso, en: date.iso };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * The reports in `tables`. `tasks` are the ids the import accepts, each with its document's year;
 * `asOf` is the import's date. 填报日期 and 完成日期 must lie from 1 January of the task's
 * document year to `asOf`.
 */
export function validateSheets(tables: SheetTable[], tasks: ReadonlyMap<string, number>, asOf: string): SheetResult {
  const reports: ImportedReport[] = [];
  const issues: SheetIssue[] = [];
  const seen = new Map<string, string>();
  for (const table of tables) {
    const missing = SHEET_COLUMNS.filter((c) => c.required && !table.columns.has(c.key));
    if (missing.length) {
      issues.push({
        sheet: table.name,
        row: table.rows[0] ? table.rows[0].row - 1 : 1,
        zh: `缺少列：${missing.map((c) => c.header).join('、')}`,
        en: `missing columns: ${missing.map((c) => c.header).join(', ')}`,
        fix: '使用 npm run progress -- template 生成的表格，不要删除或改写列名 / use the generated template and keep its column headers',
      });
      continue;
    }
    for (const { row, values } of table.rows) {
      const get = (key: ColumnKey) => values.get(key) ?? null;
      if (!INPUT_KEYS.some((k) => text(get(k)) !== '')) continue;
      const problem = (key: ColumnKey, zh: string, en: string, fix: string) => {
        const column = SHEET_COLUMNS.find((c) => c.key === key)!;
        issues.push({
          sheet: table.name,
          row,
          column: { header: column.header, letter: columnLetter(table.columns.get(key)!) },
          zh,
          en,
          fix,
        });
      };
      const before = issues.length;
      const task = text(get('task'));
      if (!task)
        problem(
          'task',
          '这一行填了进展，但没有任务编号',
          'this row has progress but no task id',
          '从模板中复制任务编号，不要删除 / keep the task id from the template',
        );
      else if (!tasks.has(task))
        problem(
          'task',
          `没有编号为“${task}”的任务`,
          `there is no task "${task}"`,
          '任务编号须与模板一致，如 2021/18-1；不要改动这一列 / use the task id from the template, e.g. 2021/18-1',
        );
      else if (seen.has(task))
        problem(
          'task',
          `任务 ${task} 在${seen.get(task)}已经填过`,
          `task ${task} was already filled in at ${seen.get(task)}`,
          '每项任务只填一行；合并为一行 / one row per task',
        );
      else seen.set(task, `工作表“${table.name}”第 ${row} 行`);

      const statusText = text(get('status'));
      const status = PROGRESS_STATUSES.find((s) => s === statusText.normalize('NFKC'));
      if (!statusText)
        problem(
          'status',
          '没有选择进展状态',
          'no status chosen',
          `从下拉列表中选择 ${PROGRESS_STATUSES.join('、')} 之一 / choose one from the list`,
        );
      else if (!status)
        problem(
          'status',
          `进展状态“${statusText}”不在列表中`,
          `status "${statusText}" is not in the list`,
          `改为 ${PROGRESS_STATUSES.join('、')} 之一 / use one of ${PROGRESS_STATUSES.join(', ')}`,
        );

      const year = tasks.get(task);
      const earliest = year === undefined ? undefined : `${String(year).padStart(4, '0')}-01-01`;
      const dateCell = (key: 'date' | 'completedAt', label: string): string | null | undefined => {
        const raw = get(key);
        if (text(raw) === '') return undefined;
        const date = readCellDate(raw);
        const range = `${earliest ?? ''} 至 ${asOf}`;
        const fixRange = `填写 ${earliest ? `${earliest} 至 ` : ''}${asOf} 之间的实际日期，单元格格式设为“日期” / give the real date${earliest ? `, from ${earliest}` : ''} up to ${asOf}, in a cell formatted as a date`;
        if (!date)
          problem(
            key,
            `“${text(raw)}”不是日期`,
            `"${text(raw)}" is not a date`,
            `写成 ${asOf.slice(0, 4)}-06-30 这样的日期 / write a date such as ${asOf.slice(0, 4)}-06-30`,
          );
        else if (date.iso === null || (earliest !== undefined && date.iso < earliest)) {
          const shown = shownDate(date);
          const late = date.iso === null && (date.serial ?? 0) >= FIRST_TRUE_SERIAL;
          if (late)
            problem(key, `${label} ${shown.zh} 晚于今天（${asOf}）`, `${label} ${shown.en} is in the future (after ${asOf})`, fixRange);
          else
            problem(
              key,
              `${label} ${shown.zh} 早于任务所属文件的年度（${year ?? '?'} 年），不在 ${range} 之内`,
              `${label} ${shown.en} is before the year of the task's document (${year ?? '?'}), outside ${earliest ?? ''} to ${asOf}`,
              fixRange,
            );
        } else if (date.iso > asOf)
          problem(
            key,
            `${label} ${shownDate(date).zh} 晚于今天（${asOf}）`,
            `${label} ${shownDate(date).en} is in the future (after ${asOf})`,
            '填写已经发生的日期 / use a date that has passed',
          );
        else return date.iso;
        return null;
      };
      const date = dateCell('date', '填报日期');
      if (date === undefined)
        problem('date', '没有填写填报日期', 'no report date', '填写填报当天的日期，如 2021-06-30 / fill in the date of the report');
      const completedAt = dateCell('completedAt', '完成日期');
      if (completedAt !== undefined && status && status !== '已完成') {
        problem(
          'completedAt',
          `填了完成日期，但进展状态是“${status}”`,
          `a completion date with status "${status}"`,
          '任务已完成的，进展状态选“已完成”；未完成的，清空完成日期 / choose 已完成, or clear the completion date',
        );
      }
      if (status === '已完成' && completedAt === undefined)
        problem(
          'completedAt',
          '进展状态为“已完成”，但没有填写完成日期',
          'status 已完成 without a completion date',
          '填写实际完成的日期 / fill in the date the task was completed',
        );
      if (completedAt && date && completedAt > date)
        problem(
          'completedAt',
          `完成日期 ${completedAt} 晚于填报日期 ${date}`,
          `completed ${completedAt}, after the report date ${date}`,
          '核对两个日期 / check both dates',
        );

      const note = text(get('note'));
      if (!note) problem('note', '没有填写进展情况', 'no progress text', '写明做了什么、做到哪一步 / say what was done');
      else if ([...note].length > NOTE_MAX)
        problem(
          'note',
          `进展情况有 ${[...note].length} 个字，超过 ${NOTE_MAX} 字`,
          `the text has ${[...note].length} characters, more than ${NOTE_MAX}`,
          '精简文字，详细材料放在佐证链接中 / shorten it; put details behind the evidence link',
        );

      const evidence = text(get('evidence'));
      if (evidence && !isHttpUrl(evidence))
        problem(
          'evidence',
          `佐证链接“${evidence}”不是 http(s) 网址`,
          `evidence "${evidence}" is not an http(s) address`,
          '填写佐证材料公开的网页地址，以 http:// 或 https:// 开头 / give the full web address where the evidence is published',
        );
      const reporter = text(get('reporter'));

      if (issues.length === before && status && date) {
        reports.push({
          task,
          sheet: table.name,
          row,
          update: {
            date,
            status,
            ...(completedAt ? { completedAt } : {}),
            note,
            ...(evidence ? { evidence } : {}),
            ...(reporter ? { reporter } : {}),
          },
        });
      }
    }
  }
  return issues.length ? { reports: [], issues } : { reports, issues };
}
