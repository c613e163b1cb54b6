import { pinyin } from 'pinyin-pro';

export type DepartmentKind = 'municipal' | 'district' | 'group';

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

/**
 * 集合 (group): a collective such as 区县（市）政府, 市政府各部门, 市政府有关部门 — names with 各 / 有关
 * or naming 区县 in general. 区县政府 (district): one district or county government, e.g. 沈河区政府.
 * Everything else is a 市直部门/单位 (municipal).
 */
export function departmentKind(name: string): DepartmentKind {
  if (/各|有关|区县|区、县/u.test(name)) return 'group';
  if (/[区县旗](人民)?政府$/u.test(name)) return 'district';
  return 'municipal';
}
