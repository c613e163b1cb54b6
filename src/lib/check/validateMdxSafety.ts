import { readFileSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { ALLOWED_COMPONENTS } from '../jiedu/allowedComponents.ts';
import { DANGEROUS_SCHEMES, LINK_SCHEMES, urlScheme } from '../jiedu/urls.ts';
import { htmlTokens } from './htmlTags.ts';
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
const EMBEDDING_TAGS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'style', 'link', 'meta', 'base', 'form', 'input', 'button', 'textarea', 'select', 'svg', 'math', 'video', 'audio', 'source', 'template', 'portal']);
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

interface Position {
  start: { line: number; offset?: number };
  end: { line: number; offset?: number };
}
interface Attribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | null | { type: string; value: string };
}
interface Node {
  type: string;
  position?: Position;
  children?: Node[];
  name?: string | null;
  attributes?: Attribute[];
  value?: unknown;
  url?: string;
  alt?: string | null;
  identifier?: string;
}

const short = (s: string, n = 40) => (s.length > n ? `${s.slice(0, n)}…` : s);
/** `{/* … *\/}` with nothing else: an MDX comment, which runs nothing. */
const ONLY_COMMENTS = /^\s*(?:\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\/\s*)+$/;

/** Pixel size read from a PNG, JPEG or WebP header, as sharp's metadata reports it; null for other formats. */
export function imageSize(bytes: Uint8Array): { format: 'png' | 'jpeg' | 'webp'; width: number; height: number } | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 24 && b.readUInt32BE(0) === 0x89504e47 && b.toString('latin1', 12, 16) === 'IHDR') {
    return { format: 'png', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return null;
      const marker = b[i + 1]!;
      if (marker === 0xff) {
        i++;
        continue;
      }
      if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
        i += 2;
        continue;
      }
      // Start-of-frame markers (not DHT C4, JPG C8, DAC CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { format: 'jpeg', height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
      }
      i += 2 + b.readUInt16BE(i + 2);
    }
    return null;
  }
  if (b.length >= 30 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') {
    const chunk = b.toString('latin1', 12, 16);
    if (chunk === 'VP8 ') return { format: 'webp', width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
    if (chunk === 'VP8L') {
      const bits = b.readUInt32LE(21);
      return { format: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    if (chunk === 'VP8X') return { format: 'webp', width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
  }
  return null;
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
    issues.push(...checkBody(entry, entry.body, entry.bodyLine ?? 1, root, points));
  }
  return issues;
}

function checkBody(entry: LoadedEntry, body: string, bodyLine: number, root: string, points: Set<string>): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const at = (line: number | undefined) => (line === undefined ? bodyLine : bodyLine + line - 1);
  const add = (line: number | undefined, text: { zh: string; en: string; fix: string }) => issues.push(error({ file: entry.file, line: at(line), ...text }));

  let tree: Node;
  try {
    tree = (entry.format === 'md' ? markdownToMdast(body) : mdxToMdast(body)) as unknown as Node;
  } catch (e) {
    const message = String((e as Error).message ?? e);
    const m = /^(\d+):(\d+):\s*/.exec(message);
    // Positions inside the message count from the body; show them as file lines.
    const text = message
      .replace(/^(\d+):(\d+):\s*/, '')
      .replace(/\s*\([\w-]+:[\w-]+\)\s*$/, '')
      .replace(/\((\d+):\d+\)/g, (_, l: string) => `(line ${at(Number(l))})`);
    add(m ? Number(m[1]) : undefined, {
      zh: `MDX 语法错误：${text}`,
      en: `MDX syntax error: ${text}`,
      fix: '检查组件标签是否成对闭合（<Note>…</Note>）、属性值是否加了引号；正文里的 { } < 要写成 \\{ \\} \\<；HTML 注释 <!-- --> 不能用 / close every tag, quote attribute values, write a literal { } < as \\{ \\} \\<; HTML comments <!-- --> are not allowed',
    });
    return issues;
  }

  /** File line of an attribute inside an element: found in the element's own source text. */
  const attributeLine = (node: Node, name: string): number | undefined => {
    const start = node.position?.start;
    if (start?.offset === undefined) return start?.line;
    const tagSource = body.slice(start.offset, node.position!.end.offset);
    const found = new RegExp(`\\s${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[\\s=/>])`).exec(tagSource);
    return found ? start.line + tagSource.slice(0, found.index + 1).split('\n').length - 1 : start.line;
  };

  const definitions = new Map<string, Node>();
  const collect = (node: Node) => {
    if (node.type === 'definition' && node.identifier) definitions.set(node.identifier, node);
    node.children?.forEach(collect);
  };
  collect(tree);

  const dangerousUrl = (line: number | undefined, url: string, scheme: string) =>
    add(line, {
      zh: `不允许使用 ${scheme}: 网址（会执行脚本或嵌入未经审核的内容）：${short(url)}`,
      en: `${scheme}: URLs are not allowed (they run script or embed unreviewed content): ${short(url)}`,
      fix: '链接改用 https:// 网址或本站路径（如 /yaodian/2021/18/）；图片放到 public/images/ 后用 /images/文件名 引用 / link to an https:// address or a site path; put images in public/images/ and use /images/<file>',
    });

  const expression = (line: number | undefined, value: string) =>
    add(line, {
      zh: `不允许使用 JSX 表达式 {${short(value.trim(), 30)}}：大括号里的内容会作为代码运行`,
      en: `JSX expression {${short(value.trim(), 30)}} is not allowed: text in braces runs as code`,
      fix: '删除大括号，直接写文字；要显示花括号本身，写成 \\{ 和 \\}（Figure 的 width、height 可写数字，如 width={800}） / remove the braces; write a literal brace as \\{ or \\} (Figure width and height take a number, e.g. width={800})',
    });

  /** Rules shared by Markdown images and `<Figure>`: no remote or inline images; local files exist, are small and not too wide. */
  const checkImage = (line: number | undefined, url: string, figure?: { width?: string; height?: string; widthLine?: number }) => {
    const scheme = urlScheme(url);
    if (scheme && DANGEROUS_SCHEMES.has(scheme)) return dangerousUrl(line, url, scheme);
    if (scheme || url.startsWith('//')) {
      return add(line, {
        zh: `不允许引用外部图片：${short(url, 60)}`,
        en: `remote images are not allowed: ${short(url, 60)}`,
        fix: '把图片保存到 public/images/（不超过 500 KB），用 /images/文件名 引用 / save the image under public/images/ (at most 500 KB) and use /images/<file>',
      });
    }
    if (!url.startsWith('/')) {
      return add(line, {
        zh: `图片路径须以 / 开头，指向 public/ 下的文件：${short(url, 60)}`,
        en: `an image path must start with / and name a file under public/: ${short(url, 60)}`,
        fix: '把图片放到 public/images/，写成 /images/文件名.png / put the image in public/images/ and write /images/<file>.png',
      });
    }
    const publicDir = resolve(root, 'public');
    let path: string;
    try {
      path = resolve(publicDir, `.${decodeURIComponent(url.replace(/[?#].*$/, ''))}`);
    } catch {
      path = '';
    }
    const shown = `public${url.replace(/[?#].*$/, '')}`;
    let size = -1;
    try {
      if (path.startsWith(publicDir + sep)) {
        const stat = statSync(path);
        if (stat.isFile()) size = stat.size;
      }
    } catch {
      // reported below
    }
    if (size < 0) {
      return add(line, {
        zh: `图片文件不存在：${shown}`,
        en: `image file not found: ${shown}`,
        fix: `把图片放到 ${shown}，或更正路径（区分大小写） / add the file ${shown} or correct the path (case-sensitive)`,
      });
    }
    if (size > MAX_IMAGE_BYTES) {
      return add(line, {
        zh: `图片文件过大：${Math.ceil(size / 1024)} KB（上限 ${MAX_IMAGE_BYTES / 1024} KB）：${shown}`,
        en: `the image file is too large: ${Math.ceil(size / 1024)} KB (limit ${MAX_IMAGE_BYTES / 1024} KB): ${shown}`,
        fix: '压缩图片、缩小尺寸（宽度 2000 像素以内即可），或另存为 WebP / compress or resize the image (2000 px wide is plenty), or save it as WebP',
      });
    }
    const dims = imageSize(readFileSync(path));
    if (!dims) {
      return add(line, {
        zh: `图片格式不支持：只能用 PNG、JPEG 或 WebP：${shown}`,
        en: `unsupported image format: use PNG, JPEG or WebP: ${shown}`,
        fix: '另存为 PNG、JPEG 或 WebP（SVG、GIF 等不可用） / save it as PNG, JPEG or WebP (not SVG or GIF)',
      });
    }
    if (dims.width > MAX_IMAGE_WIDTH) {
      add(line, {
        zh: `图片过宽：${dims.width} 像素（上限 ${MAX_IMAGE_WIDTH} 像素）：${shown}`,
        en: `the image is too wide: ${dims.width} px (limit ${MAX_IMAGE_WIDTH} px): ${shown}`,
        fix: '把图片缩小到 4000 像素宽以内（网页显示 2000 像素已足够） / resize it to at most 4000 px wide (2000 px is plenty on a page)',
      });
    }
    if (figure) {
      const given = `${figure.width ?? '?'}×${figure.height ?? '?'}`;
      if (figure.width === undefined || figure.height === undefined) {
        add(figure.widthLine ?? line, {
          zh: `<Figure> 缺少 width 或 height：图片实际为 ${dims.width}×${dims.height} 像素`,
          en: `<Figure> needs width and height: the image is ${dims.width}×${dims.height} px`,
          fix: `添加 width={${dims.width}} height={${dims.height}} / add width={${dims.width}} height={${dims.height}}`,
        });
      } else if (Number(figure.width) !== dims.width || Number(figure.height) !== dims.height) {
        add(figure.widthLine ?? line, {
          zh: `<Figure> 的 width、height（${given}）与图片实际尺寸 ${dims.width}×${dims.height} 像素不符`,
          en: `<Figure> width and height (${given}) do not match the image, ${dims.width}×${dims.height} px`,
          fix: `改为 width={${dims.width}} height={${dims.height}}（页面会按屏幕宽度自动缩放） / set width={${dims.width}} height={${dims.height}} (the page scales it to the screen)`,
        });
      }
    }
  };

  const htmlTag = (line: number | undefined, name: string, closing = false) => {
    const tag = name.toLowerCase();
    const instead = MARKDOWN_FOR[tag];
    const shown = closing ? `/${name}` : name;
    add(line, {
      zh: `不允许使用 HTML 标签 <${shown}>：解读只能用 Markdown 和 ${ALLOWED_COMPONENTS.join('、')} 组件`,
      en: `HTML tag <${shown}> is not allowed: a 解读 uses Markdown and the components ${ALLOWED_COMPONENTS.join(', ')} only`,
      fix: EMBEDDING_TAGS.has(tag)
        ? '删除该标签：解读中不能嵌入脚本、样式、框架、表单或外部内容；视频、网页请用 [文字](https://…) 链接 / remove it: a 解读 cannot embed scripts, styles, frames, forms or outside content; link to videos and pages with [text](https://…)'
        : instead
          ? `改用 Markdown：${instead[0]} / use Markdown instead: ${instead[1]}`
          : '删除该标签，直接写文字 / remove the tag and keep the text',
    });
  };

  const componentInMarkdown = (line: number | undefined, name: string) =>
    add(line, {
      zh: `组件 <${name}> 只能用在 .mdx 文件中：这是 Markdown（.md）解读`,
      en: `the component <${name}> works in .mdx files only; this 解读 is Markdown (.md)`,
      fix: `把文件改名为 ${entry.file.replace(/\.md$/, '.mdx')} / rename the file to ${entry.file.replace(/\.md$/, '.mdx')}`,
    });

  const htmlComment = (line: number | undefined) =>
    add(line, {
      zh: '解读中不能写 HTML 注释 <!-- -->：读者看不到，审核时容易漏看',
      en: 'HTML comments <!-- --> are not allowed in a 解读: readers never see them and reviewers miss them',
      fix: '删除注释；给审核人的说明写在拉取请求（PR）里 / delete the comment; put notes for reviewers in the pull request',
    });

  const missingAlt = (line: number | undefined, figure: boolean) =>
    add(line, {
      zh: '图片缺少替代文字（alt）：看不见图片的读者无法知道它的内容',
      en: 'the image has no alt text: readers who cannot see it learn nothing',
      fix: figure
        ? '添加 alt="…"，用一句话说明图片内容 / add alt="…", one sentence saying what the image shows'
        : '在 ![ ] 的方括号里用一句话说明图片内容，如 ![2021 年图解覆盖情况](/images/tujie.png) / describe the image inside the brackets',
    });

  /** Tags already reported, by line: `<b>…</b>` on one line is one finding. */
  const reportedTags = new Set<string>();
  /**
   * HTML in Markdown: in a `.md` 解读 every tag, inline or block, is an html node (the MDX parser
   * makes none; handled all the same, so that a parser change cannot let HTML through). Every tag,
   * comment and doctype in it is reported at its own line, whatever the node starts with, so no
   * html node ever passes.
   */
  const markdownHtml = (node: Node) => {
    const value = String(node.value ?? '');
    const start = node.position?.start.line ?? 1;
    // A tag left open at the end of the node is still a tag: the browser completes it with what follows.
    let tokens = htmlTokens(value);
    if (tokens.length === 0) tokens = htmlTokens(`${value}>`);
    if (tokens.length === 0) tokens = [{ kind: 'start', name: short(value.trim().replace(/^<\/?/, ''), 20) || 'html', line: 1 }];
    for (const token of tokens) {
      const line = start + token.line - 1;
      const key = `${line} ${token.kind === 'comment' ? '<!--' : token.name.toLowerCase()}`;
      if (reportedTags.has(key)) continue;
      reportedTags.add(key);
      if (token.kind === 'comment') htmlComment(line);
      else if ((ALLOWED_COMPONENTS as readonly string[]).includes(token.name)) componentInMarkdown(line, token.name);
      else htmlTag(line, token.name, token.kind === 'end');
    }
  };

  const checkElement = (node: Node) => {
    const line = node.position?.start.line;
    const name = node.name ?? '';
    const attributes = node.attributes ?? [];
    if (/^[a-z]/.test(name)) htmlTag(line, name);
    else if (!(ALLOWED_COMPONENTS as readonly string[]).includes(name)) {
      add(line, {
        zh: `未知组件 <${name}>：只能使用 ${ALLOWED_COMPONENTS.join('、')}`,
        en: `unknown component <${name}>: only ${ALLOWED_COMPONENTS.join(', ')} are allowed`,
        fix: `改用 Markdown 或允许的组件（${ALLOWED_COMPONENTS.join('、')}）；确需新组件，请先由开发人员加入 src/lib/jiedu/allowedComponents.ts / use Markdown or an allowed component; a new component must first be added to the allowlist by a developer`,
      });
    }

    const strings = new Map<string, string>();
    /** Attributes written as expressions: already reported, not reported again as missing. */
    const present = new Set(attributes.map((a) => a.name ?? ''));
    for (const attribute of attributes) {
      if (attribute.type === 'mdxJsxExpressionAttribute') {
        expression(line, String(attribute.value ?? ''));
        continue;
      }
      const attrName = attribute.name ?? '';
      const attrLine = attributeLine(node, attrName);
      if (/^on/i.test(attrName)) {
        add(attrLine, {
          zh: `不允许使用事件属性 ${attrName}（会执行脚本）`,
          en: `event-handler attribute ${attrName} is not allowed (it runs script)`,
          fix: `删除 ${attrName}=… / remove ${attrName}=…`,
        });
        continue;
      }
      const value = attribute.value;
      if (value && typeof value === 'object') {
        const numeric = name === 'Figure' && (attrName === 'width' || attrName === 'height') && /^\s*\d+\s*$/.test(value.value);
        if (numeric) strings.set(attrName, value.value.trim());
        else expression(attrLine, value.value);
        continue;
      }
      if (typeof value === 'string') {
        strings.set(attrName, value);
        const scheme = urlScheme(value);
        if (scheme && DANGEROUS_SCHEMES.has(scheme)) dangerousUrl(attrLine, value, scheme);
      }
    }

    if (name === 'Figure') {
      const src = strings.get('src');
      if (!(strings.get('alt') ?? '').trim()) missingAlt(line, true);
      if (!present.has('src') || (src !== undefined && !src.trim())) {
        add(line, {
          zh: '<Figure> 缺少 src',
          en: '<Figure> has no src',
          fix: '添加 src="/images/文件名.png"（文件放在 public/images/） / add src="/images/<file>.png" (the file goes in public/images/)',
        });
      } else if (src !== undefined && !DANGEROUS_SCHEMES.has(urlScheme(src) ?? '')) {
        checkImage(attributeLine(node, 'src'), src.trim(), { width: strings.get('width'), height: strings.get('height'), widthLine: attributeLine(node, 'width') });
      }
    }
    if (name === 'Tasks') {
      const point = strings.get('point');
      if (!present.has('point') || (point !== undefined && !points.has(point))) {
        add(attributeLine(node, 'point'), {
          zh: point ? `<Tasks point="${point}" />：要点 ${point} 不存在` : '<Tasks /> 缺少 point',
          en: point ? `<Tasks point="${point}" />: point ${point} does not exist` : '<Tasks /> has no point',
          fix: '写成本解读所解读的要点，如 <Tasks point="2021/18" /> / use the point this 解读 interprets, e.g. <Tasks point="2021/18" />',
        });
      }
    }
  };

  const visit = (node: Node) => {
    const line = node.position?.start.line;
    switch (node.type) {
      case 'mdxjsEsm': {
        const statement = String(node.value ?? '').trim();
        const keyword = /^export\b/.test(statement) ? 'export' : 'import';
        add(line, {
          zh: `不允许使用 ${keyword} 语句：${short(statement.split('\n')[0]!, 50)}`,
          en: `${keyword} statements are not allowed: ${short(statement.split('\n')[0]!, 50)}`,
          fix:
            keyword === 'import'
              ? `删除这一行：${ALLOWED_COMPONENTS.join('、')} 无需导入即可直接使用 / delete the line: ${ALLOWED_COMPONENTS.join(', ')} work without import`
              : '删除这一行：解读中不能定义变量或运行代码，数字和文字直接写在正文里 / delete the line: a 解读 cannot define variables or run code; write numbers and words in the text',
        });
        return;
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!ONLY_COMMENTS.test(String(node.value ?? ''))) expression(line, String(node.value ?? ''));
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node);
        break;
      case 'html':
        markdownHtml(node);
        return;
      case 'link':
      case 'definition': {
        const scheme = urlScheme(node.url ?? '');
        if (scheme && DANGEROUS_SCHEMES.has(scheme)) dangerousUrl(line, node.url!, scheme);
        else if (scheme && !LINK_SCHEMES.has(scheme)) {
          add(line, {
            zh: `链接的网址协议 ${scheme}: 不被允许：${short(node.url!)}`,
            en: `links may not use ${scheme}: URLs: ${short(node.url!)}`,
            fix: '只能链接 https://、http://、mailto:、tel: 或本站路径（如 /yaodian/2021/18/） / link to https://, http://, mailto:, tel: or a site path',
          });
        }
        break;
      }
      case 'image':
        if (!(node.alt ?? '').trim()) missingAlt(line, false);
        checkImage(line, node.url ?? '');
        return;
      case 'imageReference': {
        if (!(node.alt ?? '').trim()) missingAlt(line, false);
        const definition = definitions.get(node.identifier ?? '');
        // A dangerous definition is reported at the definition itself.
        if (definition?.url !== undefined && !DANGEROUS_SCHEMES.has(urlScheme(definition.url) ?? '')) checkImage(line, definition.url);
        return;
      }
      case 'code':
      case 'inlineCode':
        return;
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return issues;
}
