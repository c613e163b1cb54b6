/** Layout: responsibility stated in lines of their own after a point (`牵头单位：…` / `责任单位：…` / `完成时限：…`). */
import { dutyRecogniser } from './pointsWithDuties.ts';

export const dutyLines = dutyRecogniser(
  'duty-paragraphs',
  (counts) => counts.lines,
  { zh: '后有责任单位段落', en: 'are followed by responsibility lines' },
  { zh: '要点后没有责任单位段落', en: 'no point is followed by a responsibility line', fix: '在要点之后另起一段写“责任单位：……”。' },
);
