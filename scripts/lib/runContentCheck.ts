import { checkContent } from './check/index.ts';
import { formatIssues } from './check/format.ts';

/** Runs the content check and prints its report; true when there is no error. */
export function runContentCheck(root: string, options: { json?: boolean } = {}): boolean {
  const { issues, counts, interpretations: stats } = checkContent(root);
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  if (options.json) {
    console.log(JSON.stringify({ ok: errors === 0, errors, warnings, counts, interpretations: stats, issues }, null, 2));
    return errors === 0;
  }
  if (issues.length) console.error(formatIssues(issues));
  const summary = Object.entries(counts)
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');
  const copy = stats.highestCopy
    ? `最高照抄分 highest copy score: ${stats.highestCopy.score.longestRun} 字 chars, ${(stats.highestCopy.score.shingleShare * 100).toFixed(1)}% (${stats.highestCopy.file})`
    : '最高照抄分 highest copy score: —';
  console.log(`解读覆盖 coverage: 文字解读 ${stats.jieduCovered}/${stats.policies}, 图解 ${stats.tujieCovered}/${stats.policies}; ${copy}`);
  const line = `内容检查 / content check: ${summary}; ${errors} 个错误 errors, ${warnings} 个警告 warnings`;
  (errors ? console.error : console.log)(line);
  return errors === 0;
}
