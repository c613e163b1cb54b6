/** Unlabelled statements: department names followed by role words (`X牵头，Y配合`), and deadline phrases. */
import { deadlinePhrase } from './deadlinePhrase.ts';
import { readLabelled } from './labelled.ts';
import { isDepartmentList, separateConjunctions, stripEtc } from './names.ts';
import { splitTop, summarise } from './parts.ts';
import type { ReadOptions, Responsibility, ResponsibilityPart, ResponsibilityRole } from './types.ts';

/** Verbs that give a role, by the role they give. 牵头 anywhere in a run makes it lead. */
const ROLE_VERBS: [string, ResponsibilityRole][] = [
  ['牵头', 'lead'],
  ['主办', 'lead'],
  ['配合', 'support'],
  ['参与', 'support'],
  ['协助', 'support'],
  ['协办', 'support'],
  ['指导', 'guide'],
  ['督促', 'guide'],
  ['督导', 'guide'],
  ['监督', 'guide'],
  ['统筹', 'guide'],
  ['负责', 'responsible'],
  ['落实', 'responsible'],
  ['组织实施', 'responsible'],
  ['实施', 'responsible'],
  ['承办', 'responsible'],
];
/** Words that may follow a role verb in the same run: 牵头落实, 负责推进, 指导督促, 牵头抓总. */
const FOLLOW_VERBS = ['推进', '推动', '执行', '完成', '协调', '组织', '抓总', '办理', '跟踪', '抓好落实', '做好'];
/** Words before a verb: 分别负责, 按职责分工负责, 共同负责. */
const MODIFIERS = [
  '按照各自职责分工',
  '按照职责分工',
  '根据职责分工',
  '按各自职责',
  '按照职责',
  '按职责分工',
  '依职责分工',
  '按职能分工',
  '按职责',
  '依职责',
  '分别',
  '共同',
  '具体',
  '各自',
  '抓',
];
const alternatives = (words: string[]) => [...words].sort((a, b) => b.length - a.length).join('|');
const VERB = alternatives(ROLE_VERBS.map(([w]) => w));
const ANY_VERB = alternatives([...ROLE_VERBS.map(([w]) => w), ...FOLLOW_VERBS]);
const MODIFIER = alternatives(MODIFIERS);
/** A role run at the end of a segment: `牵头落实`, `分别负责落实`, `按职责分工负责`. */
const ROLE_TAIL = new RegExp(`^(.+?)((?:${MODIFIER})?(?:${VERB})(?:(?:${MODIFIER})?(?:${ANY_VERB}))*)$`, 'u');
/** `X为牵头单位`, `X为责任部门`. */
const ROLE_NOUN_TAIL = /^(.+?)(?:为|是)((?:牵头|主办|责任|配合|协办|参与|实施|试点)(?:单位|部门))$/u;
const ROLE_OF_NOUN: Record<string, ResponsibilityRole> = {
  牵头: 'lead',
  主办: 'lead',
  责任: 'responsible',
  配合: 'support',
  协办: 'support',
  参与: 'support',
  实施: 'implement',
  试点: 'pilot',
};

/** The role a run of role words gives: lead if it has 牵头, support if 配合…, else its first verb's. */
function roleOfRun(run: string): ResponsibilityRole {
  if (/牵头|主办/u.test(run)) return 'lead';
  if (/配合|参与|协助|协办/u.test(run)) return 'support';
  const first = ROLE_VERBS.map(([w, role]) => ({ at: run.indexOf(w), role })).filter((x) => x.at >= 0);
  first.sort((a, b) => a.at - b.at);
  return first[0]?.role ?? 'responsible';
}

type Segment = { kind: 'deadline'; raw: string } | { kind: 'units'; parts: ResponsibilityPart[] };

/**
 * One segment between ，/；: a deadline phrase, or `[由]X<role words>`, `X会同Y[role words]`,
 * `X为牵头单位`, or a bare list X (role '' for now). Null when it is anything else.
 */
