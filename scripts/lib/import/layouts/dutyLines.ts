/** Layout: responsibility stated in lines of their own after a point (`牵头单位：…` / `责任单位：…` / `完成时限：…`). */
import { buildWithDuties, recogniseDuties, share } from './pointsWithDuties.ts';
import type { Recogniser } from './types.ts';

export const dutyLines: Recogniser = {
  layout: 'duty-paragraphs',
  recognise: (input) =>
    recogniseDuties(input, (counts) => {
      const s = share(counts.lines, counts.points, '后有责任单位段落', 'are followed by responsibility lines');
      return {
        score: 0.9 * s.value,
        reasons: [s.reason],
        ...(s.value === 0
          ? {
              missing: {
                zh: '要点后没有责任单位段落',
                en: 'no point is followed by a responsibility line',
                fix: '在要点之后另起一段写“责任单位：……”。',
              },
            }
          : {}),
      };
    }),
  build: (input) => buildWithDuties(input, 'duty-paragraphs'),
};
