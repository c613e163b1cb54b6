import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { imageSize as readImageSize } from 'image-size';
import { isLink, walkTree } from '../fileTree.ts';
import type { CheckCode } from './codes.ts';
import { extensionOf, IMAGE_EXTENSIONS, sniffType, TYPE_NAMES } from './fileTypes.ts';
import { error, type CheckIssue } from './issue.ts';

/**
 * `public/` is published as it is: Astro copies every file in it into the site, and the 查阅点
 * package ships them. What may be there:
 *
 * - no symbolic link, whatever it points to (the copy reads through it: `/etc/passwd` would be
 *   published);
 * - only the file types in `ALLOWED_TYPES`: pictures, an icon, plain text;
 * - HTML and SVG, which a browser runs when opened directly, only as the project's own files
 *   (`PROJECT_FILES`), and those without script, event handlers or outside references; nor the
 *   files the build writes itself (`robots.txt`), which a copy in `public/` would replace;
 * - files whose bytes are what their extension says (a `.png` that is a PNG).
 */

export const PUBLIC_DIR = 'public';

/** Extensions `public/` may hold, with what their bytes must be (`text`: UTF-8 text with no control characters). */
const ALLOWED_TYPES: Readonly<Record<string, 'png' | 'jpeg' | 'webp' | 'ico' | 'text'>> = { ...IMAGE_EXTENSIONS, ico: 'ico', txt: 'text' };

/** Types a browser runs as a document of the site when it opens the file: only the project writes these. */
const ACTIVE_TYPES = new Set(['html', 'htm', 'xhtml', 'shtml', 'svg', 'svgz', 'xml', 'xsl', 'xslt', 'mht', 'mhtml']);

/** The project's own files in `public/` (path below it): written by developers, reviewed as code. */
export const PROJECT_FILES: ReadonlySet<string> = new Set(['favicon.svg']);

/** Files the build writes into the site itself; a `public/` copy would replace or be replaced by them. */
const BUILD_FILES = new Set(['robots.txt', '_headers', 'rss.xml', 'sitemap-index.xml', 'sitemap-0.xml', '404.html', 'index.html']);

/** Elements an icon needs; anything else (script, foreignObject, a, image, animate, style…) is refused. */
const SVG_ELEMENTS = new Set([
  'svg',
  'g',
  'path',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'title',
  'desc',
  'defs',
  'lineargradient',
  'radialgradient',
  'stop',
  'clippath',
  'mask',
  'symbol',
  'use',
]);

type Message = Pick<CheckIssue, 'zh' | 'en' | 'fix'>;
type Add = (code: CheckCode, file: string, message: Message) => void;

/** Every rule for `public/`; `root` is the project folder. */
export function validatePublicFiles(root: string): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const add: Add = (code, file, message) => issues.push(error({ code, file, ...message }));
  const dir = join(root, PUBLIC_DIR);
  if (isLink(dir)) {
    symlink(add, PUBLIC_DIR);
    return issues;
  }
  const tree = walkTree(dir);
  for (const path of tree.links) symlink(add, `${PUBLIC_DIR}/${path}`);
  for (const path of tree.special) notAllowed(add, path, '');
  for (const path of tree.files) checkFile(add, dir, path);
  return issues;
}

function symlink(add: Add, file: string): void {
  add('ZW-PUBLIC-001', file, {
    zh: `${file} 是符号链接：构建会把它指向的文件（可能是本机上的任何文件）发布到网站上，无论它指向哪里都不允许`,
    en: `${file} is a symbolic link: the build would publish whatever it points to (any file on the machine), so no link is allowed wherever it points`,
    fix: `删除这个链接，把要发布的文件本身复制到 ${file}（git rm ${file}） / delete the link and copy the file itself to ${file} (git rm ${file})`,
  });
}

const allowedList = () => Object.keys(ALLOWED_TYPES).join('、');

