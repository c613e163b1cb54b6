import { LAYOUTS, type LayoutScore } from '../layouts/types.ts';
import { cell } from './format.ts';

/** Every recogniser's score and reasons, the winner first, and why it won. */
export function layoutSection(scores: LayoutScore[]): string[] {
  const [winner, runnerUp] = scores;
  if (!winner) return [];
  return [
    '## 版式识别 Layout recognition',
    '',
    `选用 Chosen: ${LAYOUTS[winner.layout]}（${winner.score.toFixed(2)}）${
      runnerUp ? `；次优 runner-up: ${LAYOUTS[runnerUp.layout]}（${runnerUp.score.toFixed(2)}）` : ''
    }`,
    '',
    '| 版式 Layout | 得分 Score | 依据 Reasons |',
    '| --- | ---: | --- |',
    ...scores.map((s) => `| ${LAYOUTS[s.layout]} | ${s.score.toFixed(2)} | ${cell(s.reasons.join('；'))} |`),
    '',
  ];
}
