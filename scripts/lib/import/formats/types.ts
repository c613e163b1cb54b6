/**
 * The neutral form every format reader (text, HTML, Word) produces and every layout recogniser
 * reads. Readers know markup, encodings and files; recognisers know 要点 documents. A new format
 * is one new reader that returns a SourceDocument, nothing else changes.
 */

import type { SOURCE_FORMATS } from '../../../../src/schemas/document.ts';

/** What `line` numbers count: lines of the file (text, HTML) or paragraphs (a Word file). */
export type SourceUnit = 'line' | 'paragraph';

/** `doc`: a binary Word 97–2003 file, `.doc` or WPS `.wps` (no bold, styles or alignment). */
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** One position of a table grid after rowspan/colspan are resolved. */
export interface TableCell {
  /** The cell's text as printed, trimmed; line breaks inside the cell kept as `\n`. */
  text: string;
  /** True when the whole cell text is bold. */
  bold: boolean;
  /** Where the cell starts in the source. */
  line: number;
  /**
   * For a position covered by another cell's rowspan/colspan: the grid row and column (0-based) of
   * that cell, whose `text` this position repeats. Absent on the position where the cell is.
   */
  spanOf?: { row: number; col: number };
}

export interface TableRow {
  cells: TableCell[];
  line: number;
}

export type SourceBlock =
  | {
      kind: 'heading';
      /** 1–6 from `<h1>`…`<h6>` or `#`…; 0 for a centred or styled title paragraph read as a heading. */
      level: number;
      text: string;
      bold: boolean;
      line: number;
    }
  | {
      kind: 'paragraph';
      /** Plain text, markup removed, the physical lines joined (Chinese wraps without spaces). */
      text: string;
      /** The paragraph's lines as printed (hard line breaks, `<br>`), markup removed. */
      lines: string[];
      /** The leading run of bold text ('' when the paragraph does not start bold). */
      boldLead: string;
      /** True when the whole paragraph is bold. */
      bold: boolean;
      line: number;
      endLine: number;
    }
  | {
      kind: 'table';
      /** Rows of equal length; every grid position is present (spans resolved). */
      rows: TableRow[];
      line: number;
      endLine: number;
    };

/** Metadata a web page declares in `<meta>` (names as portals write them), all optional. */
export interface PageMeta {
  /** ArticleTitle, else og:title, else `<title>`. */
  title?: string;
  /** PubDate / publishdate / article:published_time, as `YYYY-MM-DD`. */
  publishedAt?: string;
  /** ContentSource / source. */
  contentSource?: string;
  /** ColumnName. */
  column?: string;
  /** The page's declared or detected charset (`gbk`, `utf-8`). */
  charset?: string;
  /** The portal's 政府信息公开 info box (索引号、发文机关、成文日期…), when the page has one. */
  infoBox?: InfoBox;
}

/**
 * The labelled fields a portal prints in a box above or beside the article, as printed (values
 * such as `无` left out). Dates are `YYYY-MM-DD`.
 */
export interface InfoBox {
  indexNo?: string;
  category?: string;
  issuer?: string;
  signedAt?: string;
  title?: string;
  docNumber?: string;
  publishedAt?: string;
  /** 公开方式 / 公开属性 / 公开类型 as printed (`主动公开`). */
  disclosure?: string;
}

export interface SourceDocument {
  format: SourceFormat;
  unit: SourceUnit;
  blocks: SourceBlock[];
  meta: PageMeta;
  /**
   * True for text converted page by page from a printed file (the seed's form): a paragraph that
   * does not end a sentence continues in the next one. Web pages and Word files have real
   * paragraphs, so this is false for them.
   */
  pageBreaks: boolean;
  /**
   * True where a table cannot state its merges (the text form: tab-separated lines), so an empty
   * cell is the continuation of a merged cell printed above or below it. Web pages and Word files
   * state merges (rowspan, vMerge): there an empty cell is empty. Set by the format reader; layout
   * code asks this flag, never the format.
   */
  emptyCellIsMerge: boolean;
}
