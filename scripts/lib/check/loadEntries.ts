import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { CORE_SCHEMA, load as loadYaml, YAMLException } from 'js-yaml';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { error, type CheckIssue } from './issue.ts';
import { blankForbiddenCharacters, rawTextIssues } from './validateText.ts';
import { isLink, walkTree } from '../fileTree.ts';
import { splitFrontMatter } from '../../../src/lib/jiedu/mdxText.ts';
import { COLLECTIONS, collectionFolder, type CollectionName } from '../../../src/schemas/collections.ts';

/** A content file read for checking, with what is needed to point at a field's line. */
export interface LoadedEntry {
  collection: CollectionName;
  /** Same id as Astro's glob loader gives: the path below the collection folder, without `.yaml`. */
  id: string;
  file: string;
  data: unknown;
  lineOf(path: readonly PropertyKey[]): number | undefined;
  /** MDX and Markdown entries: the body after the front matter, and the file line it starts on. */
  body?: string;
  bodyLine?: number;
  /** How the body is written: MDX (Markdown plus the allowlisted components) or plain Markdown. */
  format?: 'mdx' | 'md';
}

/** The regular files under `dir`, never through a link (those are `contentLinkIssues`' findings). */
function listFiles(dir: string): string[] {
  if (isLink(dir)) return [];
  try {
    return walkTree(dir).files.map((path) => path.split('/').join(sep));
  } catch {
    return [];
  }
}

/** The content folder, relative to the project. */
const CONTENT_DIR = 'src/content';

/**
 * Every symbolic link in the content tree (and the tree itself when it is one), whatever it points
 * to: Astro's loaders read through a link, so a committed link would publish the file it names.
 * Links are never read by the check either.
 */
export function contentLinkIssues(root: string): CheckIssue[] {
  const dir = join(root, CONTENT_DIR);
  const links = isLink(dir) ? [CONTENT_DIR] : walkTree(dir).links.map((path) => `${CONTENT_DIR}/${path}`);
  return links.map((file) =>
    error({
      code: 'ZW-FILE-007',
      file,
      zh: `${file} 是符号链接：网站会读取并发布它指向的文件（可能是本机上的任何文件），无论它指向哪里都不允许`,
      en: `${file} is a symbolic link: the site would read and publish whatever it points to (any file on the machine), so no link is allowed wherever it points`,
      fix: `删除这个链接（git rm ${file}），把内容本身写进文件 / delete the link (git rm ${file}) and put the content itself in a file`,
    }),
  );
}

/** Names an editor may give an entry by mistake (`18.yml`, `18.md`): the site never reads them. */
const ENTRY_LIKE = /\.(ya?ml|mdx?|markdown)$/i;

/**
 * The text of a content file, or an issue: not UTF-8, a byte-order mark, empty. CRLF line endings
 * are accepted and read as LF, which keeps every line number.
 */
function decodeFile(bytes: Uint8Array, file: string, issues: CheckIssue[]): string | null {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    issues.push(
      error({
        code: 'ZW-FILE-001',
        file,
        line: 1,
        zh: '文件开头有 UTF-8 BOM（字节顺序标记）',
        en: 'the file starts with a UTF-8 byte-order mark (BOM)',
        fix: '保存为无 BOM 的 UTF-8（编辑器“编码”菜单中选择 UTF-8，而不是“UTF-8 with BOM”） / save as UTF-8 without BOM',
      }),
    );
    start = 3;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
  } catch {
    // The longest prefix that decodes: the first bad byte follows it.
    let ok = start;
    let bad = bytes.length;
    while (bad - ok > 1) {
      const mid = (ok + bad) >>> 1;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, mid), { stream: true });
        ok = mid;
      } catch {
        bad = mid;
      }
    }
    const line = bytes.subarray(0, ok).filter((b) => b === 0x0a).length + 1;
    issues.push(
      error({
        code: 'ZW-FILE-002',
        file,
        line,
        zh: `文件不是 UTF-8 编码：第 ${line} 行有无法识别的字节（可能保存成了 GBK/GB2312）`,
        en: `the file is not valid UTF-8: undecodable bytes on line ${line} (perhaps saved as GBK/GB2312)`,
        fix: '用编辑器把文件“另存为”UTF-8（无 BOM）编码，检查中文没有变成乱码后再提交 / re-save the file as UTF-8 without BOM and check the Chinese text',
      }),
    );
    return null;
  }
  if (!text.trim()) {
    issues.push(
      error({
        code: 'ZW-FILE-003',
        file,
        zh: '文件是空的',
        en: 'the file is empty',
        fix: '填写内容或删除该文件；新建解读、图解请运行 npm run new -- jiedu 2021/18 / fill it in or delete it; npm run new -- jiedu 2021/18 creates a 解读',
      }),
    );
    return null;
  }
  return text.replaceAll('\r\n', '\n');
}

interface Located {
  doc: Document;
  lineCounter: LineCounter;
}

/** The YAML text parsed with every node's position: only to point at a field's or an error's line. */
function locate(text: string): Located {
  const lineCounter = new LineCounter();
  return { doc: parseDocument(text, { lineCounter, prettyErrors: false }), lineCounter };
}

const SYNTAX_ERROR = Symbol('YAML syntax error');

