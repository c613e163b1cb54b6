/**
 * Layout: numbered points that state no responsibility at all. It fits any document with points and
 * no table, so it scores low and wins only where no other layout finds a responsibility statement;
 * the importer then still refuses a point whose text looks like an assignment.
 */
import { buildWithDuties, recogniseDuties } from './pointsWithDuties.ts';
import type { Recogniser } from './types.ts';

export const pointsOnly: Recogniser = {
  layout: 'points-only',
  recognise: (input) =>
    recogniseDuties(input, (counts) => ({
      score: 0.05,
      reasons: [`${counts.points} 条要点，均未读到责任单位 ${counts.points} points, no responsibility read from any of them`],
    })),
  build: (input) => buildWithDuties(input, 'points-only'),
};
