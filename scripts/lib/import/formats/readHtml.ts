/**
 * Reads a web page saved from a government portal (`.html`, `.htm`, as a browser's "save page"
 * writes it) into the neutral blocks of `types.ts`: finds the article among the portal's chrome,
 * adds the title printed above it, and reads the portal's `<meta>` fields.
 */
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root, RootContent } from 'hast';
import { decodeBytes } from './charset.ts';
import { blocksFromHast, isChrome, words, type Positions } from './hastBlocks.ts';
import { readInfoBox } from './infoBox.ts';
import type { PageMeta, SourceBlock, SourceDocument } from './types.ts';

type Parent = Root | Element;

function children(node: Parent): Element[] {
  return (node.children as RootContent[]).filter((c): c is Element => c.type === 'element');
}

/** Depth-first walk of elements with their ancestor chains; `enter` returning false skips the subtree. */
function walk(node: Parent, enter: (el: Element, parents: Element[]) => boolean | void, parents: Element[] = []): void {
  for (const el of children(node)) {
    if (enter(el, parents) === false) continue;
    walk(el, enter, [...parents, el]);
  }
}

function attr(el: Element, name: string): string | undefined {
  const v = el.properties[name];
  return v === undefined || v === null ? undefined : Array.isArray(v) ? v.join(' ') : String(v);
}

