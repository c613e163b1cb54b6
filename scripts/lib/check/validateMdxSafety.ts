import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { imageSize as readImageSize } from 'image-size';
import type { Definition, Heading, Html, Image, ImageReference, Link, Nodes } from 'mdast';
import {
  markdownToMdast,
  mdxToMdast,
  type MdxFlowExpression,
  type MdxJsxFlowElement,
  type MdxJsxTextElement,
  type MdxjsEsm,
  type MdxTextExpression,
} from 'satteri';
import { ALLOWED_COMPONENTS } from '../../../src/lib/jiedu/allowedComponents.ts';
import { isLayoutId } from '../../../src/layouts/layoutIds.ts';
import { headingSlugger } from './headingSlug.ts';
import { DANGEROUS_SCHEMES, LINK_SCHEMES, urlScheme } from '../../../src/lib/jiedu/urls.ts';
import type { CheckCode } from './codes.ts';
import { htmlTokens } from './htmlTags.ts';
import { extensionOf, IMAGE_EXTENSIONS, sniffType, TYPE_NAMES } from './fileTypes.ts';
import { isLink } from '../fileTree.ts';
import { error, type CheckIssue } from './issue.ts';
import type { LoadedEntry } from './loadEntries.ts';

/**
 * What a 解读 may contain: Markdown, GFM and (in `.mdx`) the allowlisted components, nothing that
 * runs code, loads remote content or hides an image from screen-reader users. The body is parsed
 * with Sätteri's MDX or Markdown parser, the ones Astro renders it with, so code spans and blocks
 * are never flagged and every line comes from the syntax tree. A Markdown 解读 may hold no HTML at
 * all, and tags are named by an HTML tokenizer (`htmlTags.ts`). The render step strips whatever
 * gets past this check (`src/lib/jiedu/sanitize.ts`).
 */

/** Largest image file a 解读 may show, in bytes. */
export const MAX_IMAGE_BYTES = 500 * 1024;
/** Widest image, in pixels. */
export const MAX_IMAGE_WIDTH = 4000;
/** HTML that embeds scripts, styles, frames, forms or outside content: no Markdown equivalent. */
const EMBEDDING_TAGS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'style',
  'link',
  'meta',
  'base',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'svg',
  'math',
  'video',
  'audio',
  'source',
  'template',
  'portal',
]);
/** The Markdown to write instead of a harmless HTML tag. */
const MARKDOWN_FOR: Record<string, [zh: string, en: string]> = {
  b: ['**加粗文字**', '**bold**'],
  strong: ['**加粗文字**', '**bold**'],
  i: ['*强调文字*', '*emphasis*'],
  em: ['*强调文字*', '*emphasis*'],
  a: ['[链接文字](https://…)', '[text](https://…)'],
  img: ['<Figure src="/images/….png" alt="…" width={…} height={…} /> 或 ![说明](/images/….png)', '<Figure … /> or ![alt](/images/….png)'],
  br: ['空一行分段', 'a blank line between paragraphs'],
  p: ['空一行分段', 'a blank line between paragraphs'],
  h1: ['## 标题', '## heading'],
  h2: ['## 标题', '## heading'],
  h3: ['### 小标题', '### heading'],
  h4: ['### 小标题', '### heading'],
  h5: ['### 小标题', '### heading'],
  h6: ['### 小标题', '### heading'],
  ul: ['- 列表项', '- item'],
  ol: ['1. 列表项', '1. item'],
  li: ['- 列表项', '- item'],
  table: ['Markdown 表格 | 列 | 列 |', 'a Markdown table | a | b |'],
  blockquote: ['> 引用，或 <Quote>原文</Quote>', '> quote, or <Quote>…</Quote>'],
  code: ['`代码`', '`code`'],
  pre: ['``` 代码块 ```', 'a ``` code block'],
  del: ['~~删除线~~', '~~strikethrough~~'],
  s: ['~~删除线~~', '~~strikethrough~~'],
  hr: ['单独一行 ---', '--- on its own line'],
};

