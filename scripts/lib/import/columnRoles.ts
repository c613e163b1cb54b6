import { parseDeadline } from './parseDeadline.ts';
import { splitDepartmentList } from './departmentList.ts';
import type { TableCell } from './formats/types.ts';

/**
 * What a column of a task table holds. `section` columns group rows (a merged 类别 or 存在问题
 * cell); several of them are levels of the hierarchy, left to right. `item`, `task` and
 * `requirement` hold text: the first of them present names the point, the others its tasks.
 */
export type ColumnRole = 'seq' | 'section' | 'item' | 'task' | 'requirement' | 'lead' | 'units' | 'deadline' | 'extra';

/** The roles whose cells hold the text of points and tasks, in the order they nest. */
export const TEXT_ROLES: readonly ColumnRole[] = ['item', 'task', 'requirement'];

/**
 * Header words by role, compared with spaces, slashes and punctuation removed (`工 作 任 务`,
 * `配合/责任单位`, `责任单位（部门）`). Governments name the same column many ways; a header not
 * listed here is read by what its cells hold (`roleByContent`).
 */
const SYNONYMS: [ColumnRole, RegExp][] = [
  ['seq', /^(?:序号|编号|序|项次|No|NO|no)$/u],
  [
    'section',
    /^(?:类别|分类|板块|领域|类型|部分|工作类别|任务类别|重点领域|工作领域|改革领域|存在问题|存在的问题|主要问题|问题|问题清单|问题描述|问题表现|突出问题|目标|总体目标|工作板块)$/u,
  ],
  ['item', /^(?:事项名称|事项|重点任务|任务名称|工作事项|重点工作|项目|工作项目|任务事项|重点事项|工作重点)$/u],
  [
    'task',
    /^(?:主要任务|工作任务|任务内容|工作内容|具体任务|任务|主要内容|任务分解|(?:整改)?(?:目标)?(?:和|及|与)?(?:措施|举措)|整改任务|整改内容|整改要求|目标任务|任务措施|工作举措|具体举措|重点举措|落实措施)$/u,
  ],
  ['requirement', /^(?:工作要求|具体要求|工作措施|具体措施|主要措施|目标要求|工作目标|具体内容|工作标准|完成标准|预期成果|工作成效)$/u],
  ['lead', /^(?:牵头单位|牵头部门|牵头|主责单位|主责部门|牵头责任单位|牵头领导单位|主办单位)$/u],
  [
    'units',
    /^(?:责任单位|配合单位|配合责任单位|责任配合单位|责任部门|配合部门|参与单位|协办单位|责任主体|落实单位|参与部门|责任单位部门|实施单位|承办单位|协同单位|责任处室|责任科室|配合处室)$/u,
  ],
  [
    'deadline',
    /^(?:完成时限|完成时间|时间要求|时限|时间节点|完成时限要求|时间安排|进度安排|完成期限|时限要求|整改时限|整改期限|办结时限|时间进度|期限|完成时间节点)$/u,
  ],
];

export const headerKey = (text: string) => text.normalize('NFKC').replace(/[\s/／、,，()（）·.:：]/gu, '');

/** The role a header names, or null when its words are not known. */
export function columnRole(header: string): ColumnRole | null {
  const key = headerKey(header);
  if (key === '') return null;
  return SYNONYMS.find(([, re]) => re.test(key))?.[0] ?? null;
}

/** `1`, `12`, `1.`, `（1）`: a cell that only numbers its row. */
const NUMBER_ONLY = /^(?:\d{1,3}[.．、]?|[（(]\d{1,3}[)）])$/u;
/** `一、…`, `（一）…`, or a bare `一` / `（一）`: a label of a grouping level. */
const GROUP_LABEL = /^(?:[一二三四五六七八九十]{1,3}(?:[、.．]|$)|[（(][一二三四五六七八九十]{1,3}[)）])/u;
/** Words of a responsibility cell that are not department names. */
const ROLE_WORDS = /(?:牵头|配合|负责|落实|参与|协助|会同|指导|督促|按职责分工|分别|共同|等)/gu;
/** How department names end (局、委、办、政府…); also 各… and …有关单位 collectives. */
const DEPARTMENT_END =
  /(?:局|委|办|厅|中心|站|院|政府|单位|部门|管委会|办公室|公司|部|处|所|队|会|镇|乡|街道|室|组|馆|行|社|署|团|台|分局|集团|园区|科|股|庭|网络|医院|学校|各地)$/u;

/** True when the text is a list of department names, with or without role words. */
export function looksLikeDepartments(text: string): boolean {
  const names = splitDepartmentList(text.replace(ROLE_WORDS, '、')).filter((n) => n !== '');
  return (
    names.length > 0 && names.every((n) => n.length <= 20 && (DEPARTMENT_END.test(n.replace(/[（(][^）)]*[)）]$/u, '')) || /^各/u.test(n)))
  );
}

/** A short time phrase parseDeadline does not date: `预算批复后20日内`, `每季度`, `2019年起`. */
const TIME_PHRASE =
  /(?:[0-9一二三四五六七八九十]+个?(?:工作日|日|天|周|月|年|季度)(?:内|以内|前|之前)|每(?:年|季度?|月|周)|季度|年度|定期|长期|持续|常态|年起|月起)/u;

/** True when the text is a deadline phrase (`6月底前`, `长期坚持`, `预算批复后20日内`). */
export function looksLikeDeadline(text: string): boolean {
  const t = text.replace(/\s+/gu, '');
  if (t.length > 30) return false;
  return t.split(/[，,；;、\n]/u).some((part) => parseDeadline(part, 2000) !== null) || (t.length <= 20 && TIME_PHRASE.test(t));
}

/** Share of values satisfying a test. */
const share = (values: string[], test: (v: string) => boolean) => values.filter(test).length / values.length;

/**
 * The role of a column whose header is missing or unknown, from what its cells hold: only numbers
 * → `seq`; `一、`/`（一）` labels, or merged cells that each span several rows → `section`;
 * department lists → `units`; deadline phrases → `deadline`; long text → `task`. Null when the
 * cells say nothing clear (the column stays `extra`, its text kept with the task).
 * `cells` are the column's cells below the header, merged positions included.
 */
export function roleByContent(cells: (TableCell & { merged: boolean })[]): ColumnRole | null {
  const own = cells.filter((c) => !c.merged && c.text.trim() !== '').map((c) => c.text.trim());
  if (own.length === 0) return null;
  if (own.every((t) => NUMBER_ONLY.test(t))) return 'seq';
  if (own.every((t) => GROUP_LABEL.test(t))) return 'section';
  if (share(own, looksLikeDepartments) >= 0.8) return 'units';
  if (share(own, looksLikeDeadline) >= 0.8) return 'deadline';
  const merged = cells.filter((c) => c.merged).length;
  if (own.length >= 2 && merged >= own.length) return 'section';
  const meanLength = own.reduce((n, t) => n + t.length, 0) / own.length;
  if (meanLength >= 12) return 'task';
  return null;
}
