/**
 * The one text normaliser. Text is compared on its letters and digits only (CJK included):
 * NFKC folds full-width forms to ASCII, case is folded, and punctuation, spaces and markup are
 * dropped. So `第 6 版` and `第6版`, `（一）` and `(一)` compare equal, and reformatting does not
 * hide a copy. Used by the importer's matching of table rows to points, the 解读 copy score and
 * search.
 */
export function normalizeForComparison(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The same letters one printed character at a time, with `map[k]` the index in `text` of letter
 * k, so a difference found in the letters can be shown in the printed text. Equal to
 * `normalizeForComparison(text)` split into characters, except where a combining mark follows
 * its letter (NFKC of the whole string would compose them; 要点 text has none).
 */
export interface ContentText {
  chars: string[];
  map: number[];
}

export function contentText(text: string): ContentText {
  const chars: string[] = [];
  const map: number[] = [];
  let index = 0;
  for (const ch of text) {
    for (const n of normalizeForComparison(ch)) {
      chars.push(n);
      map.push(index);
    }
    index += ch.length;
  }
  return { chars, map };
}
