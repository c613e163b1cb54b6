/**
 * The grammar of one responsibility statement: the inside of a bracket clause at the end of a
 * point, a 责任单位 table cell, or a group of labelled lines. Documents write it in two ways:
 * - labelled: `牵头单位：X；配合单位：Y；完成时限：Z` (labels as in LABELS below);
 * - unlabelled: department names followed by role words, and deadline phrases, separated by ，；:
 *   `X牵头，Y配合`, `X牵头落实`, `X、Y分别负责落实`, `X会同Y负责`, `X牵头，Y、Z`, `X，Y配合`,
 *   `各设区市政府负责，2018年底前完成`, `X指导，Y负责`, `由X负责`, `X（牵头）、Y`.
 * An unlabelled text is a statement only when it is made of department names, role words and
 * deadline phrases and nothing else, so prose in brackets (`（负责同志要亲自抓）`) is not one.
 */
import placeNames from './data/place-names.json' with { type: 'json' };
import { isExternalUnit, isInternalOffice } from './departmentLexicon.ts';
import { splitDepartmentList } from './departmentList.ts';
import { parseDeadline } from './parseDeadline.ts';

/**
 * What a list of units does: lead (牵头, 主办), responsible (负责, 落实, 责任单位), support (配合,
 * 参与, 协助), implement (实施单位), pilot (试点单位), guide (指导, 督促, 统筹); deadline is a
 * 完成时限 value, person a named official (牵头领导：…), kept as evidence but never a department.
 */
export type ResponsibilityRole = 'lead' | 'responsible' | 'support' | 'implement' | 'pilot' | 'guide' | 'deadline' | 'person';

export interface ResponsibilityPart {
  role: ResponsibilityRole;
  /** The units (or the deadline, or the person) as printed, role words and labels removed. */
  raw: string;
  /** The label or role word that gave the role (`配合单位`, `牵头落实`); '' for an unmarked list. */
  word: string;
}

/** Raw values by the two roles a task has, and its deadline. */
export interface Duty {
  /** Leading units as printed (several lists joined with `、`). */
  lead?: string;
  /** All other responsible units as printed (several lists joined with `、`). */
  units?: string;
  deadline?: string;
}

export interface Responsibility extends Duty {
  form: 'labelled' | 'unlabelled';
  /** Every list, deadline and person in printed order, with its role. */
  parts: ResponsibilityPart[];
  /** The statement as read. */
  evidence: string;
}

