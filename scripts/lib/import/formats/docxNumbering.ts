/**
 * Word's automatic numbering, put back as text. A 要点 typed with Word's or WPS's list feature
 * prints `一、`, `（一）`, `1.`, `（1）` that are not in the text: Word computes them from
 * `word/numbering.xml` (a `w:num` instance → its `w:abstractNum`, whose `w:lvl` levels give the
 * format `w:numFmt`, the pattern `w:lvlText` such as `（%1）` or `%1.%2`, the start value, when
 * to restart) and counts the numbered paragraphs in body order. mammoth drops these labels; this
 * module computes them as Word does and writes each one as a run at the start of its paragraph,
 * and removes the paragraph's list membership so mammoth reads it as an ordinary paragraph.
 *
 * Counting follows Word: paragraphs of `w:num` instances that share an abstract definition continue
 * one list, unless an instance overrides its levels (`w:lvlOverride`, what Word's "restart
 * numbering" writes), which makes it a list of its own; a level restarts when a higher level
 * advances, or only above `w:lvlRestart` when that is given; `w:isLgl` prints higher levels in
 * decimal. Numbering may come from the paragraph (`w:numPr`) or its style (`w:pStyle` → styles.xml,
 * following `w:basedOn`, and `w:lvl/w:pStyle` links); `w:numId` 0 switches numbering off.
 */
import { XMLParser } from 'fast-xml-parser';
import { formatNumber, knowsNumberFormat } from './numberFormat.ts';
import { applyEdits, attributeOf, escapeXml, xmlTags, type XmlEdit, type XmlTag } from './xmlTags.ts';

export interface ListLevel {
  /** `w:numFmt` (decimal, chineseCounting, bullet, …). */
  format: string;
  /** `w:lvlText`, e.g. `%1、`, `（%1）`, `%1.%2`. */
  text: string;
  start: number;
  /** `w:lvlRestart`: restart only when a level above this 1-based level advances (0: never). */
  restartAfter?: number;
  /** `w:isLgl`: the other levels' counters in the pattern print as decimal numbers. */
  legal: boolean;
  /** `w:suff`: what follows the label. */
  suffix: 'tab' | 'space' | 'nothing';
  /** `w:pStyle`: the paragraph style linked to this level. */
  styleId?: string;
}

interface ListInstance {
  abstractId: string;
  /** Levels replaced by `w:lvlOverride/w:lvl`. */
  levels: Map<number, ListLevel>;
  /** `w:lvlOverride/w:startOverride`. */
  starts: Map<number, number>;
}

interface ParagraphStyle {
  numId?: string;
  level?: number;
  basedOn?: string;
}

/** The numbering definitions and paragraph styles of one .docx. */
export interface NumberingDefinitions {
  instances: Map<string, ListInstance>;
  abstracts: Map<string, Map<number, ListLevel>>;
  /** `w:numStyleLink` of an abstract definition: the numbering style whose `w:num` it uses. */
  styleLinks: Map<string, string>;
  styles: Map<string, ParagraphStyle>;
  defaultStyle?: string;
}

type XmlNode = Record<string, unknown>;

const LISTS = new Set(['w:abstractNum', 'w:num', 'w:lvl', 'w:lvlOverride', 'w:style', 'mc:AlternateContent']);
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => LISTS.has(name) });

const nodes = (node: unknown, name: string): XmlNode[] => ((node as XmlNode | undefined)?.[name] as XmlNode[] | undefined) ?? [];
const child = (node: unknown, name: string): XmlNode | undefined => {
  const value = (node as XmlNode | undefined)?.[name];
  return (Array.isArray(value) ? value[0] : value) as XmlNode | undefined;
};
const val = (node: XmlNode | undefined): string | undefined => {
  const v = node?.['@_w:val'];
  return v === undefined ? undefined : String(v);
};
const attr = (node: XmlNode, name: string) => (node[`@_${name}`] === undefined ? undefined : String(node[`@_${name}`]));
/** An on/off property (`<w:isLgl/>`, `w:val="true"`). */
const isOn = (node: XmlNode | undefined) => node !== undefined && !['0', 'false', 'off'].includes(val(node) ?? 'true');
const numberOr = (text: string | undefined, fallback: number) => (text !== undefined && /^-?\d+$/u.test(text) ? Number(text) : fallback);

/** `w:numFmt`, also when Word wrote it inside `mc:AlternateContent` (a custom format with a fallback). */
function formatOf(lvl: XmlNode): string {
  const direct = val(child(lvl, 'w:numFmt'));
  if (direct !== undefined) return direct;
  for (const alt of nodes(lvl, 'mc:AlternateContent')) {
    const fallback = val(child(child(alt, 'mc:Fallback'), 'w:numFmt'));
    if (fallback !== undefined) return fallback;
  }
  return 'decimal';
}

