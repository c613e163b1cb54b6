import { importError } from './errors.ts';
import { endsSentence, joinParagraphs, type JoinedParagraph } from './joinParagraphs.ts';
import { readNumber } from './chineseDate.ts';
import { dutyParagraph } from './dutyClauses.ts';
import type { SourceBlock, SourceDocument } from './formats/types.ts';

export interface Subsection {
  no: number;
  numeral: string;
  /** Heading without the `（一）` prefix. */
  title: string;
  /** Heading as printed. */
  heading: string;
  line: number;
}

export interface Section extends Subsection {
  /** Paragraphs between the heading and the first point (`一、总体要求` is often prose only). */
  intro?: string[];
  subsections?: Subsection[];
}

export interface Point {
  /** 1..N through the document: the id and URL. */
  no: number;
  /** The number as printed: `3.`, `（三）`. */
  label: string;
  /** The number in the label (3 for `（三）`), which a task table's 事项名称 repeats. */
  printedNo: number;
  section: number;
  subsection?: number;
  title: string;
  titleBold: boolean;
  body: string[];
  startLine: number;
  endLine: number;
  /** Lines where a paragraph broken at a page end was rejoined to the previous one. */
  joinedAt: number[];
  /** The point's text after its label, one piece per paragraph, for responsibility clauses. */
  pieces: { text: string; line: number }[];
}

export interface ParsedPoints {
  sections: Section[];
  points: Point[];
  closing: string[];
  /** First line of each closing paragraph, for the report. */
  closingLines: number[];
  /** True when point numbers restart in every section (`（一）` per section). */
  restart: boolean;
}

type Marker = 'arabic' | 'parenCn' | 'parenAr';
const MARKERS: [Marker, RegExp][] = [
  ['arabic', /^(\d{1,3})\s*[.．、](?!\d)\s*/u],
  ['parenCn', /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*/u],
  ['parenAr', /^[（(]\s*(\d{1,3})\s*[)）]\s*/u],
];
export const SECTION = /^([一二三四五六七八九十]{1,3})\s*、\s*(.+)$/u;

type TextBlock = Exclude<SourceBlock, { kind: 'table' }>;
type Para = Extract<SourceBlock, { kind: 'paragraph' }>;

/** A heading, or a short paragraph that does not end a sentence. */
export function isTitleLike(b: SourceBlock | undefined): b is TextBlock {
  if (!b || b.kind === 'table') return false;
  const t = b.text.trim();
  if (b.kind === 'heading') return t !== '';
  return t.length > 0 && [...t].length <= 80 && !/[。；;：:，,]$/u.test(t);
}

export function markerOf(text: string): { kind: Marker; no: number; label: string } | null {
  const t = text.trim();
  for (const [kind, re] of MARKERS) {
    const m = re.exec(t);
    if (m) return { kind, no: readNumber(m[1] ?? '') ?? 0, label: m[0].trim() };
  }
  return null;
}

function sectionOf(b: SourceBlock): { numeral: string; title: string; heading: string } | null {
  if (!isTitleLike(b)) return null;
  const heading = b.text.trim();
  const m = SECTION.exec(heading);
  return m ? { numeral: m[1] ?? '', title: (m[2] ?? '').trim(), heading } : null;
}

/** Splits a point's first paragraph after its label into title and the rest; a bold run is the title. */
function splitTitle(block: TextBlock, label: string): { title: string; titleBold: boolean; rest: string } {
  const text = block.text.trim().slice(label.length).trim();
  const lead = block.kind === 'paragraph' ? block.boldLead.trim() : block.bold ? text : '';
  const bold = lead.startsWith(label) ? lead.slice(label.length).trim() : lead;
  const titleBold = bold !== '' && text.startsWith(bold);
  if (titleBold && !bold.slice(0, -1).includes('。')) {
    return { title: bold.replace(/[。.]$/u, '').trim(), titleBold, rest: text.slice(bold.length).trim() };
  }
  const stop = text.indexOf('。');
  if (stop === -1) return { title: text, titleBold, rest: '' };
  return { title: text.slice(0, stop).trim(), titleBold, rest: text.slice(stop + 1).trim() };
}

