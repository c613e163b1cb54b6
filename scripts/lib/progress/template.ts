/**
 * The 工作台账 spreadsheet a 政务公开 office sends to a department: one row per task, the task's
 * columns locked (sheet protection, no password: it guards against slips, not against people),
 * the input columns open, a drop-down for 进展状态 and date validation for the two dates.
 */
import ExcelJS from 'exceljs';
import { PROGRESS_STATUSES } from '../../../src/schemas/progress.ts';
import { SHEET_COLUMNS, columnLetter } from './columns.ts';

export interface TemplateTask {
  /** `2021/18-1`. */
  id: string;
  pointNo: number;
  pointTitle: string;
  text: string;
  lead: string[];
  units: string[];
  deadline: string;
}

export interface TemplateInput {
  /** The document's title, e.g. 沈阳市 2021 年政务公开工作要点. */
  title: string;
  year: number;
  /** The department the sheet is for; absent for the sheet of all tasks. */
  department?: string;
  tasks: TemplateTask[];
}

export const DATA_SHEET = '工作台账';
export const GUIDE_SHEET = '填报说明';
/** The earliest date the validation accepts: the document's year. */
const firstDay = (year: number) => new Date(Date.UTC(year, 0, 1));

function departmentsCell(task: TemplateTask): string {
  return [`牵头：${task.lead.join('、') || '未列'}`, task.units.length ? `责任：${task.units.join('、')}` : ''].filter(Boolean).join('\n');
}

/** What the guide sheet says, line by line (also printed in docs/editor-guide.md). */
export function guideLines(input: TemplateInput): string[] {
  return [
    `${input.title}：工作台账填报表${input.department ? `（${input.department}）` : ''}`,
    '',
    '1. 在“工作台账”工作表中，每项任务一行。任务编号、事项、主要任务、牵头/责任和完成时限不要改动（已锁定）。',
    `2. 进展状态：从下拉列表中选择 ${PROGRESS_STATUSES.join('、')} 之一。`,
    '3. 完成日期：只在进展状态为“已完成”时填写，写实际完成的日期，如 2021-06-30。',
    '4. 进展情况：写清做了什么、做到哪一步，不超过 500 字。',
    '5. 佐证链接：公开佐证材料的网页地址，须以 http:// 或 https:// 开头。',
    '6. 填报人、填报日期：填写人姓名（只留存，不在网站公开）和填写当天的日期。',
    '7. 没有进展可报的任务整行留空。可以调整行的顺序、列的顺序或工作表名称，但不要改列名。',
    '8. 填好后把文件交回政务公开工作机构；也可以另存为 CSV（UTF-8 或 GBK 均可）。',
  ];
}

/** The workbook as `.xlsx` bytes. */
export async function buildTemplate(input: TemplateInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '政务公开网站 npm run progress';
  workbook.created = firstDay(input.year);
  const sheet = workbook.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = SHEET_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 24;
  for (const task of input.tasks) {
    sheet.addRow({
      task: task.id,
      point: `${task.pointNo}. ${task.pointTitle}`,
      text: task.text,
      departments: departmentsCell(task),
      deadline: task.deadline,
    });
  }
  const last = input.tasks.length + 1;
  SHEET_COLUMNS.forEach((column, i) => {
    const letter = columnLetter(i + 1);
    for (let r = 2; r <= last; r++) {
      const cell = sheet.getCell(`${letter}${r}`);
      cell.alignment = { vertical: 'top', wrapText: true };
      if (column.input) {
        cell.protection = { locked: false };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8E1' } };
      }
      if (column.key === 'status') {
        cell.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${PROGRESS_STATUSES.join(',')}"`],
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: '进展状态',
          error: `请从列表中选择：${PROGRESS_STATUSES.join('、')}`,
        };
      }
      if (column.key === 'completedAt' || column.key === 'date') {
        cell.numFmt = 'yyyy-mm-dd';
        cell.dataValidation = {
          type: 'date',
          operator: 'greaterThanOrEqual',
          allowBlank: true,
          formulae: [firstDay(input.year)],
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: column.header,
          error: `请填写 ${input.year} 年以后的日期，如 ${input.year}-06-30`,
        };
      }
    }
  });
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    sort: true,
    autoFilter: true,
  });

  const guide = workbook.addWorksheet(GUIDE_SHEET);
  guide.getColumn(1).width = 100;
  guideLines(input).forEach((line, i) => {
    const cell = guide.getCell(`A${i + 1}`);
    cell.value = line;
    cell.alignment = { wrapText: true };
    if (i === 0) cell.font = { bold: true, size: 14 };
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
