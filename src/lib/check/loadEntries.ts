import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { error, type CheckIssue } from './issue.ts';
import { splitFrontMatter } from '../jiedu/mdxText.ts';

/** A content file read for checking, with what is needed to point at a field's line. */
export interface LoadedEntry {
  collection: string;
  /** Same id as Astro's glob loader gives: the path below the collection folder, without `.yaml`. */
  id: string;
  file: string;
  data: unknown;
  lineOf(path: readonly PropertyKey[]): number | undefined;
  /** MDX entries: the body after the front matter, and the file line it starts on. */
  body?: string;
  bodyLine?: number;
}

function listFiles(dir: string, ext: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return names.filter((n) => n.endsWith(ext)).sort();
}

/**
 * Reads every entry of a collection: `*.yaml` files, or `*.mdx` files whose front matter is YAML.
 * Syntax errors become issues, not exceptions.
 */
export function loadCollection(root: string, collection: string, ext: '.yaml' | '.mdx' = '.yaml'): { entries: LoadedEntry[]; issues: CheckIssue[] } {
  const dir = join(root, 'src', 'content', collection);
  const entries: LoadedEntry[] = [];
  const issues: CheckIssue[] = [];
  for (const name of listFiles(dir, ext)) {
    const path = join(dir, name);
    const file = relative(root, path).split(sep).join('/');
    const raw = readFileSync(path, 'utf8');
    const mdx = ext === '.mdx' ? splitFrontMatter(raw) : null;
    const text = mdx ? mdx.frontMatter : raw;
    /** Lines before the YAML text in the file: the opening `---` of MDX front matter. */
    const offset = mdx ? 1 : 0;
    const lineCounter = new LineCounter();
    const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false });
    if (doc.errors.length) {
      for (const e of doc.errors) {
        issues.push(
          error({
            file,
            line: lineCounter.linePos(e.pos[0]).line + offset,
            zh: `YAML 格式错误：${e.code}`,
            en: `YAML syntax error: ${e.message.split('\n')[0]}`,
            fix: '检查缩进、冒号后的空格和引号是否成对 / check indentation, the space after each colon and matching quotes',
          }),
        );
      }
      continue;
    }
    entries.push({
      collection,
      id: name.slice(0, -ext.length).split(sep).join('/'),
      file,
      data: doc.toJS(),
      lineOf(fieldPath) {
        for (let n = fieldPath.length; n >= 0; n--) {
          const node = doc.getIn(fieldPath.slice(0, n), true) as { range?: [number, number, number] } | undefined;
          if (node?.range) return lineCounter.linePos(node.range[0]).line + offset;
        }
        return undefined;
      },
      ...(mdx ? { body: mdx.body, bodyLine: mdx.bodyLine } : {}),
    });
  }
  return { entries, issues };
}
