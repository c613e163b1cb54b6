/**
 * Matching ignores everything but letters and digits: table and points differ in full-width vs
 * half-width punctuation (，/, （/(), spaces (`第 6 版`/`第6版`) and quotes, none of which is
 * wording. Each character is NFKC-normalised and lower-cased; `map[k]` is the index in the
 * original string of content character k, so differences can be shown in the printed text.
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
    for (const n of ch.normalize('NFKC').toLowerCase()) {
      if (/[\p{L}\p{N}]/u.test(n)) {
        chars.push(n);
        map.push(index);
      }
    }
    index += ch.length;
  }
  return { chars, map };
}

export function contentString(text: string): string {
  return contentText(text).chars.join('');
}
