/** What labelled and unlabelled statements share: splitting outside brackets, and the summary of their parts. */
import type { Responsibility, ResponsibilityPart, ResponsibilityRole } from './types.ts';

/** Splits `text` at separators outside brackets (`各县（市、区）` stays whole). */
export function splitTop(text: string, separator: RegExp): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if ('（(【['.includes(ch)) depth++;
    if ('）)】]'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && separator.test(ch)) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

const UNIT_ROLES: ResponsibilityRole[] = ['responsible', 'support', 'implement', 'pilot', 'guide'];

/** Lead, units and deadline from the parts: several lists of one field are joined with `、`. */
export function summarise(form: Responsibility['form'], parts: ResponsibilityPart[], evidence: string): Responsibility {
  const join = (roles: ResponsibilityRole[], separator: string) =>
    parts
      .filter((p) => roles.includes(p.role))
      .map((p) => p.raw)
      .join(separator);
  const lead = join(['lead'], '、');
  const units = join(UNIT_ROLES, '、');
  const deadlines = [...new Set(parts.filter((p) => p.role === 'deadline').map((p) => p.raw))];
  return {
    form,
    ...(lead !== '' ? { lead } : {}),
    ...(units !== '' ? { units } : {}),
    // Several deadlines (one per batch) are kept together as printed; no one of them is chosen.
    ...(deadlines.length > 0 ? { deadline: deadlines.join('；') } : {}),
    parts,
    evidence,
  };
}