/**
 * Reads the 要点 from its first section to `end` (the task table, or the end of the document):
 * `一、` sections, optional `（一）` sub-sections, and numbered points with their paragraphs.
 *
 * Points are numbered `1.` straight through (the seed), or `（一）` restarting in every section
 * with `1.` sub-items inside a point; `（一）` lines that are titles only and are followed by `1.`
 * items are sub-sections. The printed number is kept as the label; `no` counts 1..N.
 *
 * The closing cannot be told apart from a last point's further paragraph by its form, so after
 * the LAST point its first paragraph, its sub-items and its 责任单位 paragraph belong to it and
 * every later paragraph is closing text; the report lists the closing for review.
 */
export function parsePoints(source: SourceDocument, start: number, end: number, file: string): ParsedPoints {
  const blocks = source.blocks.slice(start, end);
  const firstSection = blocks.findIndex((b) => sectionOf(b) !== null);
  const markers = blocks.map((b, k) => (k > firstSection && b.kind !== 'table' && !sectionOf(b) ? markerOf(b.text) : null));
  const firstMarker = markers.find((m) => m !== null);
  if (firstSection === -1 || !firstMarker) {
    const at = source.blocks[start]?.line ?? 1;
    throw importError(
      file,
      at,
      'points',
      '没有找到“一、”部分标题和编号要点（“1. 标题。正文”或“（一）标题。正文”）',
      'no “一、” section headings with numbered points (“1. 标题。正文” or “（一）标题。正文”) were found',
      '每个部分以“一、……”开头，每条要点单独一段，以“1.”或“（一）”开头。',
    );
  }
  // Which marker numbers the points, and whether `（一）` lines are sub-sections above them.
  let pointKind: Marker = firstMarker.kind;
  let subsectionKind: Marker | null = null;
  if (firstMarker.kind !== 'arabic' && markers.some((m) => m?.kind === 'arabic')) {
    const parens = blocks.filter((_, k) => markers[k]?.kind === firstMarker.kind);
    if (parens.every((b) => isTitleLike(b))) {
      subsectionKind = firstMarker.kind;
      pointKind = 'arabic';
    }
  }

  const sections: Section[] = [];
  const points: Point[] = [];
  let closing: JoinedParagraph[] = [];
  let restart = false;
  let subsectionCount = 0;
  let current: {
    section: number;
    subsection?: number;
    no: number;
    label: string;
    printedNo: number;
    first: TextBlock;
    more: Para[];
  } | null = null;
  const startsNew = (text: string) => markerOf(text) !== null || dutyParagraph(text) !== null;
  const join = (ps: { text: string; line: number; endLine: number }[]): JoinedParagraph[] =>
    source.pageBreaks ? joinParagraphs(ps, startsNew) : ps.map((p) => ({ ...p, joinedAt: [] }));
  const belongsToLast = (p: JoinedParagraph) =>
    dutyParagraph(p.text) !== null || (markerOf(p.text) !== null && markerOf(p.text)!.kind !== pointKind);

  const finishPoint = (isLast: boolean) => {
    if (!current) return;
    const head = current.first;
    const endOf = (b: TextBlock) => (b.kind === 'paragraph' ? b.endLine : b.line);
    const ownAll = join([head, ...current.more].map((p) => ({ text: p.text, line: p.line, endLine: endOf(p) })));
    let own = ownAll;
    if (isLast) {
      const cut = ownAll.findIndex((p, k) => k > 0 && !belongsToLast(p));
      own = cut === -1 ? ownAll : ownAll.slice(0, cut);
      closing = cut === -1 ? [] : ownAll.slice(cut);
    }
    const headJoined = own[0]!;
    const headBlock: TextBlock = head.kind === 'paragraph' ? { ...head, text: headJoined.text } : head;
    const { title, titleBold, rest } = splitTitle(headBlock, current.label);
    let body = [rest, ...own.slice(1).map((p) => p.text.trim())].filter((t) => t !== '');
    if (body.length === 0) {
      if (source.format === 'text') {
        throw importError(
          file,
          head.line,
          `points.${current.no}.body`,
          `第 ${current.no} 条要点只有标题，没有正文`,
          `point ${current.no} has a title but no body`,
          '标题以“。”结束，正文紧跟其后。',
        );
      }
      // A one-sentence point: its sentence is both its title and its text.
      body = [headJoined.text.trim().slice(current.label.length).trim()];
    }
    const lastOwn = own[own.length - 1] ?? headJoined;
    points.push({
      no: current.no,
      label: current.label,
      printedNo: current.printedNo,
      section: current.section,
      ...(current.subsection ? { subsection: current.subsection } : {}),
      title,
      titleBold,
      body,
      startLine: head.line,
      endLine: lastOwn.endLine,
      joinedAt: own.flatMap((p) => p.joinedAt),
      pieces: own.map((p, k) => ({ text: k === 0 ? p.text.trim().slice(current!.label.length).trim() : p.text.trim(), line: p.line })),
    });
    current = null;
  };

  let sectionStart = true;
  let expected = 1;
  for (let k = firstSection; k < blocks.length; k++) {
    const block = blocks[k]!;
    const section = sectionOf(block);
    if (section) {
      finishPoint(false);
      const no = readNumber(section.numeral);
      if (no !== sections.length + 1) {
        throw importError(
          file,
          block.line,
          'sections',
          `部分序号“${section.numeral}”不连续（应为第 ${sections.length + 1} 部分）`,
          `section numeral "${section.numeral}" is out of order (expected section ${sections.length + 1})`,
          '检查部分标题的序号是否按一、二、三……排列。',
        );
      }
      sections.push({ no, numeral: section.numeral, title: section.title, heading: section.heading, line: block.line });
      sectionStart = true;
      continue;
    }
    if (block.kind === 'table') {
      throw importError(
        file,
        block.line,
        'points',
        '要点正文中出现表格',
        'a table inside the 要点 text',
        '任务分解表请放在要点之后（附件）；要点中的其他表格请改为文字。',
      );
    }
    const marker = markers[k];
    if (marker && marker.kind === subsectionKind) {
      finishPoint(false);
      const sec = sections[sections.length - 1]!;
      subsectionCount++;
      const heading = block.text.trim();
      (sec.subsections ??= []).push({
        no: subsectionCount,
        numeral: marker.label,
        title: heading.slice(marker.label.length).trim(),
        heading,
        line: block.line,
      });
      continue;
    }
    if (marker && marker.kind === pointKind) {
      if (sectionStart && marker.no === 1 && points.length + (current ? 1 : 0) > 0) {
        restart = true;
        expected = 1;
      }
      if (marker.no !== expected) {
        throw importError(
          file,
          block.line,
          'points',
          `要点序号 ${marker.no} 重复或顺序错误（应为 ${expected}）`,
          `point number ${marker.no} is duplicated or out of order (expected ${expected})`,
          '要点序号必须从 1 开始连续编号（或在每个部分内从（一）开始），请核对原文。',
        );
      }
      finishPoint(false);
      expected++;
      sectionStart = false;
      const sec = sections[sections.length - 1]!;
      const subsection = sec.subsections?.[sec.subsections.length - 1]?.no;
      current = {
        section: sections.length,
        ...(subsection ? { subsection } : {}),
        no: points.length + 1,
        label: marker.label,
        printedNo: marker.no,
        first: block,
        more: [],
      };
      continue;
    }
    if (block.kind === 'heading') {
      throw importError(
        file,
        block.line,
        'points',
        `要点正文中出现无法归类的标题：“${block.text.slice(0, 30)}”`,
        `unexpected heading inside the 要点: "${block.text.slice(0, 30)}"`,
        '部分标题写成“一、……”，要点以“1.”或“（一）”开头；其他标题请改为正文段落。',
      );
    }
    if (current) current.more.push(block);
    else {
      // Prose under a section heading before its first point (一、总体要求：……) is the section's own.
      const sec = sections[sections.length - 1]!;
      const text = block.text.trim();
      const intro = (sec.intro ??= []);
      if (source.pageBreaks && intro.length > 0 && !endsSentence(intro[intro.length - 1]!)) intro[intro.length - 1] += text;
      else intro.push(text);
    }
  }
  finishPoint(true);
  return { sections, points, closing: closing.map((p) => p.text.trim()), closingLines: closing.map((p) => p.line), restart };
}