/**
 * The data of a YAML text (YAML 1.2's core schema: a date stays the text it is written as), or
 * `SYNTAX_ERROR` with the errors added to `issues`. Read with js-yaml, and positions worked out
 * only when an issue needs a line (`locate`): parsing with positions took the 4,063 YAML files of
 * a 1,000-point archive 1.9 s of CPU, js-yaml 0.2 s, with the same data.
 */
function readYaml(text: string, file: string, offset: number, issues: CheckIssue[]): unknown {
  try {
    // An empty text is null, as `locate` reads it.
    return loadYaml(text, { schema: CORE_SCHEMA }) ?? null;
  } catch (e) {
    if (!(e instanceof YAMLException)) throw e;
    const { doc, lineCounter } = locate(text);
    const found: { line: number; zh: string; en: string }[] = doc.errors.map((err) => ({
      line: lineCounter.linePos(err.pos[0]).line,
      zh: err.code,
      en: err.message.split('\n')[0] ?? err.message,
    }));
    // An error only js-yaml sees is reported as it words it.
    if (!found.length) found.push({ line: e.mark.line + 1, zh: e.reason, en: e.reason });
    for (const { line, zh, en } of found) {
      issues.push(
        error({
          code: 'ZW-FILE-006',
          file,
          line: line + offset,
          zh: `YAML 格式错误：${zh}`,
          en: `YAML syntax error: ${en}`,
          fix: '检查缩进、冒号后的空格和引号是否成对 / check indentation, the space after each colon and matching quotes',
        }),
      );
    }
    return SYNTAX_ERROR;
  }
}

/**
 * Reads every entry of a collection: `*.yaml` files, or `*.mdx` / `*.md` files whose front matter
 * is YAML. Syntax errors become issues, not exceptions.
 */
export function loadCollection(root: string, collection: CollectionName): { entries: LoadedEntry[]; issues: CheckIssue[] } {
  const dir = join(root, collectionFolder(collection));
  const exts: readonly string[] = COLLECTIONS[collection];
  const entries: LoadedEntry[] = [];
  const issues: CheckIssue[] = [];
  const names = listFiles(dir);
  const extOf = (name: string) => exts.find((e) => name.endsWith(e));
  const [ext] = exts;
  for (const name of names.filter((n) => !extOf(n) && ENTRY_LIKE.test(n))) {
    const stem = name.replace(ENTRY_LIKE, '');
    const twin = names.find((n) => extOf(n) && n.slice(0, -extOf(n)!.length) === stem);
    const file = relative(root, join(dir, name)).split(sep).join('/');
    const id = stem.split(sep).join('/');
    const accepted = exts.join(' / ');
    issues.push(
      error({
        code: 'ZW-FILE-004',
        file,
        zh: `网站不会读取这个文件：${collection} 的条目须以 ${accepted} 结尾${twin ? `；${twin} 也存在，两者是同一条目 ${id}（重复）` : ''}`,
        en: `the site never reads this file: ${collection} entries end in ${accepted}${twin ? `; ${twin} also exists and both are entry ${id} (duplicate)` : ''}`,
        fix: twin
          ? `删除这个重复的文件，修改写在 ${twin} 中 / delete this duplicate and make the change in ${twin}`
          : `改名为 ${stem}${ext} / rename it to ${stem}${ext}`,
      }),
    );
  }
  const seen = new Map<string, string>();
  for (const name of names) {
    const found = extOf(name);
    if (!found) continue;
    const path = join(dir, name);
    const file = relative(root, path).split(sep).join('/');
    const id = name.slice(0, -found.length).split(sep).join('/');
    const other = seen.get(id);
    if (other) {
      issues.push(
        error({
          code: 'ZW-FILE-005',
          file,
          zh: `与 ${other} 是同一条目 ${id}（重复）：同一篇解读只能有一个文件`,
          en: `${other} is the same entry ${id} (duplicate): one file per entry`,
          fix: `保留一个：用到组件时保留 .mdx，否则保留 .md，删除另一个 / keep one: the .mdx if it uses components, else the .md`,
        }),
      );
      continue;
    }
    seen.set(id, file);
    const decoded = decodeFile(readFileSync(path), file, issues);
    if (decoded === null) continue;
    // Control and bidi characters are reported here, with their lines, and read as spaces after.
    issues.push(...rawTextIssues(decoded, file));
    const raw = blankForbiddenCharacters(decoded);
    const format = found === '.yaml' ? null : found === '.mdx' ? 'mdx' : 'md';
    const mdx = format ? splitFrontMatter(raw) : null;
    const text = mdx ? mdx.frontMatter : raw;
    /** Lines before the YAML text in the file: the opening `---` of the front matter. */
    const offset = mdx ? 1 : 0;
    const data = readYaml(text, file, offset, issues);
    if (data === SYNTAX_ERROR) continue;
    let located: Located | undefined;
    entries.push({
      collection,
      id,
      file,
      data,
      lineOf(fieldPath) {
        const { doc, lineCounter } = (located ??= locate(text));
        for (let n = fieldPath.length; n >= 0; n--) {
          const node = doc.getIn(fieldPath.slice(0, n), true) as { range?: [number, number, number] } | undefined;
          if (node?.range) return lineCounter.linePos(node.range[0]).line + offset;
        }
        return undefined;
      },
      ...(mdx && format ? { body: mdx.body, bodyLine: mdx.bodyLine, format } : {}),
    });
  }
  return { entries, issues };
}
