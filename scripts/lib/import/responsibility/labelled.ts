/** Labelled statements: `牵头单位：X；配合单位：Y；完成时限：Z`. */
import { deadlinePhrase } from './deadlinePhrase.ts';
import { splitTop, summarise } from './parts.ts';
import type { Responsibility, ResponsibilityPart, ResponsibilityRole } from './types.ts';

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
export function readLabelled(text: string): Responsibility | null {
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
