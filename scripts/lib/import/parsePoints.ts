import { importError } from './errors.ts';
import { endsSentence, joinParagraphs, type JoinedParagraph } from './joinParagraphs.ts';
import { dutyParagraph } from './dutyClauses.ts';
import {
  depthOf,
  isHeadingOnly,
  markersOf,
  numberingOf,
  planNumbering,
  type Marker,
  type MarkerKind,
  type NumberingPlan,
} from './numbering.ts';
import { headingAbove, type PrintedHeading } from './pointsStart.ts';
import type { SourceBlock, SourceDocument } from './formats/types.ts';

export { findPointsStart, headingAbove, type PointsStart, type PrintedHeading } from './pointsStart.ts';

export interface Subsection {
  no: number;
  /** The printed numeral (`（一）`); absent for a group printed without one (a merged table cell). */
  numeral?: string;
  /** Heading without the `（一）` prefix. */
  title: string;
  /** Heading as printed. */
  heading: string;
  line: number;
}

export interface Section {
  no: number;
  /** The printed numeral (`一`); absent for the one unnumbered group of points printed under the title. */
  numeral?: string;
  /** Heading without the `一、` prefix. */
  title: string;
  /** Heading as printed. */
  heading: string;
  line: number;
  /** Paragraphs between the heading and the first point (`一、总体要求` is often prose only). */
  intro?: string[];
  subsections?: Subsection[];
}

export interface Point {
  /** 1..N through the document: the id and URL. */
  no: number;
  /** The number as printed: `3.`, `（三）`, `三、`. */
  label?: string;
  /** True for a point printed with no number at all (a table row): the site shows its position. */
  unlabelled?: true;
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
  /** True when point numbers start again at 1 under a section or sub-heading. */
  restart: boolean;
  /**
   * Set when the points stand directly under the title (no `一、` sections) and were put in one
   * unnumbered section: an inference for the report. Inference['kind'] has no name for it yet: the
   * caller adds `unnumberedSection` there and to the report's names, then pushes it.
   */
  unnumberedSection?: PointsInference;
}

/** An inference (as in inferences.ts) about the points. */
export interface PointsInference {
  kind: 'unnumberedSection';
  line: number;
  text: string;
}

export interface ParsePointsOptions {
  /**
   * The heading of the one group of points when the points stand directly under the title
   * (no `一、` sections); by default the printed title above the points (headingAbove).
   */
  heading?: PrintedHeading;
}

export const SECTION = /^([一二三四五六七八九十]{1,3})\s*、\s*(.+)$/u;

type TextBlock = Exclude<SourceBlock, { kind: 'table' }>;

/** A heading, or a short paragraph that does not end a sentence. */
export function isTitleLike(b: SourceBlock | undefined): b is TextBlock {
  if (!b || b.kind === 'table') return false;
  const t = b.text.trim();
  if (b.kind === 'heading') return t !== '';
  return t.length > 0 && [...t].length <= 80 && !/[。；;：:，,]$/u.test(t);
}

/** A `1.`, `（一）` or `（1）` number at the start of a paragraph (not a `一、` section number), or null. */
export function markerOf(text: string): Marker | null {
  const m = numberingOf(text);
  return m && m.kind !== 'cn' && m.kind !== 'circled' ? m : null;
}

