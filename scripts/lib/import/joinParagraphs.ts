import { stripMarkup } from './markdown.ts';

/**
 * Page-break rule. The published PDF was converted page by page, so a paragraph that runs over a
 * page end arrives as two paragraphs ("…并根据实际" + "调整情况实时更新。…"). A paragraph is
 * complete when its last character — after trailing spaces, markup and closing quotes/brackets
 * (” ’ 」 』 ） ) 】 》 〕) are set aside — is sentence-final punctuation: 。 ！ ？ ； ： … and the
 * half-width ! ? ; : . forms. An incomplete paragraph continues in the next one and is joined to it
 * with NO separator (Chinese has no spaces between words), unless the next block is a heading or a
 * new point — the caller only passes paragraphs that belong together.
 */
export function endsSentence(text: string): boolean {
  const t = stripMarkup(text).replace(/[\s”’」』）)】》〕"']+$/u, '');
  return /[。！？；：…!?;:.]$/u.test(t);
}

export interface JoinedParagraph {
  text: string;
  line: number;
  endLine: number;
  /** First lines of the paragraphs that were appended because the previous one broke mid-sentence. */
  joinedAt: number[];
}

/**
 * Applies the page-break rule to consecutive paragraphs of one unit (a point, the intro, …).
 * `startsNew` names paragraphs that can never continue another (a numbered sub-item, a
 * 责任单位 line), whatever the previous one ends with.
 */
export function joinParagraphs(
  paragraphs: { text: string; line: number; endLine: number }[],
  startsNew: (text: string) => boolean = () => false,
): JoinedParagraph[] {
  const out: JoinedParagraph[] = [];
  for (const p of paragraphs) {
    const last = out[out.length - 1];
    if (last && !endsSentence(last.text) && !startsNew(p.text)) {
      last.text += p.text;
      last.endLine = p.endLine;
      last.joinedAt.push(p.line);
    } else {
      out.push({ text: p.text, line: p.line, endLine: p.endLine, joinedAt: [] });
    }
  }
  return out;
}