export interface ReadOptions {
  /** A department list without role word or label counts (a 责任单位 cell); default false. */
  bare?: boolean;
  /** Any name counts as a unit (a cell under a 责任单位 header); default: names must look like departments. */
  anyName?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Labelled statements

/** Labels as documents print them, longest first within each role. */
const LABELS: [string, ResponsibilityRole][] = [
  ['牵头责任单位', 'lead'],
  ['第一责任单位', 'lead'],
  ['牵头单位', 'lead'],
  ['牵头部门', 'lead'],
  ['牵头处室', 'lead'],
  ['主责单位', 'lead'],
  ['主责部门', 'lead'],
  ['主办单位', 'lead'],
  ['牵头', 'lead'],
  ['责任单位', 'responsible'],
  ['责任部门', 'responsible'],
  ['责任处室', 'responsible'],
  ['责任科室', 'responsible'],
  ['责任主体', 'responsible'],
  ['落实单位', 'responsible'],
  ['承办单位', 'responsible'],
  ['配合单位', 'support'],
  ['配合部门', 'support'],
  ['协办单位', 'support'],
  ['协助单位', 'support'],
  ['参与单位', 'support'],
  ['参与部门', 'support'],
  ['实施单位', 'implement'],
  ['实施主体', 'implement'],
  ['试点单位', 'pilot'],
  ['试点地区', 'pilot'],
  ['指导单位', 'guide'],
  ['督办单位', 'guide'],
  ['完成时限', 'deadline'],
  ['完成时间', 'deadline'],
  ['完成期限', 'deadline'],
  ['时间要求', 'deadline'],
  ['时限要求', 'deadline'],
  ['时间节点', 'deadline'],
  ['时限', 'deadline'],
  ['牵头领导', 'person'],
  ['责任领导', 'person'],
  ['分管领导', 'person'],
  ['责任人', 'person'],
  ['联系人', 'person'],
];
const LABEL_WORDS = [...LABELS]
  .map(([w]) => w)
  .sort((a, b) => b.length - a.length)
  .join('|');
const ROLE_OF_LABEL = new Map(LABELS);
const LABEL_AT = new RegExp(`^\\s*(${LABEL_WORDS})\\s*[:：]`, 'u');
const LABEL_ANYWHERE = new RegExp(`(?:^|[；;，,。\\s])\\s*(${LABEL_WORDS})\\s*[:：]`, 'gu');

/** `第一批：` and the like, which open a group of units inside one labelled value. */
const BATCH = /^(?:第[一二三四五六七八九十\d]+(?:批|阶段|类)|[（(][一二三四五六七八九十\d]+[)）])\s*[:：]?\s*/u;

/**
 * A units value with what is not a unit taken out: batch labels (`第一批：`) and the deadline
 * phrases written between the batches (`……，2017年12月底前完成；第二批：……`). The value is kept
 * exactly as printed when it holds neither.
 */
function cleanUnitsValue(value: string): { units: string; deadlines: string[] } {
  const pieces = splitTop(value, /[，,；;]/u);
  const deadlines: string[] = [];
  let changed = false;
  const kept: string[] = [];
  for (const piece of pieces) {
    const unbatched = piece.trim().replace(BATCH, '');
    if (unbatched !== piece.trim()) changed = true;
    const time = deadlinePhrase(unbatched);
    if (time !== null) {
      deadlines.push(time);
      changed = true;
    } else if (unbatched !== '') kept.push(unbatched);
  }
  return { units: changed ? kept.join('，') : value, deadlines };
}

/** `key：value；key：value` into parts; null when the text does not start with a label. */
function readLabelled(text: string): Responsibility | null {
  if (!LABEL_AT.test(text)) return null;
  const marks = [...text.matchAll(LABEL_ANYWHERE)].map((m) => ({ key: m[1]!, at: m.index, valueAt: m.index + m[0].length }));
  const parts: ResponsibilityPart[] = [];
  marks.forEach((m, k) => {
    const value = text
      .slice(m.valueAt, marks[k + 1]?.at ?? text.length)
      .trim()
      .replace(/[；;，,。.]+$/u, '')
      .trim();
    const role = ROLE_OF_LABEL.get(m.key);
    if (!role || value === '') return;
    if (role === 'deadline') {
      // `2018年3月底前完成` → `2018年3月底前`, which parseDeadline reads; prose stays as printed.
      parts.push({ role, raw: deadlinePhrase(value) ?? value, word: m.key });
      return;
    }
    if (role === 'person') {
      parts.push({ role, raw: value, word: m.key });
      return;
    }
    const cleaned = cleanUnitsValue(value);
    if (cleaned.units !== '') parts.push({ role, raw: cleaned.units, word: m.key });
    for (const d of cleaned.deadlines) parts.push({ role: 'deadline', raw: d, word: '' });
  });
  return parts.length === 0 ? null : summarise('labelled', parts, text.trim());
}

// ---------------------------------------------------------------------------------------------
// Unlabelled statements

const PLACES = new Set(placeNames.names);

/** What a department's (or a government's, or a collective's) name ends with. */
const DEPARTMENT_ENDINGS =
  '局|委|办|厅|部|署|处|科|室|组|站|所|队|馆|院|中心|政府|单位|部门|管委会|委员会|办公室|工委|党委|党组|集团|公司|支行|分行|银行|海关|法院|检察院|片区|街道|乡镇|社区|协会|学会|联合会|商会|工会|妇联|团委|残联|科协|侨联|文联|供销社|联社|办事处|指挥部|基地|园区|学校|医院|大学|电视台|报社|社|系统|镇|乡|人大|政协|监会|红十字会|总会';
const DEPARTMENT_END = new RegExp(`(?:${DEPARTMENT_ENDINGS})$`, 'u');
/** A collective: 各设区市政府, 有关部门, 相关乡镇, 区直各单位, 其他区直部门. */
const SCOPE_START = /^(?:各|有关|相关|其他|其它|区直|市直|省直|县直|州直|旗直|全[省市区县])/u;
const COLLECTIVE_END = /(?:地|级|方|市|县|区|乡|镇|村|[)）])$/u;
/** Words that only prose has: a list of names never contains them. */
const PROSE = /[要将把的是了]|[，。：:“”"《》]/u;
const MAX_NAME = 30;

/** True when `name` reads as a department, government or collective of them. */
export function isDepartmentName(name: string): boolean {
  const n = stripEtc(name);
  const length = [...n].length;
  if (length < 2 || length > MAX_NAME || PROSE.test(n)) return false;
  if (DEPARTMENT_END.test(n)) return true;
  if (PLACES.has(n) || isExternalUnit(n) || isInternalOffice(n)) return true;
  return SCOPE_START.test(n) && COLLECTIVE_END.test(n);
}

/** `X、Y等`, `X等部门`, `X等有关单位`: the names are X and Y. */
function stripEtc(list: string): string {
  return list.replace(/等(?:有关|相关)?(?:部门|单位)?$/u, '').trim();
}

/** Splits a list of names as printed and checks each one (any non-empty name with `anyName`). */
function isDepartmentList(list: string, anyName: boolean): boolean {
  const names = splitDepartmentList(stripEtc(list));
  if (names.length === 0) return false;
  return names.every((n) => (anyName ? !/[。：:]/u.test(n) && [...n].length <= MAX_NAME : isDepartmentName(n)));
}

/**
 * `区财政局与区发改委` → `区财政局、区发改委`: 和, 与, 及 join two names only where the name before
 * them is complete (ends like a department); in 交通与建设局 or 住房和城乡建设厅 they are part of one.
 */
const CONJUNCTION = new RegExp(`(${DEPARTMENT_ENDINGS})(?:以及|和|与|及)(?=\\S)`, 'gu');
function separateConjunctions(list: string): string {
  return list.replace(CONJUNCTION, '$1、');
}

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

function readUnlabelled(text: string, options: ReadOptions): Responsibility | null {
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

// ---------------------------------------------------------------------------------------------
// Deadline phrases inside a statement

const NUM = '(?:\\d{1,2}|[一二三四五六七八九十]{1,3})';
const YEAR = '(?:(?:\\d{4}|[〇零一二三四五六七八九]{4})\\s*年)';
const TIME_SHAPE = new RegExp(
  `^(?:到|至|截至|自|从)?${YEAR}?(?:\\s*[—\\-－~～至到]\\s*${YEAR})?\\s*(?:${NUM}\\s*月(?:\\s*${NUM}\\s*[日号])?)?\\s*(?:上半年|下半年|年底|年末|年内|底|末|内|起|以来)?\\s*(?:前|之前|以前)?$`,
  'u',
);
const ONGOING =
  /^(?:长期坚持|长期推进|长期实施|持续推进|持续开展|持续实施|常态化推进|常态化实施|常态化|长期|持续|每年|每季度|每月|每半年|定期)$/u;
/** Verbs after a date: 2018年底前完成, 6月底前出台. */
const COMPLETION = /(?:前)?(?:全面完成|基本完成|全部完成|完成任务|落实到位|取得成效|见到成效|办结|完成|建成|出台|实现|到位)$/u;

/**
 * The deadline a segment states (`2018年底前完成` → `2018年底前`, `长期坚持`), or null when the
 * segment is not a time phrase. The date part is returned so that parseDeadline can read it.
 */
export function deadlinePhrase(segment: string): string | null {
  const s = segment
    .trim()
    .replace(/^(?:并|须|要|应|力争|确保|于|在)+/u, '')
    .trim();
  if (s === '') return null;
  if (ONGOING.test(s)) return s;
  const date = s.replace(COMPLETION, (m) => (m.startsWith('前') ? '前' : '')).trim();
  if (date === '' || !/\d|[〇零一二三四五六七八九十]|年|月/u.test(date)) return null;
  if (parseDeadline(date, 2000) !== null) return date;
  return TIME_SHAPE.test(date) && /[年月]/u.test(date) ? date : null;
}

// ---------------------------------------------------------------------------------------------
// Shared

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
function summarise(form: Responsibility['form'], parts: ResponsibilityPart[], evidence: string): Responsibility {
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

/**
 * Reads one responsibility statement, labelled or not; null when the text is not one. Without
 * options an unlabelled text needs a role word (牵头, 负责, 配合…) and names that look like
 * departments; a table cell passes `{ bare: true, anyName: true }` (see readResponsibilityCell).
 */
export function readResponsibility(text: string, options: ReadOptions = {}): Responsibility | null {
  const t = text.trim().replace(/[。；;，,]+$/u, '');
  if (t === '') return null;
  return readLabelled(t) ?? readUnlabelled(t, options);
}

/**
 * Lines of a cell: a break after a separator (`区财金局、纪工委、环土局、\n交建局`) or inside a name is
 * a wrap and is joined; a break between two complete names separates them.
 */
function joinCellLines(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return lines.reduce((acc, line) => {
    if (acc === '') return line;
    const complete = DEPARTMENT_END.test(acc) || /(?:牵头|负责|配合|落实)$/u.test(acc);
    return /[、，,；;：:]$/u.test(acc) || !complete ? acc + line : `${acc}、${line}`;
  }, '');
}

/**
 * A 责任单位 cell of a task table, labelled or not: `区经发局牵头，区财金局、纪工委`,
 * `区农发局牵头，区环土局配合，相关乡镇落实`, `区农发局，区规划局配合`, a bare `区环土局` (responsible,
 * no lead). The header says the cell holds units, so names are not checked against department
 * endings. Null only for an empty cell, or for a cell whose role words do not parse (the caller
 * reports it rather than guessing).
 */
export function readResponsibilityCell(text: string): Responsibility | null {
  const joined = joinCellLines(text);
  if (joined === '') return null;
  return readResponsibility(joined, { bare: true, anyName: true });
}

/** Several statements (consecutive labelled lines) as one: their parts in order. */
export function combineResponsibilities(statements: Responsibility[]): Responsibility {
  const form = statements.every((s) => s.form === 'labelled') ? 'labelled' : 'unlabelled';
  return summarise(
    form,
    statements.flatMap((s) => s.parts),
    statements.map((s) => s.evidence).join('\n'),
  );
}

/** True when two statements name a role in common, so that they cannot be one task's lines. */
export function sharesRole(a: Responsibility, b: Responsibility): boolean {
  const roles = new Set(a.parts.map((p) => p.role));
  return b.parts.some((p) => roles.has(p.role));
}
