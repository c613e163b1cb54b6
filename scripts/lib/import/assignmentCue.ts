/**
 * Text that looks like an assignment of responsibility, for refusing a silent "no tasks": the
 * importer calls it on a point (or any text) from which no task was read, and stops with the
 * fragment it returns. It prefers a false alarm to a lost task, so it is wider than the grammar
 * in responsibility.ts, which must be exact. It finds:
 * 1. a responsibility label with a colon anywhere (`责任单位：…`, `牵头部门:…`);
 * 2. a bracket that is a statement, or that holds only department names after a sentence end
 *    (`……。（省财政厅、省发展改革委）`), a form documents use without any role word;
 * 3. a department name directly before a role word, in brackets or in a sentence:
 *    `由区政府办公室负责统筹协调`, `（市卫健委牵头，有关部门配合做好）`, `各县区分别负责`.
 *    A body sentence `由X负责…` IS an assignment (the document says who does the work), so it is
 *    flagged: the editor either turns it into a task or confirms the point has none.
 *    Not cues: role words used as nouns or about people (`负责人`, `负责同志`, `牵头单位要…`,
 *    `牵头作用`, `责任制`), and role words after prose (`各部门要积极配合`, `各部门要高度重视`:
 *    `要` stands between the name and the word).
 */
import { findDutyClauses } from './dutyClauses.ts';
import { isDepartmentName, splitTop } from './responsibility.ts';
import { splitDepartmentList } from './departmentList.ts';

const LABEL =
  /(?:牵头|责任|配合|协办|协助|参与|实施|落实|主办|主责|承办|试点)(?:单位|部门|处室|科室|主体)\s*[:：]|牵头\s*[:：]|完成时限\s*[:：]/u;
/** Role words that assign work when a department's name stands right before them. */
const ROLE = /(?:按(?:照)?(?:各自)?职责(?:分工)?|分别|共同|具体)?(?:牵头|负责|配合|会同(?!意)|协办)/gu;
/** What makes a role word a noun or a word about people: 负责人, 牵头单位, 负责制, 牵头作用. */
const NOUN_AFTER = /^(?:人|同志|制|领导|单位|部门|处室|科室|作用|职责)/u;
/** Words that end a name when reading backwards from a role word: prose, not part of a name. */
const BEFORE_NAME = /[要将把的是了在由请并或应须]/u;
const MAX_FRAGMENT = 40;

/** The fragment from `at` to the next sentence end, at most MAX_FRAGMENT characters. */
function fragmentFrom(text: string, at: number): string {
  const rest = text.slice(at);
  const end = rest.search(/[。；;！？\n]/u);
  return [...(end === -1 ? rest : rest.slice(0, end))].slice(0, MAX_FRAGMENT).join('').trim();
}

/** The name printed right before `at`: the run of name characters, cut at prose words. */
function nameBefore(text: string, at: number): { name: string; start: number } {
  let start = at;
  while (start > 0 && /[\u4e00-\u9fa5（）()、]/u.test(text[start - 1]!) && !BEFORE_NAME.test(text[start - 1]!)) start--;
  const run = text.slice(start, at);
  // The name itself is the last item of a list: `X、Y负责` → Y.
  const names = splitDepartmentList(run);
  const name = names[names.length - 1] ?? '';
  return { name, start: at - name.length };
}

/** A bracket holding nothing but department names, printed after a sentence end. */
function bracketedList(text: string): string | null {
  for (const m of text.matchAll(/(?<=[。；;！])\s*[（(]([^（()）]+(?:[（(][^（()）]*[)）][^（()）]*)*)[)）]/gu)) {
    const names = splitTop(m[1]!, /[、，,；;]/u).map((n) => n.trim());
    if (names.length > 0 && names.every((n) => isDepartmentName(n))) return m[0].trim();
  }
  return null;
}

/**
 * The first fragment of `text` that assigns work to a department (see the module comment), or
 * null when the text has none.
 */
export function assignmentCue(text: string): string | null {
  const label = LABEL.exec(text);
  if (label) return fragmentFrom(text, label.index);
  const clause = findDutyClauses(text)[0];
  if (clause) return text.slice(clause.start, clause.end);
  const listed = bracketedList(text);
  if (listed) return listed;
  for (const m of text.matchAll(ROLE)) {
    if (NOUN_AFTER.test(text.slice(m.index + m[0].length))) continue;
    const { name, start } = nameBefore(text, m.index);
    if (name !== '' && isDepartmentName(name)) return fragmentFrom(text, start);
  }
  return null;
}
