/**
 * The 落款: the issuer line(s) and the 成文日期 line that sign a 通知 or a document. A 联合发文
 * prints several issuers on one line or on one line each above the date.
 */
import { parseChineseDate } from '../chineseDate.ts';
import { isDisclosureMarker } from '../parseDisclosure.ts';
import type { SourceBlock } from '../formats/types.ts';
import { isOrgName, issuersOf } from './issuers.ts';

type Para = Extract<SourceBlock, { kind: 'paragraph' }>;
const isPara = (b: SourceBlock | undefined): b is Para => b?.kind === 'paragraph';
const linesOf = (p: Para) => p.lines.map((l) => l.trim()).filter((l) => l !== '');
/** Issuer lines above a date line, at most (a 联合发文 of three). */
const MAX_ISSUER_LINES = 3;

/** The 成文日期 a paragraph ends with, when its last line is a full date and it has at most three lines. */
function dateLine(b: SourceBlock | undefined): string | null {
  if (!isPara(b)) return null;
  const lines = linesOf(b);
  return lines.length <= 3 ? parseChineseDate(lines[lines.length - 1] ?? '') : null;
}

/** A short line that can sign a document: no sentence punctuation at its end. */
const signerLike = (p: Para) => {
  const t = p.text.trim();
  return t !== '' && [...t].length <= 40 && !/[。；;：:，,]$/u.test(t) && !isDisclosureMarker(t);
};

export interface Signature {
  /** Blocks of the 落款: [start, end). */
  start: number;
  end: number;
  issuers: string[];
  signedAt: string;
  /** The printed lines, issuer lines first, the date last. */
  lines: string[];
  paragraphs: { text: string; line: number }[];
}

/**
 * The 落款 whose date line is block `k`: the issuers on the same paragraph's earlier lines, or on
 * the paragraphs just above it (the nearest a short line, those above it bodies' names), never
 * at or before block `floor`.
 */
export function signatureAt(blocks: SourceBlock[], k: number, floor: number, free: (i: number) => boolean = () => true): Signature | null {
  const signedAt = dateLine(blocks[k]);
  if (!signedAt) return null;
  const b = blocks[k] as Para;
  const own = linesOf(b);
  let start = k;
  if (own.length === 1) {
    for (let i = k - 1; i > floor && k - i <= MAX_ISSUER_LINES && free(i); i--) {
      const p = blocks[i];
      if (!isPara(p) || !signerLike(p) || (i < k - 1 && !isOrgName(p.text))) break;
      start = i;
    }
  }
  const above = blocks.slice(start, k) as Para[];
  const issuerLines = [...above.flatMap(linesOf), ...own.slice(0, -1)];
  return {
    start,
    end: k + 1,
    issuers: issuersOf(issuerLines),
    signedAt,
    lines: [...issuerLines, own[own.length - 1]!],
    paragraphs: [...above, b].map((p) => ({ text: linesOf(p).join('\n'), line: p.line })),
  };
}

/** The first 落款 after block `from` and before `limit` (a 通知's). */
export function firstSignature(blocks: SourceBlock[], from: number, limit: number, free: (i: number) => boolean): Signature | null {
  for (let k = from + 1; k < limit; k++) if (free(k) && dateLine(blocks[k])) return signatureAt(blocks, k, from, free);
  return null;
}

/** The last 落款 between `from` and `limit` (a document reposted without its 通知 title). */
export function lastSignature(blocks: SourceBlock[], from: number, limit: number, free: (i: number) => boolean): Signature | null {
  for (let k = limit - 1; k > from; k--) {
    if (!free(k) || !dateLine(blocks[k])) continue;
    const s = signatureAt(blocks, k, from, free);
    if (s && s.issuers.length > 0) return s;
  }
  return null;
}

/** A 落款 at the end of the document (issuer and date), for documents without a notice. */
export interface EndSignature {
  /** Block indexes of the signature: [start, end). */
  start: number;
  end: number;
  /** The issuers as one display string (`、` between joint issuers). */
  issuer: string;
  issuers: string[];
  signedAt: string;
  /** A 公开属性 marker right after the 落款. */
  marker?: { text: string; line: number };
  paragraphs: { text: string; line: number }[];
}

/**
 * The 落款 that ends a document signed at its end: a paragraph among the last three text blocks
 * whose last line is a full date (`2022年3月10日`), with the issuer(s) on the line(s) before.
 */
export function findEndSignature(blocks: SourceBlock[], from: number): EndSignature | null {
  let seen = 0;
  for (let k = blocks.length - 1; k > from && seen < 3; k--) {
    if (!isPara(blocks[k])) continue;
    seen++;
    const s = signatureAt(blocks, k, from);
    if (!s) continue;
    const next = blocks[k + 1];
    const marker = isPara(next) && isDisclosureMarker(next.text) ? { text: next.text.trim(), line: next.line } : undefined;
    return {
      start: s.start,
      end: s.end + (marker ? 1 : 0),
      issuer: s.issuers.join('、'),
      issuers: s.issuers,
      signedAt: s.signedAt,
      ...(marker ? { marker } : {}),
      paragraphs: s.paragraphs,
    };
  }
  return null;
}