/** The charset a page declares in `<meta charset>` or `<meta http-equiv="Content-Type">`. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  // The head is ASCII in every charset a portal uses: read it as Latin-1 with the real parser.
  const head = fromHtml(new TextDecoder('latin1').decode(bytes.subarray(0, 65536)));
  let found: string | undefined;
  walk(head, (el) => {
    if (found || el.tagName !== 'meta') return;
    const direct = attr(el, 'charSet');
    const content = attr(el, 'httpEquiv')?.toLowerCase() === 'content-type' ? attr(el, 'content') : undefined;
    const fromContent = content
      ?.split(';')
      .map((s) => s.trim())
      .find((s) => s.toLowerCase().startsWith('charset='))
      ?.slice(8);
    found = (direct ?? fromContent)?.trim().replace(/^["']|["']$/gu, '') || undefined;
  });
  return found;
}

/** `2021-06-22 10:30:00`, `2021年6月22日`, `2021/6/22` → `2021-06-22`; undefined when no valid date. */
export function normaliseDate(value: string): string | undefined {
  const m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/u.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const META_NAMES: Record<string, keyof PageMeta | 'og:title'> = {
  articletitle: 'title',
  'og:title': 'og:title',
  title: 'og:title',
  'dc.title': 'og:title',
  pubdate: 'publishedAt',
  publishdate: 'publishedAt',
  'article:published_time': 'publishedAt',
  firstpublishedtime: 'publishedAt',
  contentsource: 'contentSource',
  source: 'contentSource',
  columnname: 'column',
};

/** The page's `<meta>` fields as portals write them (first occurrence wins). */
export function readMeta(tree: Root): PageMeta {
  const found: Partial<Record<keyof PageMeta | 'og:title' | 'title-element', string>> = {};
  walk(tree, (el) => {
    if (el.tagName === 'title') {
      found['title-element'] ??= withoutSiteName(textOf(el));
      return false;
    }
    if (el.tagName !== 'meta') return;
    const key = META_NAMES[(attr(el, 'name') ?? attr(el, 'property') ?? '').trim().toLowerCase()];
    const content = attr(el, 'content')?.trim();
    if (!key || !content) return;
    if (key === 'publishedAt') {
      const date = normaliseDate(content);
      if (date) found.publishedAt ??= date;
    } else {
      found[key] ??= content;
    }
  });
  const meta: PageMeta = {};
  const title = found.title ?? found['og:title'] ?? found['title-element'];
  if (title) meta.title = title;
  if (found.publishedAt) meta.publishedAt = found.publishedAt;
  if (found.contentSource) meta.contentSource = found.contentSource;
  if (found.column) meta.column = found.column;
  return meta;
}

/**
 * A `<title>` without the column and site names portals append (`标题_栏目_网站`,
 * `标题 - 网站`, `标题|网站`): its first part.
 */
export function withoutSiteName(title: string): string {
  return (
    title
      .split(/\s*(?:_|\s[-－|｜]\s|\||｜|——)\s*/u)
      .find((p) => p.trim() !== '')
      ?.trim() ?? ''
  );
}

function textOf(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') return node.children.map(textOf).join('');
  return '';
}

const HAN = /\p{Script=Han}/gu;
const countHan = (s: string) => s.match(HAN)?.length ?? 0;

interface Stats {
  /** Han characters outside links and chrome. */
  han: number;
  /** Han characters inside links. */
  link: number;
}

/** Han characters of every element's subtree, chrome left out, link text counted apart. */
function measure(tree: Root): Map<Element, Stats> {
  const stats = new Map<Element, Stats>();
  const visit = (el: Element, inLink: boolean, inArticle: boolean): Stats => {
    const s: Stats = { han: 0, link: 0 };
    if (!isChrome(el, inArticle)) {
      const link = inLink || el.tagName === 'a';
      for (const c of el.children) {
        if (c.type === 'text') {
          const n = countHan(c.value);
          if (link) s.link += n;
          else s.han += n;
        } else if (c.type === 'element') {
          const inner = visit(c, link, inArticle || el.tagName === 'article');
          s.han += inner.han;
          s.link += inner.link;
        }
      }
    }
    stats.set(el, s);
    return s;
  };
  for (const el of children(tree)) visit(el, false, false);
  return stats;
}

const hasWord = (el: Element, word: string) => (attr(el, 'className') ?? '').split(/\s+/u).includes(word) || attr(el, 'id') === word;
const wordContains = (el: Element, part: string) => `${attr(el, 'className') ?? ''} ${attr(el, 'id') ?? ''}`.toLowerCase().includes(part);

/** Content containers of Chinese government portals (TRS, 开普云 UCAP, gov.cn…), most specific first. */
const KNOWN_CONTAINERS: ((el: Element) => boolean)[] = [
  (el) => hasWord(el, 'zoom'),
  (el) => hasWord(el, 'TRS_Editor') || hasWord(el, 'TRS_UEDITOR'),
  (el) => hasWord(el, 'pages_content'),
  (el) => hasWord(el, 'UCAP-CONTENT'),
  (el) => hasWord(el, 'article-content') || hasWord(el, 'article_content'),
  (el) => hasWord(el, 'content'),
  (el) => el.tagName === 'article',
  (el) => wordContains(el, 'content'),
];

/** Share of the page's article text a known container must hold to be taken. */
const KNOWN_SHARE = 0.5;
/** Tags whose own text counts as a paragraph when scoring candidates. */
const PARAGRAPHS = new Set(['p', 'td', 'li', 'div', 'pre', 'blockquote', 'section', 'article', 'font', 'span']);

interface Found {
  article: Element;
  parents: Element[];
}

/**
 * The element holding the article: a known content container holding most of the page's text
 * outside links and chrome; otherwise the element whose paragraphs hold most such text,
 * discounted by its link density.
 */
function findArticle(tree: Root, stats: Map<Element, Stats>): Found | undefined {
  let body: Found | undefined;
  const all: Found[] = [];
  walk(tree, (el, parents) => {
    if (
      isChrome(
        el,
        parents.some((p) => p.tagName === 'article'),
      )
    )
      return false;
    if (el.tagName === 'body') body = { article: el, parents };
    all.push({ article: el, parents });
  });
  const total = body ? stats.get(body.article)!.han : 0;
  if (total === 0) return body;
  for (const known of KNOWN_CONTAINERS) {
    const best = all.filter((f) => known(f.article)).sort((a, b) => stats.get(b.article)!.han - stats.get(a.article)!.han)[0];
    if (best && stats.get(best.article)!.han >= KNOWN_SHARE * total) return best;
  }
  const scores = new Map<Element, number>();
  for (const { article: el, parents } of all) {
    if (!PARAGRAPHS.has(el.tagName)) continue;
    const own = el.children.reduce((n, c) => n + (c.type === 'text' ? countHan(c.value) : 0), 0);
    if (own === 0) continue;
    const add = (p: Element | undefined, share: number) => p && scores.set(p, (scores.get(p) ?? 0) + own * share);
    add(parents[parents.length - 1], 1);
    add(parents[parents.length - 2], 0.5);
  }
  let best: Found | undefined;
  let bestScore = 0;
  for (const f of all) {
    const s = stats.get(f.article)!;
    const score = (scores.get(f.article) ?? 0) * (1 - s.link / Math.max(1, s.han + s.link));
    if (score > bestScore) [best, bestScore] = [f, score];
  }
  return best ?? body;
}

/** Text compared without spaces and punctuation-width differences. */
const norm = (s: string) => s.replace(/[\s\u00a0\u3000]/gu, '');

/**
 * The title printed above the article (an `<h1>`–`<h3>`, or an element whose class or id says
 * title, before the container and outside the chrome): the one matching the page's ArticleTitle,
 * else the last `<h1>` before the article (a site name in the page header comes earlier).
 */
function titleOutside(tree: Root, found: Found, meta: PageMeta): Found | undefined {
  const candidates: Found[] = [];
  let passed = false;
  walk(tree, (el, parents) => {
    if (passed || el === found.article) {
      passed = true;
      return false;
    }
    if (
      isChrome(
        el,
        parents.some((p) => p.tagName === 'article'),
      )
    )
      return false;
    const titled = /^h[1-3]$/u.test(el.tagName) || words(el).some((w) => w === 'title' || w.endsWith('title') || w === 'tit');
    if (titled && countHan(textOf(el)) > 0) {
      candidates.push({ article: el, parents });
      return false;
    }
  });
  const want = meta.title ? norm(meta.title) : undefined;
  if (want) {
    const match = candidates.find((c) => {
      const t = norm(textOf(c.article));
      return t === want || (t.length >= 6 && want.includes(t)) || (want.length >= 6 && t.includes(want) && t.length <= want.length * 1.5);
    });
    if (match) return match;
  }
  return candidates.findLast((c) => c.article.tagName === 'h1');
}

/** True when the first blocks of the article already print the title (alone or over several title lines). */
function printsTitle(blocks: SourceBlock[], title: string): boolean {
  const want = norm(title);
  let joined = '';
  for (const b of blocks.slice(0, 6)) {
    if (b.kind === 'table') break;
    const t = norm(b.text);
    if (t === want || t.includes(want)) return true;
    joined += t;
    if (joined === want) return true;
  }
  return false;
}

/** Lines of HTML source: a text node's line is that of its first non-space character. */
const htmlPositions: Positions = {
  start(node, parents) {
    const at = node.position ?? [...parents].reverse().find((p) => p.position)?.position;
    if (!at) return 1;
    const lead = node.type === 'text' ? /^\s*/u.exec(node.value)![0] : '';
    return at.start.line + (lead.match(/\n/gu)?.length ?? 0);
  },
  end(node, parents) {
    const at = node.position ?? [...parents].reverse().find((p) => p.position)?.position;
    if (!at) return 1;
    const trail = node.type === 'text' ? /\s*$/u.exec(node.value)![0] : '';
    return at.end.line - (trail.match(/\n/gu)?.length ?? 0);
  },
};

/**
 * A saved web page as a SourceDocument. `line` is the line in the HTML file. The page's charset:
 * a byte-order mark, else valid UTF-8, else the declared `<meta>` charset (GB2312/GBK read as
 * GB18030), else GB18030.
 */
export function readHtml(bytes: Uint8Array, file: string): SourceDocument {
  void file;
  const { text, charset } = decodeBytes(bytes, declaredCharset(bytes));
  const tree = fromHtml(text);
  const infoBox = readInfoBox(tree);
  const meta: PageMeta = { ...readMeta(tree), charset, ...(infoBox ? { infoBox } : {}) };
  const found = findArticle(tree, measure(tree));
  const blocks = found ? blocksFromHast(found.article, { positions: htmlPositions, titleRegion: true }, found.parents) : [];
  if (found) {
    const title = titleOutside(tree, found, meta);
    if (title) {
      const [first] = blocksFromHast(title.article, { positions: htmlPositions, titleRegion: false }, title.parents);
      const heading = /^h([1-6])$/u.exec(title.article.tagName);
      if (first && first.kind !== 'table' && !printsTitle(blocks, first.text)) {
        blocks.unshift({ kind: 'heading', level: heading ? Number(heading[1]) : 0, text: first.text, bold: first.bold, line: first.line });
      }
    }
  }
  return { format: 'html', unit: 'line', blocks, meta, pageBreaks: false, emptyCellIsMerge: false };
}
