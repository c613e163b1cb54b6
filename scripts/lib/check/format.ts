import type { CheckIssue } from './issue.ts';

/** Human-readable report, grouped by file, each issue with its line, code, both languages and a fix. */
export function formatIssues(issues: CheckIssue[]): string {
  const byFile = new Map<string, CheckIssue[]>();
  for (const issue of issues) byFile.set(issue.file, [...(byFile.get(issue.file) ?? []), issue]);
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
  return out.join('\n');
}
