/** Layout: a responsibility clause in brackets at the end of a point or item (`（牵头单位：…）`, `（X牵头，Y配合）`). */
import { dutyRecogniser } from './pointsWithDuties.ts';

export const inlineClauses = dutyRecogniser(
  'inline-clauses',
  (counts) => counts.clauses,
  { zh: '以责任括注结束', en: 'end in a responsibility clause' },
  {
    zh: '要点末尾没有责任括注',
    en: 'no point ends in a responsibility clause',
    fix: '在要点末尾写“（牵头单位：……；完成时限：……）”或“（……牵头，……配合）”。',
  },
);