function notAllowed(add: Add, path: string, ext: string): void {
  const file = `${PUBLIC_DIR}/${path}`;
  add('ZW-PUBLIC-002', file, {
    zh: `public/ 中不允许这种文件${ext ? `（.${ext}）` : '（没有扩展名或不是普通文件）'}：只能放 ${allowedList()} 文件：${file}`,
    en: `public/ may not hold this kind of file${ext ? ` (.${ext})` : ' (no extension, or not a regular file)'}: only ${Object.keys(ALLOWED_TYPES).join(', ')} files: ${file}`,
    fix: '删除该文件；图片另存为 PNG、JPEG 或 WebP 放到 public/images/；网页、脚本、文档不能放在 public/ 中，请链接到原网站 / delete it; save pictures as PNG, JPEG or WebP under public/images/; pages, scripts and documents do not belong in public/: link to where they are published',
  });
}

function projectOnly(add: Add, path: string, ext: string): void {
  const file = `${PUBLIC_DIR}/${path}`;
  const built = BUILD_FILES.has(path);
  add('ZW-PUBLIC-003', file, {
    zh: built
      ? `${file} 由网站构建自动生成，public/ 中不能再放同名文件`
      : `public/ 中的 .${ext} 文件只能是项目自带的文件（${[...PROJECT_FILES].join('、')}）：浏览器直接打开时会运行其中的脚本：${file}`,
    en: built
      ? `the build writes ${path} itself; public/ may not hold a file of that name`
      : `.${ext} files in public/ can only be the project's own (${[...PROJECT_FILES].join(', ')}): a browser runs their scripts when it opens them: ${file}`,
    fix: built
      ? `删除 ${file} / delete ${file}`
      : '删除该文件；图表请另存为 PNG 或 WebP，网页请链接到原网站；确需新增项目文件，请由开发人员加入 scripts/lib/check/validatePublicFiles.ts 的 PROJECT_FILES / delete it; save charts as PNG or WebP and link to pages where they are published; a new project file must be added to PROJECT_FILES by a developer',
  });
}

/** What a file's bytes are instead, in Chinese and English. */
type Found = [zh: string, en: string];

function wrongBytes(add: Add, path: string, ext: string, [foundZh, foundEn]: Found): void {
  const file = `${PUBLIC_DIR}/${path}`;
  const saveAs = (ALLOWED_TYPES[ext] === 'text' ? 'UTF-8' : TYPE_NAMES[ALLOWED_TYPES[ext] as keyof typeof TYPE_NAMES]) ?? ext;
  add('ZW-PUBLIC-004', file, {
    zh: `文件内容与扩展名 .${ext} 不符：${foundZh}：${file}`,
    en: `the file's content does not match its extension .${ext}: ${foundEn}: ${file}`,
    fix: `用图片或文字编辑器把它另存为真正的 ${saveAs} 文件，或改成与内容相符的扩展名 / re-save it as a real ${saveAs} file, or give it the extension its content has`,
  });
}

/** One file of `public/`: an allowed type, HTML or SVG only as the project's own, bytes that match. */
function checkFile(add: Add, dir: string, path: string): void {
  const ext = extensionOf(path);
  if (BUILD_FILES.has(path)) return projectOnly(add, path, ext);
  if (ACTIVE_TYPES.has(ext)) {
    if (!PROJECT_FILES.has(path)) return projectOnly(add, path, ext);
    if (ext === 'svg') checkProjectSvg(add, path, readFileSync(join(dir, path)));
    return;
  }
  const expected = ALLOWED_TYPES[ext];
  if (!expected) return notAllowed(add, path, ext);
  const bytes = readFileSync(join(dir, path));
  const found = expected === 'text' ? textProblem(bytes) : imageProblem(bytes, expected);
  if (found) wrongBytes(add, path, ext, found);
}

