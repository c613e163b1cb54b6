import { normalizeForComparison } from '../text/normalize.ts';

export interface ParsedQuery {
  /** What to send to Pagefind: the words without quote marks. */
  text: string;
  /** Normalised strings a page must contain to count as an exact match. */
  needles: string[];
  /** A quoted query shows exact matches only. */
  exactOnly: boolean;
}

const QUOTED = /["“”「」『』]([^"“”「」『』]+)["“”「」『』]/g;

/**
 * Reads a search box query. Unquoted, the whole query (spaces and punctuation ignored) is what a
 * page must contain to be an exact match; quoted phrases (“三同步”, "IPv6") must each appear and
 * nothing looser is shown.
 */
export function parseQuery(raw: string): ParsedQuery {
  const query = raw.replace(/\s+/g, ' ').trim();
  const phrases = [...query.matchAll(QUOTED)].map((m) => m[1]!.trim()).filter(Boolean);
  const text = query
    .replace(/["“”「」『』]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const needles = (phrases.length ? phrases : [text]).map(normalizeForComparison).filter(Boolean);
  return { text, needles, exactOnly: phrases.length > 0 };
}
