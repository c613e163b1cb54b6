/**
 * Imports a published 要点 document into the content collections:
 *   npm run import -- seeds/<file>.md
 * Parses everything first; on a problem in the source it prints the ImportError (file:line, field,
 * 中文 and English, fix) and exits 1 without writing anything.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { ImportError } from '../src/lib/import/errors.ts';
import { parseDocument } from '../src/lib/import/parseDocument.ts';
import { serialize } from '../src/lib/import/serialize.ts';
import { readExistingDepartments, writeContent } from '../src/lib/import/writeContent.ts';

export interface ImportIo {
  root: string;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Runs the import; returns the process exit code. */
export function runImport(args: string[], io: ImportIo): number {
  const input = args.find((a) => !a.startsWith('-'));
  if (!input || args.length !== 1) {
    io.err('用法 usage: npm run import -- seeds/<file>.md');
    return 2;
  }
  const abs = resolve(io.root, input);
  const source = relative(io.root, abs).split('\\').join('/');
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch {
    io.err(`无法读取 cannot read: ${input}`);
    return 1;
  }
  try {
    const doc = parseDocument(text, source, readExistingDepartments(io.root));
    const content = serialize(doc);
    writeContent(io.root, content);
    const worded = doc.tasks.filter((t) => t.wording.length > 0).length;
    const moved = doc.tasks.filter((t) => t.match.fallback === null && t.point !== t.printedLabel.no).length;
    const unresolved = doc.tasks.filter((t) => t.match.fallback !== null).length;
    const splits = new Set(doc.tasks.filter((t) => t.split).map((t) => t.sourceLine)).size;
    io.out(`导入 imported ${source} → src/content/ (${doc.year})`);
    io.out(`  部分 sections ${doc.sections.length} · 要点 points ${doc.points.length} · 表格行 table rows ${doc.rows.length} · 任务 tasks ${doc.tasks.length} · 部门 departments ${doc.departments.length}`);
    io.out(`  发现 findings: 归属调整 moved ${moved} · 未能归属 unresolved ${unresolved} · 拆分 split ${splits} · 措辞差异 wording ${worded}`);
    io.out(`  报告 report: docs/import-report-${doc.year}.md`);
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
  process.exitCode = runImport(process.argv.slice(2), {
    root: resolve(import.meta.dirname, '..'),
    out: (l) => console.log(l),
    err: (l) => console.error(l),
  });
}
