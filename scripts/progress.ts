/**
 * The 工作台账 loop (要点 items 23 and 27):
 *   npm run progress -- template 2021 [--department <id>] [--all] [--out <dir>]
 *     one .xlsx per lead department (or one department's, or --all: one sheet of every task);
 *   npm run progress -- import <file.xlsx|file.csv> [--as-of YYYY-MM-DD] [--dry-run]
 *     checks every row of a returned sheet and adds its reports to src/content/progress/ as new
 *     history. A file with any mistake writes nothing.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { basename, dirname, extname, relative, resolve } from 'node:path';
import { resolveAsOf } from '../src/lib/ledger/lights.ts';
import { readProjectTasks } from './lib/progress/projectTasks.ts';
import { buildTemplate } from './lib/progress/template.ts';
import { assertSheetSize, readCsv, readXlsx, SheetReadError, type SheetTable } from './lib/progress/readSheet.ts';
import { PRINTED_ERRORS_MAX } from './lib/limits.ts';
import { formatIssue, validateSheets } from './lib/progress/validateSheet.ts';
import { mergeReports } from './lib/progress/history.ts';

export interface ProgressIo {
  root: string;
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE = [
  '用法 usage:',
  '  npm run progress -- template <文件 document, 如 2021> [--department <部门编号 id>] [--all] [--out <目录 dir>]',
  '  npm run progress -- import <file.xlsx|file.csv> [--as-of YYYY-MM-DD] [--dry-run]',
].join('\n');

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Arguments that are not options nor option values. */
function positional(args: string[]): string[] {
  return args.filter((a, i) => !a.startsWith('--') && !['--department', '--out', '--as-of'].includes(args[i - 1] ?? ''));
}

async function template(args: string[], io: ProgressIo): Promise<number> {
  const [documentId] = positional(args);
  const project = readProjectTasks(io.root);
  const document = documentId ? project.documents.get(documentId) : undefined;
  if (!documentId || !document) {
    io.err(
      `找不到文件“${documentId ?? ''}”；可用的有：${[...project.documents.keys()].join('、')} / no document "${documentId ?? ''}"; there are: ${[...project.documents.keys()].join(', ')}\n${USAGE}`,
    );
    return 2;
  }
  const tasks = project.tasks.get(documentId) ?? [];
  const out = resolve(io.root, option(args, '--out') ?? `progress-sheets/${documentId}`);
  const only = option(args, '--department');
  const sheets: { file: string; department?: string; tasks: typeof tasks }[] = [];
  if (args.includes('--all')) sheets.push({ file: `${document.year}年工作台账-全部任务.xlsx`, tasks });
  else {
    const leads = [...new Set(tasks.flatMap((t) => t.leadIds))].filter((id) => !only || id === only);
    if (only && leads.length === 0) {
      io.err(
        `部门“${only}”${project.departments.has(only) ? `在文件 ${documentId} 中没有牵头的任务` : '不存在'}；部门编号见 /bumen/ 页面地址或 src/content/departments/ / department "${only}" ${project.departments.has(only) ? 'leads no task of this document' : 'does not exist'}`,
      );
      return 2;
    }
    for (const id of leads) {
      const name = project.departments.get(id) ?? id;
      sheets.push({
        file: `${document.year}年工作台账-${name}.xlsx`,
        department: name,
        tasks: tasks.filter((t) => t.leadIds.includes(id)),
      });
    }
  }
  mkdirSync(out, { recursive: true });
  for (const sheet of sheets) {
    const bytes = await buildTemplate({ title: document.title, year: document.year, department: sheet.department, tasks: sheet.tasks });
    writeFileSync(resolve(out, sheet.file), bytes);
    io.out(`${relative(io.root, resolve(out, sheet.file))}（${sheet.tasks.length} 项任务 tasks）`);
  }
  io.out(`已生成 ${sheets.length} 个填报表 / ${sheets.length} template(s) written to ${relative(io.root, out) || '.'}`);
  return 0;
}

