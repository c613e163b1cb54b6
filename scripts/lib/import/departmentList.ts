import placeNames from './data/place-names.json' with { type: 'json' };
import type { Inference } from './inferences.ts';
import { cleanDepartmentName, isExternalUnit } from './departmentLexicon.ts';

const PLACES = new Set(placeNames.names);
const MAX_PLACE = Math.max(...placeNames.names.map((n) => [...n].length));

/** A level word that opens a department's name: 省发改委, 市财政局, 区政府 (but not 市场监管局). */
const LEVEL_PREFIX = /^(?:省|自治区|市(?!场)|区|县|州|盟|旗|乡|镇|街道)/u;
/** Collectives and names that carry their own government: 各设区市人民政府, 有关部门, 团省委. */
const OWN_SCOPE = /^(?:各|有关|全|中央|国家|中共|共青团|团|人民|驻)|政府|党委|人大|政协|法院|检察院|委员会$/u;
/** What a department's name ends with when it is a bare department of the same government. */
const DEPARTMENT_SUFFIX = /(?:厅|局|委|办|办公室|中心|院|部|署|会|所|处|站|队|馆)$/u;

/**
 * Place stems that are also the first word of common department names (公安县 / 公安局, 资源县 /
 * 资源生态局, 港口区 / 港口管理局).
 */
const DEPARTMENT_WORDS = new Set(['公安', '港口', '资源']);

/** The longest place name or stem that `name` starts with ('' if none). */
function leadingPlace(name: string): string {
  const chars = [...name];
  for (let n = Math.min(MAX_PLACE, chars.length - 1); n >= 2; n--) {
    const head = chars.slice(0, n).join('');
    if (PLACES.has(head) && !DEPARTMENT_WORDS.has(head)) return head;
  }
  return '';
}

/**
 * The government a name starts with: 福建省 in 福建省财政厅, 沈阳市 in 沈阳市财政局, 省 in 省发改委,
 * 市 in 市财政局; '' if none. A place stem counts only with its level (沈阳 + 市), so 沈阳公共资源交易中心
 * names a place but no government prefix that other names could share.
 */
export function governmentPrefix(name: string): string {
  const place = leadingPlace(name);
  if (place !== '') {
    const level = LEVEL_PREFIX.exec(name.slice(place.length))?.[0] ?? '';
    if (level !== '' || /[省市区县旗盟州]$/u.test(place)) return place + level;
  }
  return LEVEL_PREFIX.exec(name)?.[0] ?? '';
}

/**
 * True when a name holds a place of its own: at its start (平潭海关, 福州海关; not a department word
 * such as 资源 in 资源生态局) or, for a unit of a national body, after it (人民银行平潭支行,
 * 中国电信平潭分公司, 国家税务总局平潭综合实验区税务局).
 */
export function namesOwnPlace(name: string): boolean {
  if (leadingPlace(name) !== '') return true;
  const chars = [...name];
  for (let i = 1; i < chars.length - 1; i++)
    if (leadingPlace(chars.slice(i).join('')) !== '' && /^(?:中国|国家|人民银行|人行)/u.test(name)) return true;
  return false;
}

/** True when a name names its own place, government or scope, so no prefix is left out of it. */
function hasOwnScope(name: string): boolean {
  return governmentPrefix(name) !== '' || leadingPlace(name) !== '' || OWN_SCOPE.test(name);
}

/**
 * Splits a list of departments as printed in clauses, paragraphs and table cells: names separated
 * by 、，,；; or spaces, never inside brackets (各区县（市）政府 stays whole). `各区、县（市）人民政府`
 * is one collective, so a fragment `各区` that the 、 split off is joined to the next one again.
 * Role words and punctuation around a name are not part of it (`办公室牵头` → 办公室, `等。` ends
 * the list): see cleanDepartmentName.
 */
export function splitDepartmentList(text: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let current = '';
  const flush = () => {
    const name = cleanDepartmentName(current);
    if (name !== '') names.push(name);
    current = '';
  };
  for (const ch of text.trim()) {
    if ('（(【['.includes(ch)) depth++;
    if ('）)】]'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && /[、，,；;\s\u3000]/u.test(ch)) flush();
    else current += ch;
  }
  flush();
  const joined: string[] = [];
  for (const name of names) {
    const last = joined[joined.length - 1];
    if (last !== undefined && /^各[区县市乡镇]$/u.test(last)) joined[joined.length - 1] = `${last}、${name}`;
    else joined.push(name);
  }
  return joined;
}

/**
 * A level word printed before a unit that names its own place or the centre and belongs to no
 * local government: in `区人民银行平潭支行、经济发展局` the 区 is the list's shared prefix, not part
 * of 人民银行平潭支行. Returns the name without it, or null when the name has no such prefix.
 */
function sharedLevelBeforeExternal(name: string): { level: string; rest: string } | null {
  const level = LEVEL_PREFIX.exec(name)?.[0] ?? '';
  if (level === '' || leadingPlace(name) !== '') return null;
  const rest = name.slice(level.length);
  if (!isExternalUnit(rest)) return null;
  return leadingPlace(rest) !== '' || /^(?:中国|国家|人民银行|人行)/u.test(rest) ? { level, rest } : null;
}

/**
 * Restores a shared prefix that a list leaves out: in `省发展改革委、司法厅、市场监管局` the 省 of
 * the first name belongs to all three (省司法厅, 省市场监管局). A name is completed only when it
 * is a bare department (ends like one: 厅, 局, 委, 办…) with no place, level or scope of its own,
 * is not a unit outside every local government (税务局, 海事局: see isExternalUnit), and the
 * prefix is the one of the nearest earlier name that has one. A shared level printed before such
 * an outside unit is taken off it (`区人民银行平潭支行` → 人民银行平潭支行) and still applies to the
 * names after it. Each change is returned as an inference for the import report.
 */
export function restorePrefixes(names: string[], line: number): { names: string[]; inferences: Inference[] } {
  const inferences: Inference[] = [];
  let prefix = '';
  const out = names.map((name) => {
    const shared = sharedLevelBeforeExternal(name);
    if (shared) {
      prefix = shared.level;
      inferences.push({
        kind: 'prefix',
        line,
        text: `${name} → ${shared.rest}（“${shared.level}”是列表共用的前缀，不属于本单位名称 / the shared level prefix is not part of this unit's name）`,
      });
      return shared.rest;
    }
    const own = governmentPrefix(name);
    if (own !== '') {
      prefix = own;
      return name;
    }
    if (leadingPlace(name) !== '' || isExternalUnit(name)) return name;
    if (prefix === '' || hasOwnScope(name) || !DEPARTMENT_SUFFIX.test(name) || [...name].length > 12) return name;
    const restored = prefix + name;
    inferences.push({ kind: 'prefix', line, text: `${name} → ${restored}` });
    return restored;
  });
  return { names: out, inferences };
}

/**
 * The government an issuer or title names (`闽江省人民政府办公厅` → 闽江省, `沈阳市政务公开领导小组`
 * → 沈阳市), also for places not in the division list; '' when it names none (国务院办公厅).
 */
export function issuerGovernment(issuer: string): string {
  const known = governmentPrefix(issuer);
  if ([...known].length > 1) return known;
  return /^([\u4e00-\u9fa5]{2,8}?(?:特别行政区|自治区|自治州|省|市|州|盟|县|区|旗))/u.exec(issuer)?.[1] ?? '';
}