function readSegment(segment: string, anyName: boolean): Segment | null {
  const s = segment.trim();
  const time = deadlinePhrase(s);
  if (time !== null) return { kind: 'deadline', raw: time };
  const body = s.replace(/^(?:均由|由|请)/u, '');
  const list = (text: string) => separateConjunctions(stripEtc(text.trim()));
  const valid = (text: string) => isDepartmentList(text, anyName);
  const together = /^(.+?)会同(?!意)(.+)$/u.exec(body);
  if (together) {
    const [, first = '', rest = ''] = together;
    const tail = ROLE_TAIL.exec(rest);
    const others = tail ? tail[1]! : rest;
    if (!valid(first) || !valid(others)) return null;
    const role = tail ? roleOfRun(tail[2]!) : 'responsible';
    return {
      kind: 'units',
      parts: [
        { role: 'lead', raw: list(first), word: '会同' },
        { role, raw: list(others), word: tail ? tail[2]! : '会同' },
      ],
    };
  }
  const noun = ROLE_NOUN_TAIL.exec(body);
  if (noun && valid(noun[1]!)) {
    const role = ROLE_OF_NOUN[noun[2]!.slice(0, 2)] ?? 'responsible';
    return { kind: 'units', parts: [{ role, raw: list(noun[1]!), word: noun[2]! }] };
  }
  const tail = ROLE_TAIL.exec(body);
  if (tail && valid(tail[1]!)) {
    return { kind: 'units', parts: [{ role: roleOfRun(tail[2]!), raw: list(tail[1]!), word: tail[2]! }] };
  }
  if (valid(body)) return { kind: 'units', parts: [{ role: 'responsible', raw: list(body), word: '' }] };
  return null;
}

/**
 * Roles of unmarked lists, from their neighbours: after a 牵头 list they are 配合 (`X牵头，Y、Z`);
 * before a 配合 list, in a statement without 牵头, they lead (`X，Y配合`); otherwise the next marked
 * list's role governs them (`X，Y负责`: both responsible), else the previous one's. When nothing
 * says 牵头 but a 配合 list follows 负责/落实 lists, those lists lead (`X负责，Y配合`).
 */
function assignRoles(parts: ResponsibilityPart[]): ResponsibilityPart[] {
  const hasLead = parts.some((p) => p.word !== '' && p.role === 'lead');
  const out = parts.map((p) => ({ ...p }));
  out.forEach((p, k) => {
    if (p.word !== '') return;
    const next = out.slice(k + 1).find((q) => q.word !== '');
    const previous = out
      .slice(0, k)
      .reverse()
      .find((q) => q.word !== '');
    if (previous?.role === 'lead') p.role = 'support';
    else if (!hasLead && next?.role === 'support') p.role = 'lead';
    else if (next) p.role = next.role;
    else if (previous) p.role = previous.role;
  });
  if (!out.some((p) => p.role === 'lead')) {
    const firstSupport = out.findIndex((p) => p.role === 'support');
    out.forEach((p, k) => {
      if (k < firstSupport && p.role === 'responsible') p.role = 'lead';
    });
  }
  return out;
}

/** `X（牵头）、Y` → `X牵头，Y`: a role written in brackets after a name. */
function unbracketRoles(text: string): string {
  return text.replace(
    /[（(]\s*(牵头|主办|主责|负责|配合)\s*[)）]\s*[、，,；;]?/gu,
    (_, word: string) => `${word === '主责' ? '牵头' : word}，`,
  );
}

export function readUnlabelled(text: string, options: ReadOptions): Responsibility | null {
  const segments = splitTop(unbracketRoles(text), /[，,；;。]/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (segments.length === 0) return null;
  const parts: ResponsibilityPart[] = [];
  for (const segment of segments) {
    // A labelled field among unlabelled ones: `X牵头；完成时限：2018年底前`.
    const labelled = readLabelled(segment);
    if (labelled) {
      parts.push(...labelled.parts);
      continue;
    }
    const read = readSegment(segment, options.anyName ?? false);
    if (!read) return null;
    if (read.kind === 'deadline') parts.push({ role: 'deadline', raw: read.raw, word: '' });
    else parts.push(...read.parts);
  }
  const units = parts.filter((p) => p.role !== 'deadline');
  if (units.length === 0) return null;
  const deadlines = parts.filter((p) => p.role === 'deadline');
  // Names alone are a statement in a cell, or beside a due date (`省财政厅，2018年底前完成`).
  const dueDate = deadlines.some((p) => /前|底|末|内|长期|持续|常态/u.test(p.raw));
  if (!options.bare && !dueDate && units.every((p) => p.word === '')) return null;
  const roled = assignRoles(units);
  // Keep printed order: units in their order, deadlines where they stood.
  let u = 0;
  const ordered = parts.map((p) => (p.role === 'deadline' ? p : roled[u++]!));
  return deadlines.length === parts.length ? null : summarise('unlabelled', ordered, text.trim());
}
