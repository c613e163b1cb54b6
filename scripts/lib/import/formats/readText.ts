import { readBlocks, stripMarkup } from '../markdown.ts';
import type { SourceBlock, SourceDocument, TableCell } from './types.ts';

/** The first bold run (`**…**` or `<b>…</b>`) when it starts within the paragraph's first 10 characters. */
function boldLeadOf(raw: string): string {
  const m = /(\*\*|<b>)([\s\S]+?)(\*\*|<\/b>)/iu.exec(raw);
  if (!m || stripMarkup(raw.slice(0, m.index)).trim().length > 10) return '';
  return (m[2] ?? '').trim();
}

/**
 * Reads the seed's text form: Markdown-ish headings and paragraphs (a document converted page by
 * page from print, so `pageBreaks` is true) and tab-separated table lines. Consecutive table
 * lines form one table; blank lines between them (page ends) do not break it.
 */
export function readText(text: string): SourceDocument {
  const blocks: SourceBlock[] = [];
  for (const b of readBlocks(text)) {
    if (b.kind === 'heading') {
      blocks.push(b);
    } else if (b.kind === 'paragraph') {
      const whole = /^(\*\*|<b>)[\s\S]+(\*\*|<\/b>)$/iu.test(b.text.trim());
      blocks.push({
        kind: 'paragraph',
        text: stripMarkup(b.text).trim(),
        lines: b.lines.map((l) => stripMarkup(l).replace(/\s+$/u, '')),
        boldLead: boldLeadOf(b.text),
        bold: whole,
        line: b.line,
        endLine: b.endLine,
      });
    } else {
      const cells: TableCell[] = b.text.split('\t').map((c) => ({
        text: stripMarkup(c).trim(),
        bold: /^(\*\*|<b>)[\s\S]+(\*\*|<\/b>)$/iu.test(c.trim()),
        line: b.line,
      }));
      const last = blocks[blocks.length - 1];
      if (last?.kind === 'table') {
        last.rows.push({ cells, line: b.line });
        last.endLine = b.line;
      } else {
        blocks.push({ kind: 'table', rows: [{ cells, line: b.line }], line: b.line, endLine: b.line });
      }
    }
  }
  return { format: 'text', unit: 'line', blocks, meta: {}, pageBreaks: true, emptyCellIsMerge: true };
}
