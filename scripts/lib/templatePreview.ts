/**
 * The generated 工作台账 template drawn as a spreadsheet program shows it (column letters, row
 * numbers, the frozen header, locked columns grey, input columns tinted, the 进展状态 drop-down
 * open), read from the real `.xlsx` so the picture in the editors' guide cannot drift from it.
 * For `npm run screenshots` only: no office program is needed.
 */
import ExcelJS from 'exceljs';
import { columnLetter } from './progress/columns.ts';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Excel's column width (characters of the default font) in CSS pixels, roughly. */
const px = (width: number | undefined) => Math.round((width ?? 9) * 7.5 + 5);

export async function templatePreviewHtml(bytes: Uint8Array, rowsShown = 6): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const count = sheet.columnCount;
  const cols = Array.from({ length: count }, (_, i) => sheet.getColumn(i + 1));
  const header = sheet.getRow(1);
  const list = (sheet.getCell('F2').dataValidation?.formulae?.[0] as string | undefined)?.replace(/^"|"$/g, '').split(',') ?? [];
  const cell = (r: number, c: number) => {
    const x = sheet.getCell(r, c);
    const value = x.value === null || x.value === undefined ? '' : String(x.value);
    const open = x.protection?.locked === false;
    const dropdown = r === 2 && x.dataValidation?.type === 'list';
    return `<td class="${open ? 'input' : 'locked'}${dropdown ? ' active' : ''}">${escape(value).replace(/\n/g, '<br>')}${
      dropdown ? `<span class="arrow">▾</span><ul class="dropdown">${list.map((o) => `<li>${escape(o)}</li>`).join('')}</ul>` : ''
    }</td>`;
  };
  const rows = Array.from({ length: Math.min(rowsShown, sheet.rowCount - 1) }, (_, i) => i + 2);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="stylesheet" href="/fonts/fallback.css"><style>
  body { margin: 0; font: 13px 'Noto Sans SC', sans-serif; background: #fff; color: #000; }
  .tabs { padding: 4px 8px; background: #f3f3f3; border-top: 1px solid #c8c8c8; font-size: 13px; }
  .tabs span { display: inline-block; padding: 3px 14px; margin-right: 4px; border: 1px solid #c8c8c8; background: #e8e8e8; }
  .tabs span.on { background: #fff; border-top: 2px solid #217346; font-weight: 700; }
  table { border-collapse: collapse; table-layout: fixed; }
  th, td { border: 1px solid #d4d4d4; padding: 3px 5px; vertical-align: top; overflow: hidden; }
  thead th, tbody th { background: #f3f3f3; color: #444; font-weight: 400; text-align: center; }
  tr.header td { font-weight: 700; text-align: center; vertical-align: middle; background: #fafafa; border-bottom: 3px solid #8a8a8a; }
  td.locked { background: #f1f1f1; color: #333; }
  td.input { background: #fff8e1; }
  td.active { outline: 2px solid #217346; position: relative; overflow: visible; }
  .arrow { position: absolute; right: 2px; top: 2px; border: 1px solid #999; background: #fff; padding: 0 3px; }
  .dropdown { position: absolute; left: -2px; top: 100%; margin: 0; padding: 2px 0; list-style: none; background: #fff; border: 1px solid #777; box-shadow: 2px 2px 6px rgba(0,0,0,.3); z-index: 2; width: 110px; }
  .dropdown li { padding: 3px 8px; }
  .dropdown li:first-child { background: #cce8d6; }
</style></head><body>
<table><colgroup><col style="width:36px">${cols.map((c) => `<col style="width:${px(c.width)}px">`).join('')}</colgroup>
<thead><tr><th></th>${cols.map((_, i) => `<th>${columnLetter(i + 1)}</th>`).join('')}</tr></thead>
<tbody><tr class="header"><th>1</th>${cols.map((_, i) => `<td>${escape(String(header.getCell(i + 1).value ?? ''))}</td>`).join('')}</tr>
${rows.map((r) => `<tr><th>${r}</th>${cols.map((_, i) => cell(r, i + 1)).join('')}</tr>`).join('\n')}
</tbody></table>
<div class="tabs">${workbook.worksheets.map((s, i) => `<span class="${i === 0 ? 'on' : ''}">${escape(s.name)}</span>`).join('')}</div>
</body></html>`;
}
