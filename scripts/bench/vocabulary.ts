/**
 * Chinese phrases for the synthetic archive, taken from the real seed document and the real
 * content: point text is composed from the seed's clauses, 解读 prose from the editors' 解读.
 *
 * The content check rejects a 解读 that copies its 原文 (shared 8-character shingles, longest
 * shared run), so 解读 clauses that share any 8-character shingle with the seed or the point and
 * task texts are dropped here: generated 解读 then pass that rule the way a real editor's would,
 * by saying things in other words, not by luck.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Shingle length of the content check's copy rule (docs/jiedu-rules.md). Kept here rather than
 * imported so that the harness does not break when the check's modules move.
 */
const SHINGLE = 8;

/** The check's comparison form: Han, letters and digits only, NFKC, lower case. */
const plainText = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, '');

/** The prose of an MDX 解读: no front matter, no components or quoted 原文, no headings. */
const mdxProse = (source: string): string =>
  source
    .replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n?/, '')
    .replace(/<Quote\b[^>]*>[\s\S]*?<\/Quote>/g, ' ')
    .replace(/<\/?[A-Za-z][\w.]*\b[^>]*>/g, ' ')
    .replace(/^#{1,6}\s+.*$/gm, ' ');

export interface Vocabulary {
  /** Clauses of the published 要点 and its task table (4–40 characters). */
  pointClauses: string[];
  /** Short clauses for titles and 图解 measures (5–14 characters). */
  shortClauses: string[];
  /** Clauses of the editors' 解读 that share no 8-character shingle with any published text. */
  jieduClauses: string[];
}

const CLAUSE_BREAK = /[，,。；;：:！？!?\n\t“”"‘’（）()《》<>|*#_`]+|\s{2,}/u;
const HAN = /\p{Script=Han}/u;

function clauses(text: string, min: number, max: number): string[] {
  return text
    .split(CLAUSE_BREAK)
    .map((c) => c.replace(/^[\s、\-\d.]+/u, '').trim())
    .filter((c) => [...c].length >= min && [...c].length <= max && HAN.test(c) && !/[{}[\]=/\\]/.test(c));
}

function unique(list: string[]): string[] {
  return [...new Set(list)].sort();
}

function files(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => join(dir, f));
}

function shingles(text: string): Set<string> {
  const plain = plainText(text);
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= plain.length; i++) out.add(plain.slice(i, i + SHINGLE));
  return out;
}

/** Reads the vocabulary from `root` (the project): `seeds/*.md`, `src/content/{points,tasks}`, `src/content/jiedu`. */
export function loadVocabulary(root: string): Vocabulary {
  const published = [
    ...files(join(root, 'seeds'), '.md'),
    ...files(join(root, 'src/content/points'), '.yaml'),
    ...files(join(root, 'src/content/tasks'), '.yaml'),
  ]
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  const pointClauses = unique(clauses(published, 4, 40));
  const shortClauses = unique(clauses(published, 5, 14)).filter((c) => /^[\p{Script=Han}、]+$/u.test(c));
  const forbidden = shingles(published);
  const jieduText = files(join(root, 'src/content/jiedu'), '.mdx')
    .map((f) => mdxProse(readFileSync(f, 'utf8')))
    .join('\n');
  const jieduClauses = unique(clauses(jieduText, 4, 40)).filter((c) => ![...shingles(c)].some((s) => forbidden.has(s)));
  if (pointClauses.length < 100 || jieduClauses.length < 100) {
    throw new Error(`vocabulary too small: ${pointClauses.length} point clauses, ${jieduClauses.length} 解读 clauses`);
  }
  return { pointClauses, shortClauses, jieduClauses };
}
