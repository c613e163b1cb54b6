import type { Findings } from './findings.ts';
import { cell, excerpt, label, runnerUp, taskId } from './format.ts';

/** Sections 1 and 2: tasks assigned to another point than their printed label, and tasks that could not be assigned. */
export function matchesSection(found: Findings): string[] {
  const { moved, unresolved, pointName } = found;
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);
  push('## 1. 归属与打印标签不一致 Assigned point ≠ printed label', '');
  push(
    '任务按文字归属到其出处要点；打印标签保留在 `printedLabel` 中。 Each task is assigned to the point its text comes from; the printed label is kept in `printedLabel`.',
    '',
  );
  if (moved.length === 0) push('无 None.', '');
  else {
    push(
      '| 行 Line | 任务 Task | 打印标签 Printed label | 归属要点 Assigned point | 匹配度 Score | 次优 Runner-up | 任务开头 Task text |',
      '| ---: | --- | --- | --- | ---: | --- | --- |',
    );
    for (const t of moved) {
      push(
        `| ${t.sourceLine} | ${taskId(t)} | ${cell(label(t))} | ${cell(pointName(t.point))} | ${t.match.score.toFixed(3)} | ${runnerUp(t)} | ${cell(excerpt(t.text))} |`,
      );
    }
    push('');
  }

  push('## 2. 未能自动归属 Unresolved matches', '');
  push(
    '得分低于 0.5 或两个要点并列最高时保留打印标签。 When the best score is below 0.5 or two points tie, the printed label is kept.',
    '',
  );
  if (unresolved.length === 0) push('无 None.', '');
  else {
    push(
      '| 行 Line | 任务 Task | 原因 Reason | 打印标签 Printed label | 得分 Score | 最佳其他 Best other |',
      '| ---: | --- | --- | --- | ---: | --- |',
    );
    for (const t of unresolved) {
      push(
        `| ${t.sourceLine} | ${taskId(t)} | ${t.match.fallback === 'tie' ? '并列 tie' : '得分低 low score'} | ${cell(label(t))} | ${t.match.score.toFixed(3)} | ${runnerUp(t)} |`,
      );
    }
    push('');
  }
  return out;
}
