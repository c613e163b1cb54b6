/**
 * Imports a published 要点 document into the content collections:
 *   npm run import -- <file> [--id <id>] [--archive] [--dry-run] [--allow-untasked] [--disclosure 主动公开|依申请公开|不予公开]
 * <file> is a web page saved from a portal (.html), a Word attachment (.docx, .doc, .wps) or the
 * seed's text form (.md/.txt). `--disclosure` states the 公开属性 of a file that prints no marker
 * (a text transcription has no default); the report records it as the editor's statement.
 * `--allow-untasked` imports points whose text looks like an assignment although no task was read
 * from it, and lists them in the report. Parses everything first; on a problem in the source it
 * prints the ImportError (file:line, field, 中文 and English, fix) and exits 1 without writing
 * anything. What it would write is checked with `npm run check`'s rules first (checkOutput.ts): it
 * never writes what the check refuses.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { ImportError } from './lib/import/errors.ts';
import { assertImportSize, readSource } from './lib/import/formats/readSource.ts';
import { parseDocument } from './lib/import/parseDocument.ts';
import { serialize } from './lib/import/serialize.ts';
import { errorsAddedBy } from './lib/import/checkOutput.ts';
import { formatIssues } from './lib/check/format.ts';
import { readExistingDepartments, writeContent } from './lib/import/writeContent.ts';
import { issuerGovernment } from './lib/import/departmentList.ts';
import { documentIdProblem } from '../src/schemas/document.ts';
import { departmentSlug } from './lib/import/departmentSlug.ts';
import { DISCLOSURES } from './lib/import/front/disclosure.ts';
import { site } from '../site.config.mjs';

export interface ImportIo {
  root: string;
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE =
  '用法 usage: npm run import -- <file.html|file.docx|file.doc|file.md> [--id <id>] [--archive] [--dry-run] [--allow-untasked] [--disclosure 主动公开|依申请公开|不予公开]';

/** The `source` of an existing document entry, or null when there is none. */
function existingSource(root: string, id: string): string | null {
  const file = join(root, 'src/content/documents', `${id}.yaml`);
  if (!existsSync(file)) return null;
  const data = parse(readFileSync(file, 'utf8')) as { source?: unknown } | null;
  return typeof data?.source === 'string' ? data.source : '';
}

