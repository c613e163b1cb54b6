/**
 * 发文机关 as printed in a 落款 or 版头. A 联合发文 prints several on one line separated by spaces
 * (`平潭综合实验区党工委   平潭综合实验区管委会`) or on separate lines.
 */

/** What an issuing body's name ends with (机关、单位、党组织). */
const ORG_END = /(?:委员会|政府|中心|公司|集团|[委会府局厅部办院室处署组队所站社馆行庭司团盟联])$/u;

/** Names that are only the generic end of a body's name (`某县人民政府 办公室` is one body). */
const GENERIC = /^(?:办公室|办公厅|委员会|人民政府|政府|党组|党委|管委会|工作委员会)$/u;

/** True when a line reads as the name of an issuing body. */
export function isOrgName(text: string): boolean {
  const t = text.replace(/[\s\u00a0\u3000]/gu, '');
  return t.length >= 3 && t.length <= 40 && /^\p{Script=Han}/u.test(t) && ORG_END.test(t) && !GENERIC.test(t);
}

/**
 * One printed 落款/版头 line as issuers: split at spaces when every part is a body's name; else one
 * name with its spaces removed (a justified `福 建 省 人 民 政 府` is one issuer).
 */
export function splitIssuers(line: string): string[] {
  const parts = line
    .trim()
    .split(/[\s\u00a0\u3000]+/u)
    .filter((p) => p !== '');
  if (parts.length > 1 && parts.every(isOrgName)) return parts;
  const whole = parts.join('');
  return whole === '' ? [] : [whole];
}

/** Issuers of several printed lines, in order, each once. */
export function issuersOf(lines: string[]): string[] {
  return [...new Set(lines.flatMap(splitIssuers))];
}