function readLevel(lvl: XmlNode): ListLevel {
  const restart = val(child(lvl, 'w:lvlRestart'));
  const suffix = val(child(lvl, 'w:suff'));
  return {
    format: formatOf(lvl),
    text: val(child(lvl, 'w:lvlText')) ?? '',
    start: numberOr(val(child(lvl, 'w:start')), 0),
    restartAfter: restart === undefined ? undefined : numberOr(restart, 0),
    legal: isOn(child(lvl, 'w:isLgl')),
    suffix: suffix === 'space' || suffix === 'nothing' ? suffix : 'tab',
    styleId: val(child(lvl, 'w:pStyle')),
  };
}

function readLevels(owner: XmlNode): Map<number, ListLevel> {
  return new Map(nodes(owner, 'w:lvl').map((lvl) => [numberOr(attr(lvl, 'w:ilvl'), 0), readLevel(lvl)]));
}

function readStyles(stylesXml: string | undefined): Pick<NumberingDefinitions, 'styles' | 'defaultStyle'> {
  const styles = new Map<string, ParagraphStyle>();
  let defaultStyle: string | undefined;
  for (const style of nodes(child(stylesXml ? parser.parse(stylesXml) : {}, 'w:styles'), 'w:style')) {
    const id = attr(style, 'w:styleId');
    if (id === undefined) continue;
    const numPr = child(child(style, 'w:pPr'), 'w:numPr');
    const level = val(child(numPr, 'w:ilvl'));
    styles.set(id, {
      numId: val(child(numPr, 'w:numId')),
      level: level === undefined ? undefined : numberOr(level, 0),
      basedOn: val(child(style, 'w:basedOn')),
    });
    if (attr(style, 'w:type') === 'paragraph' && isOn({ '@_w:val': attr(style, 'w:default') ?? '0' })) defaultStyle = id;
  }
  return { styles, defaultStyle };
}

/** Reads `word/numbering.xml` and `word/styles.xml` (either may be absent). */
export function readNumbering(numberingXml: string | undefined, stylesXml: string | undefined): NumberingDefinitions {
  const root = child(numberingXml ? parser.parse(numberingXml) : {}, 'w:numbering');
  const abstracts = new Map<string, Map<number, ListLevel>>();
  const styleLinks = new Map<string, string>();
  for (const a of nodes(root, 'w:abstractNum')) {
    const id = attr(a, 'w:abstractNumId') ?? '';
    abstracts.set(id, readLevels(a));
    const link = val(child(a, 'w:numStyleLink'));
    if (link !== undefined) styleLinks.set(id, link);
  }
  const instances = new Map<string, ListInstance>();
  for (const n of nodes(root, 'w:num')) {
    const levels = new Map<number, ListLevel>();
    const starts = new Map<number, number>();
    for (const o of nodes(n, 'w:lvlOverride')) {
      const ilvl = numberOr(attr(o, 'w:ilvl'), 0);
      const start = val(child(o, 'w:startOverride'));
      if (start !== undefined) starts.set(ilvl, numberOr(start, 0));
      const lvl = child(o, 'w:lvl');
      if (lvl) levels.set(ilvl, readLevel(lvl));
    }
    instances.set(attr(n, 'w:numId') ?? '', { abstractId: val(child(n, 'w:abstractNumId')) ?? '', levels, starts });
  }
  return { instances, abstracts, styleLinks, ...readStyles(stylesXml) };
}

/** A numbered paragraph's list, as far as the paragraph itself says. */
export interface ParagraphNumbering {
  styleId?: string;
  numId?: string;
  level?: number;
}

/** What Word prints before a numbered paragraph; `text` is '' for bullets and `none` lists. */
export interface ListLabel {
  text: string;
  /** The level's format when this reader cannot print it. */
  unknownFormat?: string;
}

/**
 * Counts numbered paragraphs in body order and gives each its label. One instance per document:
 * call `next` once per paragraph, in order.
 */
export class ListCounter {
  readonly #defs: NumberingDefinitions;
  /** Counters per list (an abstract definition, or an instance with overrides) and level. */
  readonly #counters = new Map<string, (number | undefined)[]>();
  /** Instance levels (`numId level`) whose start override was applied. */
  readonly #started = new Set<string>();

  constructor(defs: NumberingDefinitions) {
    this.#defs = defs;
  }

