import { importError } from './errors.ts';
import { isBold, stripMarkup, type Block } from './markdown.ts';
import { joinParagraphs, type JoinedParagraph } from './joinParagraphs.ts';
import { readNumber } from './chineseDate.ts';

export interface Section {
  no: number;
  numeral: string;
  /** Heading without the `一、` prefix. */
  title: string;
  /** Heading as printed (markup removed). */
  heading: string;
  line: number;
}

export interface Point {
  no: number;
  section: number;
  title: string;
  titleBold: boolean;
  body: string[];
  startLine: number;
  endLine: number;
  /** Lines where a paragraph broken at a page end was rejoined to the previous one. */
  joinedAt: number[];
}

export interface ParsedPoints {
  intro: string[];
  sections: Section[];
  points: Point[];
  closing: string[];
  /** First line of each closing paragraph, for the report. */
  closingLines: number[];
  attachment: string;
  tableTitle: string;
  /** Index of the first table line in `blocks`. */
  tableStart: number;
}

const SECTION = /^([一二三四五六七八九十]+)、\s*(.+)$/u;
const POINT = /^(\d+)[.．]\s*/u;

type Para = Extract<Block, { kind: 'paragraph' }>;

/** A section heading: `一、…` at any heading level, or a paragraph that is wholly bold. */
function sectionOf(block: Block): { numeral: string; title: string; heading: string } | null {
  if (block.kind === 'tableLine') return null;
  if (block.kind === 'paragraph' && !isBold(block.text)) return null;
  const heading = stripMarkup(block.text).trim();
  const m = SECTION.exec(heading);
  return m ? { numeral: m[1] ?? '', title: (m[2] ?? '').trim(), heading } : null;
}

function pointNo(block: Block): number | null {
  if (block.kind !== 'paragraph') return null;
  const m = POINT.exec(stripMarkup(block.text));
  return m ? Number(m[1]) : null;
}

/** Splits `N. 标题。正文` into title and first body paragraph; the title may be bold. */
function splitPoint(raw: string): { title: string; titleBold: boolean; rest: string } {
  const afterNo = raw.replace(/^\s*(?:\*\*|<b>)?\s*\d+[.．]\s*/iu, (m) => (/\*\*|<b>/i.test(m) ? '**' : ''));
  const titleBold = /^(\*\*|<b>)/i.test(afterNo);
  const text = stripMarkup(afterNo);
  const stop = text.indexOf('。');
  if (stop === -1) return { title: text.trim(), titleBold, rest: '' };
  return { title: text.slice(0, stop).trim(), titleBold, rest: text.slice(stop + 1).trim() };
}

const paraInput = (p: Para) => ({ text: p.text, line: p.line, endLine: p.endLine });
const plain = (ps: JoinedParagraph[]) => ps.map((p) => stripMarkup(p.text).trim());

/**
 * Reads the 要点 from its title to the task table: intro, `一、` sections, numbered points,
 * closing paragraphs, the 附件 line and the table's own title.
 *
 * The closing cannot be told apart from a last point's second paragraph by its form, so the rule
 * is: after the LAST point, its first paragraph (with page-break continuations) belongs to the
 * point and every later paragraph is closing text. The report lists the closing for review.
 */