const short = (s: string, n = 40) => (s.length > n ? `${s.slice(0, n)}…` : s);
/** `{/* … *\/}` with nothing else: an MDX comment, which runs nothing. */
const ONLY_COMMENTS = /^\s*(?:\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\/\s*)+$/;

/** The formats a 解读 may show, by image-size's name for them, with the name sharp and editors use. */
const IMAGE_FORMATS = { png: 'png', jpg: 'jpeg', webp: 'webp' } as const;

/**
 * Displayed pixel size of a PNG, JPEG or WebP file, read from its header by image-size. A JPEG whose
 * EXIF orientation turns it a quarter (values 5–8) is shown with width and height swapped, so that
 * is its size here too. Null for other formats and for bytes no reader understands.
 */
export function imageSize(bytes: Uint8Array): { format: 'png' | 'jpeg' | 'webp'; width: number; height: number } | null {
  let size: ReturnType<typeof readImageSize>;
  try {
    size = readImageSize(bytes);
  } catch {
    return null;
  }
  const format = IMAGE_FORMATS[size.type as keyof typeof IMAGE_FORMATS];
  if (!format) return null;
  const turned = size.orientation !== undefined && size.orientation >= 5;
  return { format, width: turned ? size.height : size.width, height: turned ? size.width : size.height };
}

/** Every point id: what `<Tasks point="…" />` can name (a point without tasks is reported at the point). */
function pointIds(entries: LoadedEntry[]): Set<string> {
  return new Set(entries.filter((e) => e.collection === 'points').map((e) => e.id));
}

/**
 * Safety rules for the MDX body of every 解读 (see docs/editor-guide.md for the editor's view).
 * `root` is the project folder; images are files under `root/public/`.
 */
export function validateMdxSafety(entries: LoadedEntry[], root: string): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const points = pointIds(entries);
  for (const entry of entries) {
    if (entry.collection !== 'jiedu' || entry.body === undefined) continue;
    issues.push(...checkBody(entry, entry.body, root, points));
  }
  return issues;
}

/** What a finding says: in Chinese, in English, and the fix. */
type Message = Pick<CheckIssue, 'zh' | 'en' | 'fix'>;

/** What every visitor of one 解读's tree shares: where findings go and what the whole body knows. */
interface BodyContext {
  entry: LoadedEntry;
  body: string;
  root: string;
  points: Set<string>;
  /** Link and image definitions by identifier, for `![alt][id]`. */
  definitions: Map<string, Definition>;
  /** Tags already reported, by line: `<b>…</b>` on one line is one finding. */
  reportedTags: Set<string>;
  /** The id the page gives the next heading of a text (unique within the 解读, as the page makes them). */
  slug: (text: string) => string;
  /** Records a finding of a rule at a line of the body (1-based), shown as a file line. */
  add(code: CheckCode, line: number | undefined, message: Message): void;
}

type NodeOf<T extends Nodes['type']> = Extract<Nodes, { type: T }>;
type Visitors = { [T in Nodes['type']]?: (node: NodeOf<T>, ctx: BodyContext) => void };
type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

const isComponent = (name: string) => (ALLOWED_COMPONENTS as readonly string[]).includes(name);

// ---- Messages shared by several visitors ----

function dangerousUrl(ctx: BodyContext, line: number | undefined, url: string, scheme: string): void {
  ctx.add('ZW-MDX-009', line, {
    zh: `不允许使用 ${scheme}: 网址（会执行脚本或嵌入未经审核的内容）：${short(url)}`,
    en: `${scheme}: URLs are not allowed (they run script or embed unreviewed content): ${short(url)}`,
    fix: '链接改用 https:// 网址或本站路径（如 /yaodian/2021/18/）；图片放到 public/images/ 后用 /images/文件名 引用 / link to an https:// address or a site path; put images in public/images/ and use /images/<file>',
  });
}

function expression(ctx: BodyContext, line: number | undefined, value: string): void {
  ctx.add('ZW-MDX-003', line, {
    zh: `不允许使用 JSX 表达式 {${short(value.trim(), 30)}}：大括号里的内容会作为代码运行`,
    en: `JSX expression {${short(value.trim(), 30)}} is not allowed: text in braces runs as code`,
    fix: '删除大括号，直接写文字；要显示花括号本身，写成 \\{ 和 \\}（Figure 的 width、height 可写数字，如 width={800}） / remove the braces; write a literal brace as \\{ or \\} (Figure width and height take a number, e.g. width={800})',
  });
}

