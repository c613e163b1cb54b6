export type Disclosure = '主动公开' | '依申请公开' | '不予公开';

/** A 公开属性 marker is a whole paragraph in parentheses starting with 此件, e.g. `(此件公开发布)`. */
export function isDisclosureMarker(text: string): boolean {
  return /^[(（]\s*此件[^()（）]*[)）]$/u.test(text.trim());
}

/**
 * Maps a marker to the 公开属性. 依申请 is tested before 公开 and 不予/不公开 before 公开发布,
 * because every marker contains 公开. Returns null for a marker it does not understand.
 */
export function readDisclosure(marker: string): Disclosure | null {
  const t = marker.replace(/\s+/g, '');
  if (t.includes('依申请')) return '依申请公开';
  if (t.includes('不予公开') || t.includes('不公开')) return '不予公开';
  if (t.includes('公开发布') || t.includes('主动公开')) return '主动公开';
  return null;
}