  /** The `w:num` and level a paragraph is in, from its own `w:numPr` or its style; undefined if none. */
  resolve(p: ParagraphNumbering): { numId: string; level: number } | undefined {
    const seen = new Set<string>();
    let styleId = p.styleId ?? this.#defs.defaultStyle;
    let style: ParagraphStyle | undefined;
    while (styleId !== undefined && !seen.has(styleId)) {
      seen.add(styleId);
      const s = this.#defs.styles.get(styleId);
      if (s?.numId !== undefined) {
        style = s;
        break;
      }
      styleId = s?.basedOn;
    }
    const numId = p.numId ?? style?.numId;
    if (numId === undefined || numId === '0' || !this.#defs.instances.has(numId)) return undefined;
    const linked = styleId === undefined ? undefined : this.#linkedLevel(numId, styleId);
    return { numId, level: p.level ?? style?.level ?? linked ?? 0 };
  }

  /** The level of `numId`'s definition whose `w:pStyle` is `styleId`. */
  #linkedLevel(numId: string, styleId: string): number | undefined {
    const levels = this.#levels(numId);
    return [...levels.entries()].find(([, l]) => l.styleId === styleId)?.[0];
  }

  /** The abstract definition of an instance, through a numbering style link if it has one. */
  #abstractId(numId: string): string {
    const seen = new Set<string>();
    let abstractId = this.#defs.instances.get(numId)?.abstractId ?? '';
    while (this.#defs.styleLinks.has(abstractId) && !seen.has(abstractId)) {
      seen.add(abstractId);
      const linkedNum = this.#defs.styles.get(this.#defs.styleLinks.get(abstractId)!)?.numId;
      abstractId = (linkedNum && this.#defs.instances.get(linkedNum)?.abstractId) || abstractId;
    }
    return abstractId;
  }

  #levels(numId: string): Map<number, ListLevel> {
    const own = this.#defs.instances.get(numId)?.levels ?? new Map<number, ListLevel>();
    return new Map([...(this.#defs.abstracts.get(this.#abstractId(numId)) ?? new Map<number, ListLevel>()), ...own]);
  }

  /** Advances the list of the paragraph (if any) and returns its label. */
  next(p: ParagraphNumbering): ListLabel | undefined {
    const at = this.resolve(p);
    if (!at) return undefined;
    const instance = this.#defs.instances.get(at.numId)!;
    const levels = this.#levels(at.numId);
    const level = levels.get(at.level);
    if (!level) return undefined;
    const key = instance.levels.size > 0 || instance.starts.size > 0 ? `num ${at.numId}` : `abstract ${this.#abstractId(at.numId)}`;
    const counters = this.#counters.get(key) ?? [];
    this.#counters.set(key, counters);
    const started = `${at.numId} ${at.level}`;
    const override = this.#started.has(started) ? undefined : instance.starts.get(at.level);
    this.#started.add(started);
    const startOf = (i: number) => (i === at.level && override !== undefined ? override : (levels.get(i)?.start ?? 0));
    counters[at.level] = override !== undefined || counters[at.level] === undefined ? startOf(at.level) : counters[at.level]! + 1;
    for (let deeper = at.level + 1; deeper < 9; deeper++) {
      const restartAfter = levels.get(deeper)?.restartAfter;
      if (restartAfter === undefined || at.level < restartAfter) counters[deeper] = undefined;
    }
    return this.#render(level, levels, (i) => counters[i] ?? startOf(i));
  }

  #render(level: ListLevel, levels: Map<number, ListLevel>, counter: (level: number) => number): ListLabel {
    if (level.format === 'bullet') return { text: '' };
    let unknownFormat: string | undefined;
    const text = level.text.replace(/%([1-9])/gu, (_, d: string) => {
      const i = Number(d) - 1;
      const format = level.legal && levels.get(i) !== level ? 'decimal' : (levels.get(i)?.format ?? 'decimal');
      const printed = knowsNumberFormat(format) ? formatNumber(counter(i), format) : undefined;
      if (printed === undefined) unknownFormat ??= format;
      return printed ?? '';
    });
    return unknownFormat ? { text, unknownFormat } : { text: withSuffix(text, level.suffix) };
  }
}

/**
 * The label as it reads in running text: Word's tab after the label becomes nothing after closing
 * punctuation (`一、`, `1.`, `（1）`) and one space after a bare number, as the text forms print.
 */
function withSuffix(label: string, suffix: ListLevel['suffix']): string {
  if (label === '' || suffix === 'nothing') return label;
  if (suffix === 'space') return `${label} `;
  return /[、.．:：)）\]】〕]$/u.test(label) ? label : `${label} `;
}

/** Tells mammoth the paragraph is not in a list (numId 0 is Word's "no numbering"). */
const NO_LIST = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>';