function missingAlt(ctx: BodyContext, line: number | undefined, figure: boolean): void {
  ctx.add('ZW-MDX-011', line, {
    zh: '图片缺少替代文字（alt）：看不见图片的读者无法知道它的内容',
    en: 'the image has no alt text: readers who cannot see it learn nothing',
    fix: figure
      ? '添加 alt="…"，用一句话说明图片内容 / add alt="…", one sentence saying what the image shows'
      : '在 ![ ] 的方括号里用一句话说明图片内容，如 ![2021 年图解覆盖情况](/images/tujie.png) / describe the image inside the brackets',
  });
}

function htmlTag(ctx: BodyContext, line: number | undefined, name: string, closing = false): void {
  const tag = name.toLowerCase();
  const instead = MARKDOWN_FOR[tag];
  const shown = closing ? `/${name}` : name;
  ctx.add('ZW-MDX-004', line, {
    zh: `不允许使用 HTML 标签 <${shown}>：解读只能用 Markdown 和 ${ALLOWED_COMPONENTS.join('、')} 组件`,
    en: `HTML tag <${shown}> is not allowed: a 解读 uses Markdown and the components ${ALLOWED_COMPONENTS.join(', ')} only`,
    fix: EMBEDDING_TAGS.has(tag)
      ? '删除该标签：解读中不能嵌入脚本、样式、框架、表单或外部内容；视频、网页请用 [文字](https://…) 链接 / remove it: a 解读 cannot embed scripts, styles, frames, forms or outside content; link to videos and pages with [text](https://…)'
      : instead
        ? `改用 Markdown：${instead[0]} / use Markdown instead: ${instead[1]}`
        : '删除该标签，直接写文字 / remove the tag and keep the text',
  });
}

// ---- Images: Markdown images and <Figure> ----

/** What a `<Figure>` states about its image, checked against the file. */
interface FigureSize {
  width?: string;
  height?: string;
  widthLine?: number;
}

/**
 * The file under `public/` an image URL names, or why there is none: nothing there (outside
 * `public/`, or not a regular file), or a symbolic link on the way (the build would publish what
 * the link points to; `npm run check` reports the link itself under ZW-PUBLIC-001).
 */
function publicFile(root: string, url: string): { path: string; size: number } | 'missing' | 'link' {
  const publicDir = resolve(root, 'public');
  try {
    const path = resolve(publicDir, `.${decodeURIComponent(url.replace(/[?#].*$/, ''))}`);
    if (!path.startsWith(publicDir + sep)) return 'missing';
    if (isLink(publicDir) || realpathSync(path) !== resolve(realpathSync(publicDir), path.slice(publicDir.length + 1))) return 'link';
    const stat = lstatSync(path);
    return stat.isFile() ? { path, size: stat.size } : 'missing';
  } catch {
    return 'missing';
  }
}

/**
 * Why an image file cannot be shown, read from its bytes and its name together (the same reading
 * as the `public/` rules, `fileTypes.ts`), or null: a 解读 image is PNG, JPEG or WebP, and its
 * extension says which, so a server names its type right (a PNG saved as `.html` would be served,
 * and run, as a page).
 */
