import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, extname, resolve, sep } from 'node:path';
import { error, type CheckIssue } from './issue.ts';
import type { LoadedEntry } from './loadEntries.ts';
import { imageSize } from './validateMdxSafety.ts';

/** The formats a hand-made 图解 may be, by file extension: those Astro's image pipeline turns into AVIF and WebP. */
const FORMAT_OF_EXTENSION: Record<string, 'png' | 'jpeg' | 'webp'> = { '.png': 'png', '.jpg': 'jpeg', '.jpeg': 'jpeg', '.webp': 'webp' };

type Message = Pick<CheckIssue, 'code' | 'zh' | 'en' | 'fix'>;

/** Where `image` points, when it is a relative path inside the entry's own folder; null otherwise. */
function insideEntryFolder(root: string, entryFile: string, image: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:|^[/\\]|\\/i.test(image)) return null;
  const folder = resolve(root, dirname(entryFile));
  const path = resolve(folder, image);
  if (!path.startsWith(folder + sep)) return null;
  // A folder on the way that is a symbolic link leads elsewhere too.
  try {
    const [real, base] = [realpathSync(dirname(path)), realpathSync(folder)];
    return real === base || real.startsWith(base + sep) ? path : null;
  } catch {
    return path; // a missing folder: the file is reported missing
  }
}

/** What is wrong with a hand-made 图解's `image`, or null: the build would fail or publish a file from elsewhere. */
function imageProblem(root: string, entryFile: string, image: string): Message | null {
  const shown = image.length > 60 ? `${image.slice(0, 60)}…` : image;
  const path = insideEntryFolder(root, entryFile, image);
  if (!path) {
    return {
      code: 'ZW-JIEDU-010',
      zh: `图解图片须放在图解文件所在的文件夹中，写成 ./文件名：${shown}`,
      en: `a 图解 image lives in the entry's own folder and is written ./<file>: ${shown}`,
      fix: `把图片放到 ${dirname(entryFile)}/ 下，写成 image: ./${entryFile
        .split('/')
        .at(-1)!
        .replace(/\.yaml$/, '')}.png / put the image beside the entry and write image: ./<file>.png`,
    };
  }
  const stat = (() => {
    try {
      return lstatSync(path);
    } catch {
      return null;
    }
  })();
  if (!stat?.isFile()) {
    return {
      code: 'ZW-JIEDU-011',
      zh: `图解图片文件不存在${stat?.isSymbolicLink() ? '（这是一个符号链接，不是文件）' : ''}：${shown}`,
      en: `the 图解 image file is missing${stat?.isSymbolicLink() ? ' (it is a symbolic link, not a file)' : ''}: ${shown}`,
      fix: '把图片文件放到图解文件旁边，或更正路径（区分大小写） / add the image file beside the entry, or correct the path (case-sensitive)',
    };
  }
  const expected = FORMAT_OF_EXTENSION[extname(path).toLowerCase()];
  const actual = imageSize(readFileSync(path))?.format;
  if (!expected || actual !== expected) {
    return {
      code: 'ZW-JIEDU-012',
      zh: expected
        ? `图解图片的内容不是扩展名所说的 ${expected.toUpperCase()} 图片：${shown}`
        : `图解图片格式不支持：只能用 PNG、JPEG 或 WebP（SVG、GIF 等不可用）：${shown}`,
      en: expected
        ? `the 图解 image's bytes are not the ${expected.toUpperCase()} its extension says: ${shown}`
        : `unsupported 图解 image format: use PNG, JPEG or WebP (not SVG or GIF): ${shown}`,
      fix: '用图片软件另存为 PNG、JPEG 或 WebP，扩展名与格式一致 / save it as PNG, JPEG or WebP with the matching extension',
    };
  }
  return null;
}

/**
 * A hand-made 图解 (`kind: image`) names an image beside its entry, which Astro's `image()` reads
 * and its image pipeline resizes. A path that leaves the folder, a missing file, an SVG or bytes
 * that are not the image the extension says all failed the build with a stack trace and no file;
 * they are refused here with the entry's line.
 */
export function validateTujieImages(entries: LoadedEntry[], root: string): CheckIssue[] {
  const issues: CheckIssue[] = [];
  for (const entry of entries.filter((e) => e.collection === 'tujie')) {
    const data = (entry.data ?? {}) as Record<string, unknown>;
    if (data.kind !== 'image' || typeof data.image !== 'string' || !data.image) continue;
    const problem = imageProblem(root, entry.file, data.image);
    if (problem) issues.push(error({ file: entry.file, line: entry.lineOf(['image']), field: 'image', ...problem }));
  }
  return issues;
}