/** The longest first sentence kept whole as a title; a longer one gives its first clause. */
const MAX_TITLE = 40;
/** Text after a bold run that shows the run was cut inside a phrase (`<font>三、支持平潭申请</font>“离岛免税”…`). */
const MID_PHRASE = /^[“”"‘’《》〈〉（）()「」，,、]/u;

/** Title and the rest of a text whose title is its first sentence, or the first clause of a long one. */
function sentenceTitle(text: string): { title: string; rest: string } {
  const stop = text.indexOf('。');
  if (stop === -1) return { title: text, rest: '' };
  const sentence = text.slice(0, stop).trim();
  const comma = sentence.search(/[，,]/u);
  if ([...sentence].length > MAX_TITLE && comma >= 2 && [...sentence.slice(0, comma)].length <= MAX_TITLE) {
    return { title: sentence.slice(0, comma).trim(), rest: text.slice(comma + 1).trim() };
  }
  return { title: sentence, rest: text.slice(stop + 1).trim() };
}

/**
 * Splits a point's first paragraph after its label into title and the rest. A bold run at the
 * start is the title when it ends where a phrase can end; a run cut inside a phrase (a `<font>`
 * split before a quotation mark, or before `，`) falls back to the first sentence.
 */
function splitTitle(block: TextBlock, label: string): { title: string; titleBold: boolean; rest: string } {
  const text = block.text.trim().slice(label.length).trim();
  const lead = block.kind === 'paragraph' ? block.boldLead.trim() : block.bold ? text : '';
  const bold = lead.startsWith(label) ? lead.slice(label.length).trim() : lead;
  const titleBold = bold !== '' && text.startsWith(bold);
  const after = text.slice(bold.length).trim();
  const wholeTitle = /[。.！!？?：:]$/u.test(bold) || after === '' || !MID_PHRASE.test(after);
  if (titleBold && wholeTitle && !bold.slice(0, -1).includes('。')) {
    return { title: bold.replace(/[。.：:]$/u, '').trim(), titleBold, rest: after };
  }
  return { ...sentenceTitle(text), titleBold };
}

/** The printed numeral of a marker: `一` for `一、` and `（一）`, `3` for `3.`. */
const numeralOf = (m: Marker): string => m.label.replace(/[\s（()）、.．]/gu, '');

interface OpenPoint {
  section: number;
  subsection?: number;
  no: number;
  label: string;
  printedNo: number;
  first: TextBlock;
  more: TextBlock[];
}

const noPointsError = (file: string, line: number) =>
  importError(
    file,
    line,
    'points',
    '没有找到编号要点（“一、标题。正文”“1. 标题。正文”或“（一）标题。正文”）',
    'no numbered points (“一、标题。正文”, “1. 标题。正文” or “（一）标题。正文”) were found',
    '每条要点单独一段，以“一、”“（一）”或“1.”开头；有部分标题时，部分标题写成“一、……”单独一行。',
  );

/**
 * Reads the 要点 from its first numbered block (findPointsStart) to `end` (the task table, or the
 * end of the document). planNumbering decides the levels: `一、` sections (or none: then the
 * points stand under the printed title above them, one section without numeral, an inference),
 * title-only `（一）` sub-headings, and the numbered points, whose deeper numbered paragraphs
 * (`1.` items inside a `（一）` point) belong to them. Points are numbered straight through or
 * start again at 1 under each section or sub-heading; `no` counts 1..N.
 *
 * The closing cannot be told apart from a last point's further paragraph by its form, so the LAST
 * point keeps its first body paragraph, its deeper items and everything up to its last 责任单位
 * paragraph, and every later paragraph is closing text; the report lists the closing for review.
 */
export function parsePoints(
  source: SourceDocument,
  start: number,
  end: number,
  file: string,
  options: ParsePointsOptions = {},
): ParsedPoints {
  const blocks = source.blocks.slice(start, end);
  const plan = planNumbering(blocks);
  const marks = markersOf(blocks);
  const first = plan ? marks.findIndex((m) => m?.kind === plan.kinds[0]) : -1;
  if (!plan || first === -1) throw noPointsError(file, source.blocks[start]?.line ?? 1);

  const sections: Section[] = [];
  const points: Point[] = [];
  let closing: JoinedParagraph[] = [];
  let restart = false;
  let subsectionCount = 0;
  let current: OpenPoint | null = null;
  const pointDepth = depthOf(plan.pointKind);
  const startsNew = (text: string) => numberingOf(text) !== null || dutyParagraph(text) !== null;
  const join = (ps: { text: string; line: number; endLine: number }[]): JoinedParagraph[] =>
    source.pageBreaks ? joinParagraphs(ps, startsNew) : ps.map((p) => ({ ...p, joinedAt: [] }));
  const isDeeper = (text: string) => {
    const m = numberingOf(text);
    return m !== null && depthOf(m.kind) > pointDepth;
  };
  const belongsToLast = (p: JoinedParagraph) => dutyParagraph(p.text) !== null || isDeeper(p.text);

  const finishPoint = (isLast: boolean) => {
    if (!current) return;
    const open: OpenPoint = current;
    const head = open.first;
    const endOf = (b: TextBlock) => (b.kind === 'paragraph' ? b.endLine : b.line);
    const ownAll = join([head, ...open.more].map((p) => ({ text: p.text, line: p.line, endLine: endOf(p) })));
    let own = ownAll;
    if (isLast) {
      const titleOnly = splitTitle(head.kind === 'paragraph' ? { ...head, text: ownAll[0]!.text } : head, open.label).rest === '';
      const lastDuty = ownAll.reduce((at, p, k) => (k > 0 && dutyParagraph(p.text) !== null ? k : at), 0);
      const keep = Math.max(lastDuty, titleOnly ? 1 : 0);
      const cut = ownAll.findIndex((p, k) => k > keep && !belongsToLast(p));
      own = cut === -1 ? ownAll : ownAll.slice(0, cut);
      closing = cut === -1 ? [] : ownAll.slice(cut);
    }
    const headJoined = own[0]!;
    const headBlock: TextBlock = head.kind === 'paragraph' ? { ...head, text: headJoined.text } : head;
    const { title, titleBold, rest } = splitTitle(headBlock, open.label);
    let body = [rest, ...own.slice(1).map((p) => p.text.trim())].filter((t) => t !== '');
    if (body.length === 0) {
      // A transcription from print breaks a point only at page ends, so a point there always has a body.
      if (source.pageBreaks) {
        throw importError(
          file,
          head.line,
          `points.${open.no}.body`,
          `第 ${open.no} 条要点只有标题，没有正文`,
          `point ${open.no} has a title but no body`,
          '标题以“。”结束，正文紧跟其后。',
        );
      }
      // A one-sentence point: its sentence is both its title and its text.
      body = [headJoined.text.trim().slice(open.label.length).trim()];
    }
    const lastOwn = own[own.length - 1] ?? headJoined;
    points.push({
      no: open.no,
      label: open.label,
      printedNo: open.printedNo,
      section: open.section,
      ...(open.subsection ? { subsection: open.subsection } : {}),
      title,
      titleBold,
      body,
      startLine: head.line,
      endLine: lastOwn.endLine,
      joinedAt: own.flatMap((p) => p.joinedAt),
      pieces: own.map((p, k) => ({ text: k === 0 ? p.text.trim().slice(open.label.length).trim() : p.text.trim(), line: p.line })),
    });
    current = null;
  };

  const addIntro = (text: string) => {
    const intro = (sections[sections.length - 1]!.intro ??= []);
    if (source.pageBreaks && intro.length > 0 && !endsSentence(intro[intro.length - 1]!)) intro[intro.length - 1] += text;
    else intro.push(text);
  };

  if (plan.sectionKind === null) {
    const heading = options.heading ?? headingAbove(source.blocks, start + first);
    if (!heading) {
      throw importError(
        file,
        blocks[first]!.line,
        'sections',
        '要点没有“一、”部分标题，上方也没有要点（方案）标题',
        'the points have no “一、” section headings and no title of the 要点 (plan) above them',
        '在第一条要点之前加上要点（方案）的标题，单独一行。',
      );
    }
    sections.push({ no: 1, title: heading.text, heading: heading.text, line: heading.line });
  }

  let containerOpened = true;
  let expected = 1;
  for (let k = first; k < blocks.length; k++) {
    const block = blocks[k]!;
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
    const marker = marks[k];
    const kind: MarkerKind | undefined = marker?.kind;
    if (marker && kind === plan.sectionKind) {
      finishPoint(false);
      openSection(marker, block);
      containerOpened = true;
      continue;
    }
    if (marker && kind === plan.subsectionKind) {
      finishPoint(false);
      const heading = block.text.trim();
      if (isHeadingOnly(block, marker.label)) {
        subsectionCount++;
        (sections[sections.length - 1]!.subsections ??= []).push({
          no: subsectionCount,
          numeral: marker.label,
          title: heading.slice(marker.label.length).trim(),
          heading,
          line: block.line,
        });
        containerOpened = true;
      } else addIntro(heading); // A numbered paragraph of prose with no points under it.
      continue;
    }
    if (marker && kind === plan.pointKind) {
      if (marker.no !== expected) {
        if (marker.no === 1 && containerOpened && points.length + (current ? 1 : 0) > 0) restart = true;
        else {
          throw importError(
            file,
            block.line,
            'points',
            `要点序号 ${marker.no} 重复或顺序错误（应为 ${expected}）`,
            `point number ${marker.no} is duplicated or out of order (expected ${expected})`,
            '要点序号必须从 1 开始连续编号（或在每个部分、每个小标题下从 1 重新开始），请核对原文。',
          );
        }
      }
      finishPoint(false);
      expected = marker.no + 1;
      containerOpened = false;
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
    if (block.kind === 'heading' && !marker) {
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
    else addIntro(block.text.trim()); // Prose under a heading before its first point (一、总体要求：……).
  }
  finishPoint(true);
  const heading = sections[0]!;
  const unnumberedSection: PointsInference | undefined =
    plan.sectionKind === null
      ? {
          kind: 'unnumberedSection',
          line: heading.line,
          text: `要点没有“一、”部分标题：${points.length} 条要点直接列在标题“${heading.heading}”之下，归为一个不编号的部分`,
        }
      : undefined;
  return {
    sections,
    points,
    closing: closing.map((p) => p.text.trim()),
    closingLines: closing.map((p) => p.line),
    restart,
    ...(unnumberedSection ? { unnumberedSection } : {}),
  };

  /** Opens the section a `一、` heading starts; a heading with a sentence after it keeps that sentence as intro. */
  function openSection(marker: Marker, block: TextBlock) {
    if (marker.no !== sections.length + 1) {
      throw importError(
        file,
        block.line,
        'sections',
        `部分序号“${marker.label}”不连续（应为第 ${sections.length + 1} 部分）`,
        `section numeral "${marker.label}" is out of order (expected section ${sections.length + 1})`,
        '检查部分标题的序号是否按一、二、三……排列。',
      );
    }
    const text = block.text.trim();
    const headingOnly = isHeadingOnly(block, marker.label);
    const split = headingOnly
      ? { title: text.slice(marker.label.length).trim(), rest: '' }
      : sentenceTitle(text.slice(marker.label.length).trim());
    sections.push({
      no: marker.no,
      numeral: numeralOf(marker),
      title: split.title,
      heading: headingOnly ? text : `${marker.label}${split.title}`,
      line: block.line,
    });
    if (split.rest !== '') addIntro(split.rest);
  }
}

export type { NumberingPlan };