function imageTypeProblem(url: string, bytes: Uint8Array, format: 'png' | 'jpeg' | 'webp'): Message | null {
  const ext = extensionOf(url.replace(/[?#].*$/, ''));
  const promised = IMAGE_EXTENSIONS[ext];
  const sniffed = sniffType(bytes);
  if (promised === format && sniffed === format) return null;
  const shown = `public${url.replace(/[?#].*$/, '')}`;
  const name = TYPE_NAMES[format];
  return promised
    ? {
        zh: `图片内容是 ${name}，扩展名却是 .${ext}：${shown}`,
        en: `the image is a ${name} file but its extension is .${ext}: ${shown}`,
        fix: `另存为真正的 ${TYPE_NAMES[promised]} 文件，或把扩展名改为 .${format === 'jpeg' ? 'jpg' : format} / re-save it as a real ${TYPE_NAMES[promised]} file, or rename it to .${format === 'jpeg' ? 'jpg' : format}`,
      }
    : {
        zh: `图片文件的扩展名 .${ext || '（无）'} 不是 PNG、JPEG 或 WebP：${shown}`,
        en: `the image file's extension .${ext || '(none)'} is not PNG, JPEG or WebP: ${shown}`,
        fix: '把图片另存为 .png、.jpg 或 .webp 文件并改正路径 / save the image as a .png, .jpg or .webp file and correct the path',
      };
}

/** Rules shared by Markdown images and `<Figure>`: no remote or inline images; local files exist, are small and not too wide. */
function checkImage(ctx: BodyContext, line: number | undefined, url: string, figure?: FigureSize): void {
  const scheme = urlScheme(url);
  if (scheme && DANGEROUS_SCHEMES.has(scheme)) return dangerousUrl(ctx, line, url, scheme);
  if (scheme || url.startsWith('//')) {
    return ctx.add('ZW-MDX-014', line, {
      zh: `不允许引用外部图片：${short(url, 60)}`,
      en: `remote images are not allowed: ${short(url, 60)}`,
      fix: '把图片保存到 public/images/（不超过 500 KB），用 /images/文件名 引用 / save the image under public/images/ (at most 500 KB) and use /images/<file>',
    });
  }
  if (!url.startsWith('/')) {
    return ctx.add('ZW-MDX-015', line, {
      zh: `图片路径须以 / 开头，指向 public/ 下的文件：${short(url, 60)}`,
      en: `an image path must start with / and name a file under public/: ${short(url, 60)}`,
      fix: '把图片放到 public/images/，写成 /images/文件名.png / put the image in public/images/ and write /images/<file>.png',
    });
  }
  const shown = `public${url.replace(/[?#].*$/, '')}`;
  const file = publicFile(ctx.root, url);
  if (file === 'link') {
    return ctx.add('ZW-MDX-016', line, {
      zh: `图片文件是符号链接，网站不会发布它：${shown}`,
      en: `the image file is a symbolic link, which the site does not publish: ${shown}`,
      fix: `用图片文件本身替换链接 / replace the link with the image file itself: ${shown}`,
    });
  }
  if (file === 'missing') {
    return ctx.add('ZW-MDX-016', line, {
      zh: `图片文件不存在：${shown}`,
      en: `image file not found: ${shown}`,
      fix: `把图片放到 ${shown}，或更正路径（区分大小写） / add the file ${shown} or correct the path (case-sensitive)`,
    });
  }
  if (file.size > MAX_IMAGE_BYTES) {
    return ctx.add('ZW-MDX-017', line, {
      zh: `图片文件过大：${Math.ceil(file.size / 1024)} KB（上限 ${MAX_IMAGE_BYTES / 1024} KB）：${shown}`,
      en: `the image file is too large: ${Math.ceil(file.size / 1024)} KB (limit ${MAX_IMAGE_BYTES / 1024} KB): ${shown}`,
      fix: '压缩图片、缩小尺寸（宽度 2000 像素以内即可），或另存为 WebP / compress or resize the image (2000 px wide is plenty), or save it as WebP',
    });
  }
  const bytes = readFileSync(file.path);
  const dims = imageSize(bytes);
  if (!dims) {
    return ctx.add('ZW-MDX-018', line, {
      zh: `图片格式不支持：只能用 PNG、JPEG 或 WebP：${shown}`,
      en: `unsupported image format: use PNG, JPEG or WebP: ${shown}`,
      fix: '另存为 PNG、JPEG 或 WebP（SVG、GIF 等不可用） / save it as PNG, JPEG or WebP (not SVG or GIF)',
    });
  }
  const typeProblem = imageTypeProblem(url, bytes, dims.format);
  if (typeProblem) return ctx.add('ZW-MDX-018', line, typeProblem);
  if (dims.width > MAX_IMAGE_WIDTH) {
    ctx.add('ZW-MDX-019', line, {
      zh: `图片过宽：${dims.width} 像素（上限 ${MAX_IMAGE_WIDTH} 像素）：${shown}`,
      en: `the image is too wide: ${dims.width} px (limit ${MAX_IMAGE_WIDTH} px): ${shown}`,
      fix: '把图片缩小到 4000 像素宽以内（网页显示 2000 像素已足够） / resize it to at most 4000 px wide (2000 px is plenty on a page)',
    });
  }
  if (figure) checkFigureSize(ctx, line, figure, dims);
}

/** A `<Figure>`'s width and height are the image's own, so the page reserves the right space. */
function checkFigureSize(ctx: BodyContext, line: number | undefined, figure: FigureSize, dims: { width: number; height: number }): void {
  const given = `${figure.width ?? '?'}×${figure.height ?? '?'}`;
  if (figure.width === undefined || figure.height === undefined) {
    ctx.add('ZW-MDX-020', figure.widthLine ?? line, {
      zh: `<Figure> 缺少 width 或 height：图片实际为 ${dims.width}×${dims.height} 像素`,
      en: `<Figure> needs width and height: the image is ${dims.width}×${dims.height} px`,
      fix: `添加 width={${dims.width}} height={${dims.height}} / add width={${dims.width}} height={${dims.height}}`,
    });
  } else if (Number(figure.width) !== dims.width || Number(figure.height) !== dims.height) {
    ctx.add('ZW-MDX-021', figure.widthLine ?? line, {
      zh: `<Figure> 的 width、height（${given}）与图片实际尺寸 ${dims.width}×${dims.height} 像素不符`,
      en: `<Figure> width and height (${given}) do not match the image, ${dims.width}×${dims.height} px`,
      fix: `改为 width={${dims.width}} height={${dims.height}}（页面会按屏幕宽度自动缩放） / set width={${dims.width}} height={${dims.height}} (the page scales it to the screen)`,
    });
  }
}

// ---- JSX elements: components, HTML tags and their attributes ----

/** Body line of an attribute inside an element: found in the element's own source text. */
function attributeLine(ctx: BodyContext, node: JsxElement, name: string): number | undefined {
  const start = node.position?.start;
  if (start?.offset === undefined) return start?.line;
  const tagSource = ctx.body.slice(start.offset, node.position!.end.offset);
  const found = new RegExp(`\\s${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[\\s=/>])`).exec(tagSource);
  return found ? start.line + tagSource.slice(0, found.index + 1).split('\n').length - 1 : start.line;
}

/**
 * Reports expression, event-handler and dangerous-URL attributes; returns the plain string values
 * (and a Figure's numeric width and height) by name, and the names of all attributes given.
 */
function checkAttributes(ctx: BodyContext, node: JsxElement): { strings: Map<string, string>; present: Set<string> } {
  const line = node.position?.start.line;
  const strings = new Map<string, string>();
  /** Attributes written as expressions: already reported, not reported again as missing. */
  const present = new Set<string>();
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      expression(ctx, line, attribute.value);
      continue;
    }
    const name = attribute.name;
    present.add(name);
    const attrLine = attributeLine(ctx, node, name);
    if (/^on/i.test(name)) {
      ctx.add('ZW-MDX-008', attrLine, {
        zh: `不允许使用事件属性 ${name}（会执行脚本）`,
        en: `event-handler attribute ${name} is not allowed (it runs script)`,
        fix: `删除 ${name}=… / remove ${name}=…`,
      });
      continue;
    }
    const value = attribute.value;
    if (value && typeof value === 'object') {
      const numeric = node.name === 'Figure' && (name === 'width' || name === 'height') && /^\s*\d+\s*$/.test(value.value);
      if (numeric) strings.set(name, value.value.trim());
      else expression(ctx, attrLine, value.value);
      continue;
    }
    if (typeof value === 'string') {
      strings.set(name, value);
      const scheme = urlScheme(value);
      if (scheme && DANGEROUS_SCHEMES.has(scheme)) dangerousUrl(ctx, attrLine, value, scheme);
    }
  }
  return { strings, present };
}

/** `<Figure>`: alt text, a src, and the image rules for its file and stated size. */
function checkFigure(ctx: BodyContext, node: JsxElement, strings: Map<string, string>, present: Set<string>): void {
  const line = node.position?.start.line;
  const src = strings.get('src');
  if (!(strings.get('alt') ?? '').trim()) missingAlt(ctx, line, true);
  if (!present.has('src') || (src !== undefined && !src.trim())) {
    ctx.add('ZW-MDX-012', line, {
      zh: '<Figure> 缺少 src',
      en: '<Figure> has no src',
      fix: '添加 src="/images/文件名.png"（文件放在 public/images/） / add src="/images/<file>.png" (the file goes in public/images/)',
    });
  } else if (src !== undefined && !DANGEROUS_SCHEMES.has(urlScheme(src) ?? '')) {
    checkImage(ctx, attributeLine(ctx, node, 'src'), src.trim(), {
      width: strings.get('width'),
      height: strings.get('height'),
      widthLine: attributeLine(ctx, node, 'width'),
    });
  }
}

/** `<Tasks point="…" />`: names an existing point. */
function checkTasks(ctx: BodyContext, node: JsxElement, strings: Map<string, string>, present: Set<string>): void {
  const point = strings.get('point');
  if (present.has('point') && (point === undefined || ctx.points.has(point))) return;
  ctx.add('ZW-MDX-013', attributeLine(ctx, node, 'point'), {
    zh: point ? `<Tasks point="${point}" />：要点 ${point} 不存在` : '<Tasks /> 缺少 point',
    en: point ? `<Tasks point="${point}" />: point ${point} does not exist` : '<Tasks /> has no point',
    fix: '写成本解读所解读的要点，如 <Tasks point="2021/18" /> / use the point this 解读 interprets, e.g. <Tasks point="2021/18" />',
  });
}

/** A JSX element: an allowlisted component (with its own rules), never an HTML tag or another component. */
function visitElement(node: JsxElement, ctx: BodyContext): void {
  const line = node.position?.start.line;
  const name = node.name ?? '';
  if (/^[a-z]/.test(name)) htmlTag(ctx, line, name);
  else if (!isComponent(name)) {
    ctx.add('ZW-MDX-007', line, {
      zh: `未知组件 <${name}>：只能使用 ${ALLOWED_COMPONENTS.join('、')}`,
      en: `unknown component <${name}>: only ${ALLOWED_COMPONENTS.join(', ')} are allowed`,
      fix: `改用 Markdown 或允许的组件（${ALLOWED_COMPONENTS.join('、')}）；确需新组件，请先由开发人员加入 src/lib/jiedu/allowedComponents.ts / use Markdown or an allowed component; a new component must first be added to the allowlist by a developer`,
    });
  }
  const { strings, present } = checkAttributes(ctx, node);
  if (name === 'Figure') checkFigure(ctx, node, strings, present);
  if (name === 'Tasks') checkTasks(ctx, node, strings, present);
}

// ---- Raw HTML in Markdown ----

/**
 * HTML in Markdown: in a `.md` 解读 every tag, inline or block, is an html node (the MDX parser
 * makes none; handled all the same, so that a parser change cannot let HTML through). Every tag,
 * comment and doctype in it is reported at its own line, whatever the node starts with, so no
 * html node ever passes.
 */
function visitHtml(node: Html, ctx: BodyContext): void {
  const value = node.value;
  const start = node.position?.start.line ?? 1;
  // A tag left open at the end of the node is still a tag: the browser completes it with what follows.
  let tokens = htmlTokens(value);
  if (tokens.length === 0) tokens = htmlTokens(`${value}>`);
  if (tokens.length === 0) tokens = [{ kind: 'start', name: short(value.trim().replace(/^<\/?/, ''), 20) || 'html', line: 1 }];
  for (const token of tokens) {
    const line = start + token.line - 1;
    const key = `${line} ${token.kind === 'comment' ? '<!--' : token.name.toLowerCase()}`;
    if (ctx.reportedTags.has(key)) continue;
    ctx.reportedTags.add(key);
    if (token.kind === 'comment') {
      ctx.add('ZW-MDX-005', line, {
        zh: '解读中不能写 HTML 注释 <!-- -->：读者看不到，审核时容易漏看',
        en: 'HTML comments <!-- --> are not allowed in a 解读: readers never see them and reviewers miss them',
        fix: '删除注释；给审核人的说明写在拉取请求（PR）里 / delete the comment; put notes for reviewers in the pull request',
      });
    } else if (isComponent(token.name)) {
      const renamed = ctx.entry.file.replace(/\.md$/, '.mdx');
      ctx.add('ZW-MDX-006', line, {
        zh: `组件 <${token.name}> 只能用在 .mdx 文件中：这是 Markdown（.md）解读`,
        en: `the component <${token.name}> works in .mdx files only; this 解读 is Markdown (.md)`,
        fix: `把文件改名为 ${renamed} / rename the file to ${renamed}`,
      });
    } else htmlTag(ctx, line, token.name, token.kind === 'end');
  }
}

// ---- Code: ESM statements and expressions ----

/** `import` and `export`: a 解读 defines and loads nothing. */
function visitEsm(node: MdxjsEsm, ctx: BodyContext): void {
  const statement = node.value.trim();
  const first = short(statement.split('\n')[0]!, 50);
  const keyword = /^export\b/.test(statement) ? 'export' : 'import';
  ctx.add('ZW-MDX-002', node.position?.start.line, {
    zh: `不允许使用 ${keyword} 语句：${first}`,
    en: `${keyword} statements are not allowed: ${first}`,
    fix:
      keyword === 'import'
        ? `删除这一行：${ALLOWED_COMPONENTS.join('、')} 无需导入即可直接使用 / delete the line: ${ALLOWED_COMPONENTS.join(', ')} work without import`
        : '删除这一行：解读中不能定义变量或运行代码，数字和文字直接写在正文里 / delete the line: a 解读 cannot define variables or run code; write numbers and words in the text',
  });
}

/** `{…}` in the text: runs as code, unless it holds only comments. */
function visitExpression(node: MdxFlowExpression | MdxTextExpression, ctx: BodyContext): void {
  if (!ONLY_COMMENTS.test(node.value)) expression(ctx, node.position?.start.line, node.value);
}

// ---- Links and images in Markdown ----

/** A link or a definition: no script or inline URLs, and only the link schemes a reader can follow. */
function visitLink(node: Link | Definition, ctx: BodyContext): void {
  const line = node.position?.start.line;
  const scheme = urlScheme(node.url);
  if (scheme && DANGEROUS_SCHEMES.has(scheme)) dangerousUrl(ctx, line, node.url, scheme);
  else if (scheme && !LINK_SCHEMES.has(scheme)) {
    ctx.add('ZW-MDX-010', line, {
      zh: `链接的网址协议 ${scheme}: 不被允许：${short(node.url)}`,
      en: `links may not use ${scheme}: URLs: ${short(node.url)}`,
      fix: '只能链接 https://、http://、mailto:、tel: 或本站路径（如 /yaodian/2021/18/） / link to https://, http://, mailto:, tel: or a site path',
    });
  }
}

function visitImage(node: Image, ctx: BodyContext): void {
  const line = node.position?.start.line;
  if (!(node.alt ?? '').trim()) missingAlt(ctx, line, false);
  checkImage(ctx, line, node.url);
}

/** `![alt][id]`: the image its definition names (a dangerous definition is reported at the definition). */
function visitImageReference(node: ImageReference, ctx: BodyContext): void {
  const line = node.position?.start.line;
  if (!(node.alt ?? '').trim()) missingAlt(ctx, line, false);
  const url = ctx.definitions.get(node.identifier)?.url;
  if (url !== undefined && !DANGEROUS_SCHEMES.has(urlScheme(url) ?? '')) checkImage(ctx, line, url);
}

// ---- Headings ----

/** The text a heading shows, from which the page makes its id. */
function textOf(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  return 'children' in node ? node.children.map((child) => textOf(child as Nodes)).join('') : '';
}

/**
 * The page's title is its only `<h1>` (from `title`); a heading's id must not be one the layout
 * uses (`## main` would take the skip link's target, src/layouts/layoutIds.ts).
 */
function visitHeading(node: Heading, ctx: BodyContext): void {
  const line = node.position?.start.line;
  const text = textOf(node).trim();
  const id = ctx.slug(text);
  if (node.depth === 1) {
    ctx.add('ZW-MDX-022', line, {
      zh: `解读正文不能用一级标题“# ${short(text, 30)}”：页面标题（title 字段）已是唯一的一级标题`,
      en: `a 解读 body has no level-1 heading "# ${short(text, 30)}": the page title (the title field) is the page's only one`,
      fix: `改成二级标题“## ${short(text, 30)}”，或删除（标题写在 title 字段中） / make it a level-2 heading "## …", or remove it (the title goes in the title field)`,
    });
  }
  if (isLayoutId(id)) {
    ctx.add('ZW-MDX-023', line, {
      zh: `标题“${short(text, 30)}”的锚点是 #${id}，与页面本身的元素重名（跳到正文、阅读设置、搜索框等会跳到这个标题）`,
      en: `the heading "${short(text, 30)}" gets the anchor #${id}, an id the page itself uses (the skip link, reading settings or search box would lead to the heading)`,
      fix: '换一个标题文字，如加上中文说明 / reword the heading, e.g. add a Chinese word',
    });
  }
}

/** One visitor per kind of node a rule applies to; code and inline code have none (never flagged). */
const VISITORS: Visitors = {
  mdxjsEsm: visitEsm,
  mdxFlowExpression: visitExpression,
  mdxTextExpression: visitExpression,
  mdxJsxFlowElement: visitElement,
  mdxJsxTextElement: visitElement,
  html: visitHtml,
  link: visitLink,
  definition: visitLink,
  image: visitImage,
  imageReference: visitImageReference,
  heading: visitHeading,
};

function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) walk(child, visit);
}

