import { pinyin } from 'pinyin-pro';
import { isExternalUnit, isInternalOffice } from './departmentLexicon.ts';
import { governmentPrefix, issuerGovernment, namesOwnPlace } from './departmentList.ts';

/**
 * municipal: a department or unit of the government (市直部门和单位); district: a lower government
 * (区县政府, 乡镇, 街道, 片区); group: a collective; external: a unit outside every local government
 * (垂直管理部门, 中央和省属企业: 海关, 人民银行, 电力公司); internal: the issuer's own office (内设机构)
 * when the issuer is a department.
 */
export type DepartmentKind = 'municipal' | 'district' | 'group' | 'internal' | 'external';

/**
 * ASCII id for a department: toneless pinyin syllables joined with `-`
 * (市政府办公室 → shi-zheng-fu-ban-gong-shi). ü is written v (市文旅局 → shi-wen-lv-ju) so that no
 * syllable loses a letter; brackets and other non-ASCII characters are dropped.
 */
export function departmentSlug(name: string): string {
  return pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .map((s) =>
      s
        .toLowerCase()
        .replace(/ü/g, 'v')
        .replace(/[^a-z0-9]+/g, ''),
    )
    .filter((s) => s !== '')
    .join('-');
}

/** What an issuer's name says after its government, when it acts for the government itself. */
const ACTS_FOR_GOVERNMENT = /(?:人民政府|政府|管委会|管理委员会|党工委|党委|人大|政协|领导小组|办公厅$|^委|^国务院)/u;
/** What the name of a department ends with (局, 委员会, 厅, 办公室, 中心…). */
const DEPARTMENT_END = /(?:局|委员会|委|厅|办公室|办|中心|院|署|部)$/u;

/**
 * True when the issuer is itself a department of a government (平潭综合实验区环境与国土资源局,
 * 福建省发展和改革委员会), not the government or an office acting for it (…人民政府办公厅,
 * …管委会办公室, …政府办公室, 领导小组).
 */
export function issuerIsDepartment(issuer: string): boolean {
  const government = issuerGovernment(issuer);
  const rest = issuer.startsWith(government) ? issuer.slice(government.length).trim() : issuer.trim();
  return rest !== '' && !ACTS_FOR_GOVERNMENT.test(rest) && DEPARTMENT_END.test(rest);
}

/**
 * True when `name` is one of the issuer's own offices: the issuer is a department, and the name
 * has no level, place or scope of its own and reads as an office (办公室, 法规科, 驻局纪检组, 各科室).
 */
export function isInternalOfficeOf(name: string, issuer: string): boolean {
  if (!issuerIsDepartment(issuer) || governmentPrefix(name) !== '' || namesOwnPlace(name) || isExternalUnit(name)) return false;
  return isInternalOffice(name);
}

/**
 * 集合 (group): a collective such as 区县（市）政府, 市政府各部门, 市政府有关部门, 相关乡镇, 区直各单位
 * — names with 各 / 有关 / 相关 or naming 区县 in general. 区县政府 (district): one lower government,
 * e.g. 沈河区政府, 流水镇, 君山片区. external: a unit of no local government (isExternalUnit).
 * internal: an office of the issuer when the issuer is a department (`issuer` given). Everything
 * else is a 市直部门/单位 (municipal).
 */
export function departmentKind(name: string, issuer = ''): DepartmentKind {
  if (issuer !== '' && isInternalOfficeOf(name, issuer)) return 'internal';
  if (/各|有关|相关|区县|区、县/u.test(name)) return 'group';
  if (isExternalUnit(name)) return 'external';
  if (/[区县旗乡镇](?:人民)?政府$|街道(?:办事处)?$|片区(?:管理局|管委会)?$|^[\u4e00-\u9fa5]{1,6}[乡镇]$/u.test(name)) return 'district';
  return 'municipal';
}