/** What is wrong with a file that should be an image of `expected` type, or null. */
function imageProblem(bytes: Uint8Array, expected: 'png' | 'jpeg' | 'webp' | 'ico'): Found | null {
  const sniffed = sniffType(bytes);
  if (sniffed === expected) return expected === 'ico' || readsSize(bytes) ? null : damaged(TYPE_NAMES[expected]);
  if (sniffed) return [`内容是 ${TYPE_NAMES[sniffed]} 图片`, `it is a ${TYPE_NAMES[sniffed]} image`];
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 64)).trimStart();
  return head.startsWith('<') ? ['内容是 HTML 或 XML 文本', 'it is HTML or XML text'] : ['内容不是图片', 'it is not an image'];
}

const damaged = (name: string): Found => [`${name} 文件已损坏，读不出尺寸`, `the ${name} file is damaged: no size can be read`];

function readsSize(bytes: Uint8Array): boolean {
  try {
    readImageSize(bytes);
    return true;
  } catch {
    return false;
  }
}

/** What is wrong with a file that should be plain UTF-8 text, or null. */
function textProblem(bytes: Uint8Array): Found | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return ['不是 UTF-8 文本', 'it is not UTF-8 text'];
  }
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(text);
  if (!control) return null;
  const codePoint = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return [`含有控制字符 ${codePoint}`, `it holds the control character ${codePoint}`];
}

/**
 * A project-owned SVG, which a browser runs as a document when it is opened directly: well-formed
 * XML of the shapes an icon needs, with no script, event handler, processing instruction (an XSLT
 * stylesheet runs too), DTD, or reference outside the file.
 */
export function svgProblems(text: string): string[] {
  const problems: string[] = [];
  if (XMLValidator.validate(text) !== true) return ['XML'];
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) problems.push('<!DOCTYPE>');
  const body = text.replace(/^\uFEFF?\s*<\?xml\s[^?]*\?>/, '');
  for (const [, target] of body.matchAll(/<\?([^\s?>]*)/g)) problems.push(`<?${target}>`);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    allowBooleanAttributes: true,
    processEntities: false,
    ignoreDeclaration: true,
  });
  const visit = (nodes: unknown[]) => {
    for (const node of nodes as Record<string, unknown>[]) {
      const name = Object.keys(node).find((k) => k !== ':@');
      if (!name || name === '#text' || name === '#comment') continue;
      if (!SVG_ELEMENTS.has(name.toLowerCase())) problems.push(`<${name}>`);
      for (const [attribute, value] of Object.entries((node[':@'] ?? {}) as Record<string, unknown>)) {
        const v = String(value).trim();
        if (/^on/i.test(attribute)) problems.push(`${attribute}=`);
        else if (/(^|:)href$/i.test(attribute) && !v.startsWith('#')) problems.push(`${attribute}="${v.slice(0, 40)}"`);
        else if (/url\(\s*['"]?(?!#)/i.test(v) || /^(?:java|vb)script:|^data:/i.test(v.replace(/\s/g, '')))
          problems.push(`${attribute}="${v.slice(0, 40)}"`);
      }
      visit(node[name] as unknown[]);
    }
  };
  visit(parser.parse(text) as unknown[]);
  return problems;
}

function checkProjectSvg(add: Add, path: string, bytes: Uint8Array): void {
  const file = `${PUBLIC_DIR}/${path}`;
  let problems: string[];
  try {
    problems = svgProblems(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    problems = ['UTF-8'];
  }
  if (!problems.length) return;
  const unique = [...new Set(problems)];
  add('ZW-PUBLIC-005', file, {
    zh: `SVG 含有脚本、事件属性或外部引用（或不是格式正确的 UTF-8 XML）：${unique.join('、')}：${file}`,
    en: `the SVG holds script, event handlers or outside references (or is not well-formed UTF-8 XML): ${unique.join(', ')}: ${file}`,
    fix: '删除这些元素和属性；图标只用 svg、g、path、rect、circle 等形状，链接只能指向本文件内的 #id / remove them: an icon uses only shapes (svg, g, path, rect, circle…), and references only #ids inside the file',
  });
}
