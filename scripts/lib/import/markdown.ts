/**
 * The published seed is "Markdown-ish": headings, paragraphs separated by blank lines, and a
 * tab-separated table. This module turns the lines into blocks and strips inline markup; it knows
 * nothing about 要点 documents.
 */

export type Block =
  | { kind: 'heading'; level: number; text: string; bold: boolean; line: number }
  | { kind: 'paragraph'; lines: string[]; text: string; line: number; endLine: number }
  | { kind: 'tableLine'; text: string; line: number };

/** Removes inline markup that is not part of the published text: `**bold**` and `<b>` tags. */
export function stripMarkup(text: string): string {
  return text.replace(/\*\*/g, '').replace(/<\/?b>/gi, '');
}

/** True when the whole text (ignoring surrounding spaces) is wrapped in bold markup. */
export function isBold(text: string): boolean {
  const t = text.trim();
  return /^\*\*[\s\S]+\*\*$/.test(t) || /^<b>[\s\S]+<\/b>$/i.test(t);
}

/**
 * Joins the physical lines of one paragraph. Chinese text is wrapped without spaces, so lines
 * are joined directly; a trailing double space (Markdown hard break) is dropped.
 */
function joinLines(lines: string[]): string {
  return lines.map((l) => l.replace(/\s+$/, '')).join('');
}

/** Splits the document into blocks. Any line containing a tab is a table line. Lines are 1-based. */
export function readBlocks(source: string): Block[] {
  const lines = source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const blocks: Block[] = [];
  let para: { lines: string[]; line: number } | null = null;
  const flush = (endLine: number) => {
    if (para) {
      blocks.push({ kind: 'paragraph', lines: para.lines, text: joinLines(para.lines).trim(), line: para.line, endLine });
      para = null;
    }
  };
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    if (raw.includes('\t')) {
      flush(lineNo - 1);
      blocks.push({ kind: 'tableLine', text: raw, line: lineNo });
      return;
    }
    if (raw.trim() === '') {
      flush(lineNo - 1);
      return;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(raw);
    if (heading) {
      flush(lineNo - 1);
      const inner = heading[2] ?? '';
      blocks.push({
        kind: 'heading',
        level: (heading[1] ?? '#').length,
        text: stripMarkup(inner).trim(),
        bold: isBold(inner),
        line: lineNo,
      });
      return;
    }
    if (para) para.lines.push(raw);
    else para = { lines: [raw], line: lineNo };
  });
  flush(lines.length);
  return blocks;
}