/** The body's syntax tree, or the syntax error as a finding. */
function parse(entry: LoadedEntry, body: string, add: BodyContext['add']): Nodes | null {
  try {
    return entry.format === 'md' ? markdownToMdast(body) : mdxToMdast(body);
  } catch (e) {
    const message = String((e as Error).message ?? e);
    const m = /^(\d+):(\d+):\s*/.exec(message);
    const bodyLine = entry.bodyLine ?? 1;
    // Positions inside the message count from the body; show them as file lines.
    const text = message
      .replace(/^(\d+):(\d+):\s*/, '')
      .replace(/\s*\([\w-]+:[\w-]+\)\s*$/, '')
      .replace(/\((\d+):\d+\)/g, (_, l: string) => `(line ${bodyLine + Number(l) - 1})`);
    add('ZW-MDX-001', m ? Number(m[1]) : undefined, {
      zh: `MDX 语法错误：${text}`,
      en: `MDX syntax error: ${text}`,
      fix: '检查组件标签是否成对闭合（<Note>…</Note>）、属性值是否加了引号；正文里的 { } < 要写成 \\{ \\} \\<；HTML 注释 <!-- --> 不能用 / close every tag, quote attribute values, write a literal { } < as \\{ \\} \\<; HTML comments <!-- --> are not allowed',
    });
    return null;
  }
}

function checkBody(entry: LoadedEntry, body: string, root: string, points: Set<string>): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const bodyLine = entry.bodyLine ?? 1;
  const add: BodyContext['add'] = (code, line, message) =>
    issues.push(error({ code, file: entry.file, line: line === undefined ? bodyLine : bodyLine + line - 1, ...message }));
  const tree = parse(entry, body, add);
  if (!tree) return issues;
  const definitions = new Map<string, Definition>();
  walk(tree, (node) => {
    if (node.type === 'definition') definitions.set(node.identifier, node);
  });
  const ctx: BodyContext = { entry, body, root, points, definitions, reportedTags: new Set(), slug: headingSlugger(), add };
  walk(tree, (node) => (VISITORS[node.type] as ((node: Nodes, ctx: BodyContext) => void) | undefined)?.(node, ctx));
  return issues;
}
