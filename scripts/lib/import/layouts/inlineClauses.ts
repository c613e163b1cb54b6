/** Layout: a responsibility clause in brackets at the end of a point or item (`（牵头单位：…）`, `（X牵头，Y配合）`). */
import { buildWithDuties, recogniseDuties, share } from './pointsWithDuties.ts';
import type { Recogniser } from './types.ts';

export const inlineClauses: Recogniser = {
  layout: 'inline-clauses',
  recognise: (input) =>
    recogniseDuties(input, (counts) => {
      const s = share(counts.clauses, counts.points, '以责任括注结束', 'end in a responsibility clause');
      return {
        score: 0.9 * s.value,
        reasons: [s.reason],
        ...(s.value === 0
          ? {
              missing: {
                zh: '要点末尾没有责任括注',
                en: 'no point ends in a responsibility clause',
                fix: '在要点末尾写“（牵头单位：……；完成时限：……）”或“（……牵头，……配合）”。',
              },
            }
          : {}),
      };
    }),
  build: (input) => buildWithDuties(input, 'inline-clauses'),
};