export function parsePoints(blocks: Block[], start: number, file: string): ParsedPoints {
  const tableStart = blocks.findIndex((b, k) => k >= start && b.kind === 'tableLine');
  const titleBlock = blocks[tableStart - 1];
  if (tableStart === -1 || !titleBlock || titleBlock.kind !== 'heading') {
    const last = blocks[blocks.length - 1];
    throw importError(file, titleBlock?.line ?? last?.line ?? 1, 'taskTable.title', '缺少任务分解表或其标题（# 标题，紧接着表格）', 'the task table or its title heading (# …, right before the table) is missing', '在附件行之后写表格标题（# 标题），再写制表符分隔的表格。');
  }
  let end = tableStart - 1;
  const attachmentBlock = blocks[end - 1];
  let attachment = '';
  if (attachmentBlock && attachmentBlock.kind === 'paragraph' && /^附件\s*[:：]/u.test(stripMarkup(attachmentBlock.text))) {
    attachment = stripMarkup(attachmentBlock.text).trim();
    end--;
  } else {
    throw importError(file, titleBlock.line, 'attachment', '表格标题之前缺少“附件:”行', 'the "附件:" line is missing before the table title', '在表格标题上一段写“附件:任务分解表名称”。');
  }

  const intro: Para[] = [];
  const sections: Section[] = [];
  const points: Point[] = [];
  let closing: JoinedParagraph[] = [];
  let current: { section: number; no: number; first: Para; more: Para[] } | null = null;

  const finishPoint = (isLast: boolean) => {
    if (!current) return;
    const joined = joinParagraphs([current.first, ...current.more].map(paraInput));
    const own = isLast ? joined.slice(0, 1) : joined;
    if (isLast) closing = joined.slice(1);
    const head = own[0];
    if (!head) return;
    const { title, titleBold, rest } = splitPoint(head.text);
    const body = [rest, ...plain(own.slice(1))].filter((t) => t !== '');
    if (body.length === 0) {
      throw importError(file, current.first.line, `points.${current.no}.body`, `第 ${current.no} 条要点只有标题，没有正文`, `point ${current.no} has a title but no body`, '标题以“。”结束，正文紧跟其后。');
    }
    const lastOwn = own[own.length - 1] ?? head;
    points.push({
      no: current.no,
      section: current.section,
      title,
      titleBold,
      body,
      startLine: head.line,
      endLine: lastOwn.endLine,
      joinedAt: own.flatMap((p) => p.joinedAt),
    });
    current = null;
  };

  for (let k = start + 1; k < end; k++) {
    const block = blocks[k];
    if (!block) continue;
    const section = sectionOf(block);
    if (section) {
      finishPoint(false);
      const no = readNumber(section.numeral);
      if (no !== sections.length + 1) {
        throw importError(file, block.line, 'sections', `部分序号“${section.numeral}”不连续（应为第 ${sections.length + 1} 部分）`, `section numeral "${section.numeral}" is out of order (expected section ${sections.length + 1})`, '检查部分标题的序号是否按一、二、三……排列。');
      }
      sections.push({ no, numeral: section.numeral, title: section.title, heading: section.heading, line: block.line });
      continue;
    }
    if (block.kind !== 'paragraph') {
      throw importError(file, block.line, 'points', `要点正文中出现无法归类的${block.kind === 'heading' ? '标题' : '表格行'}：“${block.text.slice(0, 30)}”`, `unexpected ${block.kind === 'heading' ? 'heading' : 'table line'} inside the 要点: "${block.text.slice(0, 30)}"`, '部分标题写成“一、……”；其他标题或表格请移到附件之后。');
    }
    const no = pointNo(block);
    if (no !== null) {
      if (sections.length === 0) {
        throw importError(file, block.line, 'points', `第 ${no} 条要点出现在第一个部分标题之前`, `point ${no} appears before the first section heading`, '在要点之前写部分标题“一、……”。');
      }
      const expected: number = points.length + (current === null ? 0 : 1) + 1;
      if (no !== expected) {
        throw importError(file, block.line, 'points', `要点序号 ${no} 重复或顺序错误（应为 ${expected}）`, `point number ${no} is duplicated or out of order (expected ${expected})`, '要点序号必须从 1 开始连续编号，请核对原文。');
      }
      finishPoint(false);
      current = { section: sections.length, no, first: block, more: [] };
      continue;
    }
    if (current) current.more.push(block);
    else if (sections.length === 0) intro.push(block);
    else {
      throw importError(file, block.line, 'points', '部分标题之后、第一条要点之前出现无编号段落', 'an unnumbered paragraph between a section heading and its first point', '要点段落以“N. ”开头；请补上编号或把段落移到正确位置。');
    }
  }
  finishPoint(true);
  if (points.length === 0) {
    throw importError(file, blocks[start]?.line ?? 1, 'points', '没有找到编号要点（“1. 标题。正文”）', 'no numbered points ("1. 标题。正文") were found', '每条要点单独一段，以“N. ”开头。');
  }
  return {
    intro: plain(joinParagraphs(intro.map(paraInput))),
    sections,
    points,
    closing: plain(closing),
    closingLines: closing.map((p) => p.line),
    attachment,
    tableTitle: titleBlock.text,
    tableStart,
  };
}
