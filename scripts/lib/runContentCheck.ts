import { checkContent } from '../../src/lib/check/index.ts';
import { formatIssues } from '../../src/lib/check/format.ts';

/** Runs the content check and prints its report; true when there is no error. */
export function runContentCheck(root: string, options: { json?: boolean } = {}): boolean {
  const { issues, counts } = checkContent(root);
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  if (options.json) {
    console.log(JSON.stringify({ ok: errors === 0, errors, warnings, counts, issues }, null, 2));
    return errors === 0;
  }
  if (issues.length) console.error(formatIssues(issues));
  const summary = Object.entries(counts).map(([c, n]) => `${c} ${n}`).join(', ');
  const line = `内容检查 / content check: ${summary}; ${errors} 个错误 errors, ${warnings} 个警告 warnings`;
  (errors ? console.error : console.log)(line);
  return errors === 0;
}
