import { normalizeForComparison } from '../text/normalize.ts';

export interface ExcerptPart {
  text: string;
  /** The query, as found in the page. */
  mark: boolean;
}

/** The text in the form needles are compared in, with each kept character's index in the text. */
function comparable(text: string): { plain: string; at: number[] } {
  let plain = '';
  const at: number[] = [];
  for (let i = 0; i < text.length;) {
    const char = String.fromCodePoint(text.codePointAt(i)!);
    for (const kept of normalizeForComparison(char)) {
      plain += kept;
      at.push(i);
    }
    i += char.length;
  }
  return { plain, at };
}

/**
 * The passage of a page's text that contains the query, with the query marked: the first
 * occurrence after the page's title (a page begins with its title and header, which the result
 * shows already), else the first one. `before` characters of context lead in, up to `length` in
 * all; an ellipsis shows where the passage was cut. Compared as `containsAll` compares (spaces,
 * punctuation and width ignored), so every exact match has a passage. Without an occurrence, the
 * text after the title.
 */
export function excerpt(text: string, needles: string[], title: string, length = 80, before = 20): ExcerptPart[] {
  const { plain, at } = comparable(text);
  const titlePlain = normalizeForComparison(title);
  const titleAt = titlePlain ? plain.indexOf(titlePlain) : -1;
  const bodyFrom = titleAt >= 0 ? titleAt + titlePlain.length : 0;
  const find = (from: number) =>
    needles
      .map((n) => ({ from: plain.indexOf(n, from), to: plain.indexOf(n, from) + n.length }))
      .filter((h) => h.from >= 0)
      .sort((a, b) => a.from - b.from)[0];
  const hit = find(bodyFrom) ?? find(0);
  const start = hit ? Math.max(0, at[hit.from]! - before) : (at[bodyFrom] ?? 0);
  const end = Math.min(text.length, Math.max(start + length, hit ? at[hit.to - 1]! + 2 : 0));
  const startPlain = at.findIndex((i) => i >= start);
  // Marked spans: every occurrence of a needle that lies within the passage.
  const marks: [number, number][] = [];
  for (const n of needles) {
    for (let i = plain.indexOf(n, Math.max(0, startPlain)); i >= 0 && at[i + n.length - 1]! < end; i = plain.indexOf(n, i + n.length)) {
      const last = at[i + n.length - 1]!;
      marks.push([at[i]!, last + String.fromCodePoint(text.codePointAt(last)!).length]);
    }
  }
  marks.sort((a, b) => a[0] - b[0]);
  const parts: ExcerptPart[] = [];
  let cursor = start;
  for (const [from, to] of marks) {
    if (from < cursor) continue;
    parts.push({ text: text.slice(cursor, from), mark: false }, { text: text.slice(from, to), mark: true });
    cursor = to;
  }
  parts.push({ text: text.slice(cursor, Math.max(cursor, end)), mark: false });
  if (start > 0) parts[0]!.text = `…${parts[0]!.text}`;
  if (end < text.length) parts.at(-1)!.text += '…';
  return parts.filter((p) => p.text);
}
