import type { CheckIssue } from './issue.ts';
import { PRINTED_ERRORS_MAX } from '../limits.ts';

/**
 * Human-readable report, grouped by file, each issue with its line, code, both languages and a fix.
 * At most `max` issues are printed (errors before warnings), then how many were left out: 200,000
 * findings would otherwise print tens of megabytes. `npm run check -- --json` lists them all.
 */
export function formatIssues(issues: CheckIssue[], max = PRINTED_ERRORS_MAX): string {
  const shown = [...issues].sort((a, b) => Number(a.severity !== 'error') - Number(b.severity !== 'error')).slice(0, max);
  const byFile = new Map<string, CheckIssue[]>();
  for (const issue of shown) byFile.set(issue.file, [...(byFile.get(issue.file) ?? []), issue]);
  const out: string[] = [];
  for (const [file, list] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(file);
    for (const i of list.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))) {
      const where = i.line ? `${file}:${i.line}` : file;
      const label = i.severity === 'error' ? '错误 error' : '警告 warning';
      out.push(`  ${where}  ${label} [${i.code}]${i.field ? ` [${i.field}]` : ''}`);
      out.push(`    ${i.zh}`);
      out.push(`    ${i.en}`);
      out.push(`    修改 fix: ${i.fix}`);
    }
  }
  const left = issues.length - shown.length;
  if (left > 0)
    out.push(
      `……另有 ${left} 处问题未列出（共 ${issues.length} 处）；先改正以上问题，或用 npm run check -- --json 查看全部 / ${left} more not shown (${issues.length} in all); fix the ones above first, or see them all with npm run check -- --json`,
    );
  return out.join('\n');
}
