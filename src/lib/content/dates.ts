/** `2021-06-22` → `2021年6月22日`, the way Chinese government documents print dates. */
export function formatChineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