/** What the scan collects about one `w:p`. */
interface ParagraphScan {
  open: XmlTag;
  /** Paragraph ordinal in body order, 1-based. */
  ordinal: number;
  pPr?: { open: XmlTag; close?: XmlTag };
  pStyle?: XmlTag;
  numPr?: { open: XmlTag; close?: XmlTag };
  numbering: ParagraphNumbering;
  /** The first run's properties, copied onto the label so it looks like the text it precedes. */
  firstRunProperties?: string;
  runPropertiesStart?: number;
}

/** A level format the reader cannot print, with the paragraph ordinal where it was met. */
export interface UnknownNumbering {
  paragraph: number;
  format: string;
}

function edits(p: ParagraphScan, label: ListLabel): XmlEdit[] {
  const run = label.text ? `<w:r>${p.firstRunProperties ?? ''}<w:t xml:space="preserve">${escapeXml(label.text)}</w:t></w:r>` : '';
  if (p.numPr) {
    const numPrEnd = p.numPr.close?.end ?? p.numPr.open.end;
    return [
      { start: p.numPr.open.start, end: numPrEnd, text: NO_LIST },
      { start: p.pPr!.close!.end, end: p.pPr!.close!.end, text: run },
    ];
  }
  if (p.pPr?.close) {
    const after = p.pStyle?.end ?? p.pPr.open.end;
    return [
      { start: after, end: after, text: NO_LIST },
      { start: p.pPr.close.end, end: p.pPr.close.end, text: run },
    ];
  }
  if (p.pPr) return [{ start: p.pPr.open.start, end: p.pPr.open.end, text: `<w:pPr>${NO_LIST}</w:pPr>${run}` }];
  return [{ start: p.open.end, end: p.open.end, text: `<w:pPr>${NO_LIST}</w:pPr>${run}` }];
}

/**
 * `word/document.xml` with every automatically numbered paragraph's label written as its first run
 * and its list membership switched off; `unknown` lists the formats that could not be printed
 * (their paragraphs are left as they were, for the caller to refuse).
 */
export function restoreNumbering(documentXml: string, defs: NumberingDefinitions): { xml: string; unknown: UnknownNumbering[] } {
  const counter = new ListCounter(defs);
  const stack: string[] = [];
  const open: ParagraphScan[] = [];
  const out: XmlEdit[] = [];
  const unknown: UnknownNumbering[] = [];
  let ordinal = 0;
  for (const tag of xmlTags(documentXml)) {
    const parent = stack.at(-1);
    const p = open.at(-1);
    if (tag.closing) {
      stack.pop();
      if (tag.name === 'w:pPr' && p?.pPr && !p.pPr.close && parent === 'w:pPr' && stack.at(-1) === 'w:p') p.pPr.close = tag;
      if (tag.name === 'w:numPr' && p?.numPr && !p.numPr.close) p.numPr.close = tag;
      if (tag.name === 'w:rPr' && p?.runPropertiesStart !== undefined && p.firstRunProperties === undefined) {
        p.firstRunProperties = documentXml.slice(p.runPropertiesStart, tag.end);
      }
      if (tag.name === 'w:p' && p) {
        open.pop();
        const label = counter.next(p.numbering);
        if (label?.unknownFormat) unknown.push({ paragraph: p.ordinal, format: label.unknownFormat });
        else if (label && p.numbering.numId !== '0') out.push(...edits(p, label));
      }
      continue;
    }
    if (tag.name === 'w:p') {
      if (!tag.selfClosing) open.push({ open: tag, ordinal: ++ordinal, numbering: {} });
      else ordinal++;
    } else if (p && tag.name === 'w:pPr' && parent === 'w:p' && !p.pPr) {
      p.pPr = { open: tag };
    } else if (p && parent === 'w:pPr' && stack.at(-2) === 'w:p' && tag.name === 'w:pStyle') {
      p.pStyle = tag;
      p.numbering.styleId = attributeOf(tag.attributes, 'w:val');
    } else if (p && parent === 'w:pPr' && stack.at(-2) === 'w:p' && tag.name === 'w:numPr') {
      p.numPr = { open: tag };
    } else if (p && parent === 'w:numPr' && stack.at(-3) === 'w:p' && (tag.name === 'w:ilvl' || tag.name === 'w:numId')) {
      const value = attributeOf(tag.attributes, 'w:val');
      if (tag.name === 'w:numId') p.numbering.numId = value;
      else if (value !== undefined) p.numbering.level = Number(value);
    } else if (p && tag.name === 'w:rPr' && parent === 'w:r' && p.runPropertiesStart === undefined) {
      if (tag.selfClosing) p.firstRunProperties = '';
      p.runPropertiesStart = tag.start;
    }
    if (!tag.selfClosing) stack.push(tag.name);
  }
  return { xml: applyEdits(documentXml, out), unknown };
}
