/**
 * The one interface every layout recogniser implements. A recogniser looks at the neutral
 * SourceDocument (and where its numbered points and task table stand), says how well the document
 * fits its layout and why, and, when chosen, builds the points and tasks. The importer runs every
 * recogniser, takes the best, and the import report lists every score with its reasons.
 */
import type { LAYOUT_NAMES } from '../../../../src/schemas/document.ts';
import type { ImportError } from '../errors.ts';
import type { SourceDocument } from '../formats/types.ts';
import type { EndSignature, ParsedFront } from '../parseFront.ts';
import type { Point, PrintedHeading, Section } from '../parsePoints.ts';
import type { SectionRow, TableRow } from '../parseTaskTable.ts';
import type { Task, TaskNotes } from '../buildTasks.ts';
import type { Inference } from '../inferences.ts';

export type Layout = (typeof LAYOUT_NAMES)[number];

/** What the report calls each layout (the names are defined once, in the document schema). */
export const LAYOUTS: Record<Layout, string> = {
  'points-table': '要点 + 任务分解表 points and a task table',
  'inline-clauses': '要点末尾的责任括注 responsibility clauses at the end of points',
  'duty-paragraphs': '要点后的责任单位段落 responsibility lines after points',
  'table-only': '只有表格 the table is the whole 要点',
  'points-only': '只有要点，未写责任单位 points only, no responsible units stated',
};

/** Where the document's body stands: its first numbered point (or section) and its task table, -1 when absent. */
export interface BodyLocation {
  pointsAt: number;
  tableAt: number;
  /** The printed heading above points that stand under no `一、` section: their one section's name. */
  heading?: PrintedHeading;
}

export interface LayoutInput {
  doc: SourceDocument;
  /** Repo-relative path of the source, for errors. */
  source: string;
  body: BodyLocation;
}

/** What a recogniser needs once chosen: the input plus the front matter read before the body. */
export interface BuildInput extends LayoutInput {
  front: ParsedFront;
  signature: EndSignature | null;
  /** The document says its first-listed unit leads (`列第一位的为牵头单位`). */
  firstListedLeads: boolean;
}

/** A missing piece: what the document would need for this layout, with the fix. */
export interface Missing {
  zh: string;
  en: string;
  fix: string;
}

export interface Recognition {
  /** 0 (does not fit) … 1 (fits fully). */
  score: number;
  /** Why, one short bilingual phrase each, for the report. */
  reasons: string[];
  /** Set when the score is 0: the piece that is missing. */
  missing?: Missing;
  /** Set when the layout's content is there but breaks a rule (points out of order): the error to stop with. */
  error?: ImportError;
}

export interface LayoutBuild {
  layout: Layout;
  sections: Section[];
  points: Point[];
  tasks: Task[];
  rows: TableRow[];
  closing: string[];
  closingLines: number[];
  attachment?: string;
  taskTable?: { title: string; columns: string[]; headerLines: number[]; sectionRows: SectionRow[] };
  notes: TaskNotes;
  withoutDuty: number[];
  inferences: Inference[];
  /** Index of the first block after the layout's content (text after a task table is closing). */
  after: number;
}

export interface Recogniser {
  layout: Layout;
  recognise(input: LayoutInput): Recognition;
  build(input: BuildInput): LayoutBuild;
}

/** One recogniser's verdict, as the report lists it. */
export interface LayoutScore {
  layout: Layout;
  score: number;
  reasons: string[];
  missing?: Missing;
}