/** Runs the import; returns the process exit code. */
export async function runImport(args: string[], io: ImportIo): Promise<number> {
  const flags = {
    id: undefined as string | undefined,
    archive: false,
    dryRun: false,
    allowUntasked: false,
    disclosure: undefined as string | undefined,
  };
  const inputs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--archive') flags.archive = true;
    else if (a === '--dry-run') flags.dryRun = true;
    else if (a === '--allow-untasked') flags.allowUntasked = true;
    else if (a === '--id') flags.id = args[++i];
    else if (a.startsWith('--id=')) flags.id = a.slice('--id='.length);
    else if (a === '--disclosure') flags.disclosure = args[++i] ?? '';
    else if (a.startsWith('--disclosure=')) flags.disclosure = a.slice('--disclosure='.length);
    else if (a.startsWith('-')) {
      io.err(`未知选项 unknown option: ${a}\n${USAGE}`);
      return 2;
    } else inputs.push(a);
  }
  const input = inputs[0];
  if (!input || inputs.length !== 1 || (args.includes('--id') && !flags.id)) {
    io.err(USAGE);
    return 2;
  }
  const idProblem = flags.id === undefined ? null : documentIdProblem(flags.id);
  if (flags.id !== undefined && idProblem) {
    const shown = flags.id.length > 40 ? `${flags.id.slice(0, 40)}…` : flags.id;
    io.err(`--id “${shown}”：${idProblem.zh}；请换一个编号，如 2022-fujian / ${idProblem.en}; choose another id, e.g. 2022-fujian`);
    return 2;
  }
  const statedDisclosure = flags.disclosure === undefined ? undefined : DISCLOSURES.find((d) => d === flags.disclosure);
  if (flags.disclosure !== undefined && !statedDisclosure) {
    io.err(
      `--disclosure “${flags.disclosure}”：只能是 主动公开、依申请公开 或 不予公开 / --disclosure must be 主动公开 (proactive), 依申请公开 (on request) or 不予公开 (not disclosed)\n${USAGE}`,
    );
    return 2;
  }
  const abs = resolve(io.root, input);
  const source = relative(io.root, abs).split('\\').join('/');
  let bytes: Uint8Array;
  try {
    // The size first: a file over the limit is refused without being read.
    assertImportSize(source, statSync(abs).size);
    bytes = readFileSync(abs);
  } catch (error) {
    if (error instanceof ImportError) io.err(error.format());
    else io.err(`无法读取 cannot read: ${input}`);
    return 1;
  }
  try {
    const doc = parseDocument(await readSource(source, bytes), source, {
      existingDepartments: readExistingDepartments(io.root),
      siteGovernment: issuerGovernment(site.owner),
      allowUntasked: flags.allowUntasked,
      ...(statedDisclosure ? { statedDisclosure } : {}),
    });
    // The id: chosen with --id, else the year when no other document has it.
    const id = flags.id ?? String(doc.year);
    const taken = existingSource(io.root, id);
    if (taken !== null && taken !== source) {
      io.err(
        [
          `文件 id “${id}” 已被 ${taken} 使用 / the document id "${id}" is taken by ${taken}`,
          `  修改建议 fix: 用 --id 另选一个，如 npm run import -- ${input} --id ${doc.year}-${departmentSlug(issuerGovernment(doc.issuer)) || 'b'}${flags.archive ? ' --archive' : ''}`,
        ].join('\n'),
      );
      return 1;
    }
    const content = serialize(doc, { id, archive: flags.archive });
    const refused = errorsAddedBy(io.root, content);
    if (refused.length > 0) {
      io.err(
        [
          `导入结果无法通过内容检查，未写入任何文件 / the import's output would fail the content check; nothing written: ${source}`,
          formatIssues(refused),
          '  这是导入程序未能正确读出该文件的结果：请把文件和以上信息报告给维护者，或修改原文件后重试。',
          '  The importer misread this file: report the file and the messages above, or correct the source and try again.',
        ].join('\n'),
      );
      return 1;
    }
    const worded = doc.tasks.filter((t) => t.wording.length > 0).length;
    const moved = doc.tasks.filter((t) => t.match.fallback === null && t.printedLabel && t.point !== t.printedLabel.no).length;
    const unresolved = doc.tasks.filter((t) => t.match.fallback !== null).length;
    const splits = new Set(doc.tasks.filter((t) => t.split).map((t) => t.sourceLine)).size;
    const subsections = doc.sections.reduce((n, s) => n + (s.subsections?.length ?? 0), 0);
    const summary = [
      `  格式 format ${doc.format} · 版式 layout ${doc.layout} · id ${id}${flags.archive ? ' · 往期 archive' : ''}`,
      `  部分 sections ${doc.sections.length} · 小部分 sub-sections ${subsections} · 要点 points ${doc.points.length} · 表格行 table rows ${doc.rows.length} · 任务 tasks ${doc.tasks.length} · 部门 departments ${doc.departments.length}`,
      `  发现 findings: 归属调整 moved ${moved} · 未能归属 unresolved ${unresolved} · 拆分 split ${splits} · 措辞差异 wording ${worded} · 推断 inferences ${doc.inferences.length}`,
    ];
    if (flags.dryRun) {
      io.out(`试运行，未写入任何文件 dry run, nothing written: ${source} → src/content/ (${id})`);
      io.out(summary.join('\n'));
      io.out('  将写入 would write:');
      for (const [path, text] of content.files) {
        const target = join(io.root, path);
        const state = !existsSync(target) ? '新建 new' : readFileSync(target, 'utf8') === text ? '不变 unchanged' : '更新 changed';
        io.out(`    ${state}  ${path}`);
      }
      io.out('');
      io.out(content.files.get(`docs/generated/import-report-${id}.md`) ?? '');
      return 0;
    }
    writeContent(io.root, content);
    io.out(`导入 imported ${source} → src/content/ (${id})`);
    io.out(summary.join('\n'));
    io.out(`  报告 report: docs/generated/import-report-${id}.md`);
    if (flags.archive) io.out('  往期文件不要求文字解读和图解 archive document: no 文字解读 or 图解 is required');
    else
      io.out(
        `  下一步 next: npm run new -- jiedu ${id} · npm run new -- tujie ${id} （三同步：每条要点都需要解读和图解 every point needs a 解读 and a 图解）`,
      );
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      io.err(error.format());
      return 1;
    }
    throw error;
  }
}

if (import.meta.main) {
  process.exitCode = await runImport(process.argv.slice(2), {
    root: resolve(import.meta.dirname, '..'),
    out: (l) => console.log(l),
    err: (l) => console.error(l),
  });
}