async function importSheet(args: string[], io: ProgressIo): Promise<number> {
  const [input] = positional(args);
  if (!input) {
    io.err(USAGE);
    return 2;
  }
  const asOf = resolveAsOf(option(args, '--as-of'));
  const dryRun = args.includes('--dry-run');
  const file = resolve(io.root, input);
  const name = basename(file);
  if (!existsSync(file)) {
    io.err(`找不到文件 ${input} / no such file: ${input}`);
    return 1;
  }
  const ext = extname(file).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv') {
    io.err(`${name}：只能导入 .xlsx 或 .csv 文件 / only .xlsx and .csv files can be imported`);
    return 1;
  }
  let tables: SheetTable[];
  try {
    // The size first: a file over the limit is refused without being read.
    assertSheetSize(statSync(file).size);
    const bytes = readFileSync(file);
    tables = ext === '.xlsx' ? await readXlsx(bytes) : readCsv(bytes, basename(file, ext)).tables;
  } catch (error) {
    if (error instanceof SheetReadError) io.err(formatReadError(name, error));
    else
      io.err(
        `${name}：无法读取为 .xlsx 表格（${error instanceof Error ? error.message : String(error)}）；请用 Excel 或 WPS 另存为 .xlsx 或 CSV / cannot read ${name} as .xlsx; save it as .xlsx or CSV`,
      );
    return 1;
  }
  if (tables.length === 0) {
    io.err(
      `${name}：没有找到列名含“任务编号”的工作表；请使用 npm run progress -- template 生成的表格 / ${name}: no sheet with a 任务编号 header; use the generated template`,
    );
    return 1;
  }
  const project = readProjectTasks(io.root);
  const known = new Map(
    [...project.tasks].flatMap(([documentId, tasks]) => tasks.map((t) => [t.id, project.documents.get(documentId)?.year ?? 0] as const)),
  );
  const { reports, issues } = validateSheets(tables, known, asOf);
  if (issues.length) {
    for (const issue of issues.slice(0, PRINTED_ERRORS_MAX)) io.err(formatIssue(name, issue));
    const left = issues.length - PRINTED_ERRORS_MAX;
    if (left > 0)
      io.err(
        `……另有 ${left} 处错误未列出；先改正以上 ${PRINTED_ERRORS_MAX} 处再导入 / ${left} more not shown; fix the first ${PRINTED_ERRORS_MAX} and import again`,
      );
    io.err(`${name}：${issues.length} 处错误，未写入任何文件 / ${issues.length} error(s); nothing was written`);
    return 1;
  }
  if (reports.length === 0) {
    io.out(`${name}：没有填写任何进展，未写入任何文件 / no progress entered; nothing was written`);
    return 0;
  }
  let merged;
  try {
    merged = mergeReports(reports, (path) => {
      const full = resolve(io.root, path);
      return existsSync(full) ? readFileSync(full, 'utf8') : null;
    });
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    return 1;
  }
  for (const r of merged.added) io.out(`  + ${r.task} ${r.update.date} ${r.update.status}（工作表“${r.sheet}”第 ${r.row} 行）`);
  for (const r of merged.already) io.out(`  = ${r.task} ${r.update.date} ${r.update.status}：已记录，跳过 / already recorded`);
  if (dryRun) {
    for (const [path, text] of merged.files) io.out(`--- ${path}\n${text}`);
    io.out(
      `试运行：将新增 ${merged.added.length} 条进展，写入 ${merged.files.size} 个文件；未写入任何文件 / dry run: ${merged.added.length} report(s) to ${merged.files.size} file(s); nothing was written`,
    );
    return 0;
  }
  // Every file is written beside its target first, then all are renamed into place.
  const staged = [...merged.files].map(([path, text]) => {
    const full = resolve(io.root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(`${full}.tmp-${process.pid}`, text);
    return full;
  });
  for (const full of staged) renameSync(`${full}.tmp-${process.pid}`, full);
  io.out(
    `${name}：新增 ${merged.added.length} 条进展，写入 ${merged.files.size} 个文件（src/content/progress/）；${merged.already.length} 条已记录 / ${merged.added.length} report(s) added in ${merged.files.size} file(s), ${merged.already.length} already recorded`,
  );
  return 0;
}

/** A file that cannot be read: where (the sheet and row, when known), both languages, the fix. */
function formatReadError(file: string, error: SheetReadError): string {
  if (error.at) return formatIssue(file, { ...error.at, zh: error.zh, en: error.en, fix: error.fix });
  return `${file}：${error.zh}\n  ${file}: ${error.en}\n  改正 / fix: ${error.fix}`;
}

/** Runs the CLI; returns the process exit code. */
export async function runProgress(args: string[], io: ProgressIo): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'template') return template(rest, io);
  if (command === 'import') return importSheet(rest, io);
  io.err(USAGE);
  return 2;
}

if (import.meta.main) {
  process.exitCode = await runProgress(process.argv.slice(2), {
    root: resolve(import.meta.dirname, '..'),
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
}
