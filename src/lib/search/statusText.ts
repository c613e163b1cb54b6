/** What the search page has shown for a query, as its status line counts it. */
export interface ShownCounts {
  /** Results that contain the query. */
  exact: number;
  /** Related results that do not (shown in place of exact ones when there are none). */
  loose: number;
  /** Pages that may contain the query and are not checked yet (the “显示更多结果” button). */
  unchecked: number;
  /** Older indexes are still being searched. */
  pending: boolean;
}

/**
 * The search page's status line, announced in its polite live region: it says what the list
 * holds, so a page of related results is never announced as exact ones (or as none).
 */
export function statusText(raw: string, { exact, loose, unchecked, pending }: ShownCounts): string {
  const phrase = `“${raw.trim()}”`;
  const more = unchecked ? '，还有页面可以继续查看' : '';
  const end = pending ? '，正在查找更多页面…' : '。';
  if (exact) return `找到 ${exact} 个包含${phrase}的结果${loose ? `，另有 ${loose} 个相关结果` : ''}${more}${end}`;
  if (loose) return `没有完全包含${phrase}的页面，以下是 ${loose} 个相关结果${more}${end}`;
  if (pending) return `正在查找包含${phrase}的更多页面…`;
  return unchecked ? `已查看的页面中没有包含${phrase}的内容${more}。` : `没有找到与${phrase}相关的内容。`;
}
