/**
 * Line breaking for SVG text, which does not wrap by itself. Widths are in em: CJK characters and
 * full-width punctuation are 1em, other characters about 0.55em (Noto Sans SC's Latin). Chinese
 * breaks between any two characters, except that closing punctuation never starts a line and
 * opening punctuation never ends one (GB/T 15834 line-breaking rules, simplified).
 */
const NO_LINE_START = new Set([...'，。、；：？！）》〉」』】〕”’…·,.;:?!)]}%']);
const NO_LINE_END = new Set([...'（《〈「『【〔“‘([{']);

export function charWidth(ch: string): number {
  return /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F\u2018-\u201D\u2026]/.test(ch) ? 1 : 0.55;
}

export function textWidth(text: string): number {
  return [...text].reduce((w, ch) => w + charWidth(ch), 0);
}

export function wrapText(text: string, maxEm: number, maxLines = Infinity): string[] {
  const chars = [...text];
  const lines: string[] = [];
  let line: string[] = [];
  let width = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const w = charWidth(ch);
    if (width + w > maxEm && line.length > 0) {
      // keep closing punctuation on this line; move a dangling opening mark to the next
      if (NO_LINE_START.has(ch)) {
        line.push(ch);
        lines.push(line.join(''));
        line = [];
        width = 0;
        continue;
      }
      const carry: string[] = [];
      while (line.length > 1 && NO_LINE_END.has(line[line.length - 1]!)) carry.unshift(line.pop()!);
      lines.push(line.join(''));
      line = carry;
      width = textWidth(carry.join(''));
    }
    line.push(ch);
    width += w;
  }
  if (line.length) lines.push(line.join(''));
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${[...kept[maxLines - 1]!].slice(0, -1).join('')}…`;
    return kept;
  }
  return lines;
}
