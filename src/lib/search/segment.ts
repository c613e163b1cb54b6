/**
 * One word per Chinese (and Japanese kana) character in the search index, so that any part of a
 * page's text can be found. Pagefind segments Chinese with a dictionary at indexing time (jieba)
 * and the query with another one in the browser (`Intl.Segmenter`), and matches query words as
 * prefixes of indexed words. A text's segmentation depends on its context: 与国务院政策 is indexed
 * as 与国 / 务院 / 政策, so the query 国务院政策 (国务院 / 政策) never found it. With a word per
 * character both sides agree whatever the context, and Pagefind's phrase search (consecutive word
 * positions) finds exactly the pages that contain a run of characters.
 *
 * Letters and digits of other scripts keep their runs (IPv6, 12345): Pagefind matches them as
 * words and word prefixes, as before.
 */

/** Scripts written without spaces between words. */
const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}`;
const WORD = String.raw`\p{L}\p{N}`;
const CJK_CHAR = new RegExp(`[${CJK}]`, 'gu');
/** Markup whose text is not page text, then any tag (quoted attribute values may hold `>`). */
const MARKUP = /<!--[\s\S]*?-->|<(script|style|template)\b[\s\S]*?<\/\1\s*>|<(?:[^>"']|"[^"]*"|'[^']*')*>/gi;

/**
 * Text with a space on either side of every CJK character: 第6版 → ` 第 6 版 `. Spaces at the
 * edges keep the characters of neighbouring elements apart too (`<dt>分类</dt><dd>综合`, which
 * Pagefind joins into one run that its segmenter could read as one word).
 */
export function splitCjk(text: string): string {
  return text.replace(CJK_CHAR, ' $& ');
}

/**
 * A page's HTML as it is given to the indexer: the text between tags split by `splitCjk`; tags,
 * attribute values (Pagefind's metadata and filters), comments and scripts unchanged. Entities
 * hold no CJK, so they are never split.
 */
export function splitCjkInHtml(html: string): string {
  let out = '';
  let last = 0;
  for (const m of html.matchAll(MARKUP)) {
    out += splitCjk(html.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + splitCjk(html.slice(last));
}

/** Characters written with no space beside them: CJK, and CJK and general punctuation (，“”—…). */
const SPACELESS = String.raw`${CJK}\u2010-\u206F\u3000-\u303F\uFF00-\uFFEF`;
const SPACE_BESIDE_SPACELESS = new RegExp(`(?<=[${SPACELESS}])\\s+|\\s+(?=[${SPACELESS}])`, 'gu');

/**
 * Pagefind's stored text of a page indexed with `splitCjk`, made readable again: Pagefind joins
 * words with a space and a zero-width space; the spaces beside CJK characters and punctuation go,
 * the others (between Latin words) stay single.
 */
export function readableText(indexed: string): string {
  return indexed
    .replace(/\u200B/g, '')
    .replace(SPACE_BESIDE_SPACELESS, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface SearchPlan {
  /** Every word of the query, for Pagefind's ordinary search (all must be on a page). */
  terms: string;
  /** Runs of at least two words that must be consecutive on a page, for Pagefind's phrase search. */
  phrases: string[];
}

/**
 * The Pagefind searches that together find every page containing the query. The query is cut at
 * spaces and punctuation (which take a word position of their own in the index, or none), each
 * piece into words as the index has them. A non-CJK run at the very start or end of the query may
 * be the end or start of a longer word on the page (021 of 2021), so it is left to the check of
 * the page's text, unless nothing else is left.
 */
export function searchPlan(query: string): SearchPlan {
  const pieces = query
    .toLocaleLowerCase()
    .split(new RegExp(`[^${WORD}]+`, 'u'))
    .filter(Boolean)
    .map((piece) => splitCjk(piece).split(' ').filter(Boolean));
  const isCjk = new RegExp(`^[${CJK}]$`, 'u');
  const first = pieces[0];
  const last = pieces.at(-1);
  const trimmed = pieces.map((words) => {
    let kept = words;
    if (words === last && !isCjk.test(kept.at(-1)!)) kept = kept.slice(0, -1);
    if (words === first && kept.length && !isCjk.test(kept[0]!)) kept = kept.slice(1);
    return kept;
  });
  const words = trimmed.flat();
  if (!words.length) return { terms: pieces.flat().join(' '), phrases: [] };
  return { terms: words.join(' '), phrases: trimmed.filter((w) => w.length > 1).map((w) => w.join(' ')) };
}
