/** Whether a text reads as department names: the check an unlabelled statement's lists must pass. */
import placeNames from '../data/place-names.json' with { type: 'json' };
import { isExternalUnit, isInternalOffice } from '../departmentLexicon.ts';
import { splitDepartmentList } from '../departmentList.ts';

const PLACES = new Set(placeNames.names);

/** What a department's (or a government's, or a collective's) name ends with. */
export const DEPARTMENT_ENDINGS =
  '局|委|办|厅|部|署|处|科|室|组|站|所|队|馆|院|中心|政府|单位|部门|管委会|委员会|办公室|工委|党委|党组|集团|公司|支行|分行|银行|海关|法院|检察院|片区|街道|乡镇|社区|协会|学会|联合会|商会|工会|妇联|团委|残联|科协|侨联|文联|供销社|联社|办事处|指挥部|基地|园区|学校|医院|大学|电视台|报社|社|系统|镇|乡|人大|政协|监会|红十字会|总会';
export const DEPARTMENT_END = new RegExp(`(?:${DEPARTMENT_ENDINGS})$`, 'u');
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
export function stripEtc(list: string): string {
  return list.replace(/等(?:有关|相关)?(?:部门|单位)?$/u, '').trim();
}

/** Splits a list of names as printed and checks each one (any non-empty name with `anyName`). */
export function isDepartmentList(list: string, anyName: boolean): boolean {
  const names = splitDepartmentList(stripEtc(list));
  if (names.length === 0) return false;
  return names.every((n) => (anyName ? !/[。：:]/u.test(n) && [...n].length <= MAX_NAME : isDepartmentName(n)));
}

/**
 * `区财政局与区发改委` → `区财政局、区发改委`: 和, 与, 及 join two names only where the name before
 * them is complete (ends like a department); in 交通与建设局 or 住房和城乡建设厅 they are part of one.
 */
const CONJUNCTION = new RegExp(`(${DEPARTMENT_ENDINGS})(?:以及|和|与|及)(?=\\S)`, 'gu');
export function separateConjunctions(list: string): string {
  return list.replace(CONJUNCTION, '$1、');
}
