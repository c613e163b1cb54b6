/**
 * The build stamp: a hash of every source that decides what `npm run build` writes, recorded when
 * a build replaces `dist/`. The browser and build-output tests compare it with the sources as they
 * are, so they never pass or fail on a `dist/` that an older build left.
 *
 * The stamp lives in `.tmp/`, not in `dist/`: what `dist/` holds is published (the web server,
 * the 查阅点 package, the sitemap and search index tests that list it).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isLink, walkTree } from '../fileTree.ts';

/**
 * What the built site is made from, relative to the project root: a folder stands for every file
 * below it; an entry a project does not have adds nothing. `seeds/` is not here:
 * `npm run import` turns a seed into `src/content`, and only that is built.
 */
export const BUILD_INPUTS = [
  'src',
  'public',
  'astro.config.mjs',
  'site.config.mjs',
  'tsconfig.json',
  'package-lock.json',
  'scripts/build.ts',
  'scripts/lib',
] as const;

/** Where `npm run build` records the stamp of the `dist/` it wrote, relative to the project root. */
export const BUILD_STAMP = '.tmp/build-stamp.json';

export interface BuildStamp {
  /** SHA-256 over the input files' paths and contents ({@link hashFiles}). */
  sources: string;
  files: number;
}

/**
 * The regular files of `inputs` (files or folders, relative to `root`) that exist, as sorted `/`
 * paths. Symbolic links are left out and never followed (a committed `public/all -> /` would
 * otherwise walk the whole disk before the check could refuse it).
 */
export function inputFiles(root: string, inputs: readonly string[] = BUILD_INPUTS): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    const full = join(root, input);
    if (!existsSync(full) || isLink(full)) continue;
    if (!statSync(full).isDirectory()) files.push(input);
    else files.push(...walkTree(full).files.map((path) => `${input}/${path}`));
  }
  return [...new Set(files)].sort();
}

/**
 * SHA-256 over each file's path and the hash of its content, in path order: the same files give
 * the same hash whatever order they are listed in; an edit, a new, removed or renamed file changes it.
 */
export function hashFiles(root: string, files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of [...new Set(files)].sort()) {
    hash.update(
      `${file}\0${createHash('sha256')
        .update(readFileSync(join(root, file)))
        .digest('hex')}\n`,
    );
  }
  return hash.digest('hex');
}

/** The stamp the sources under `root` have now. */
export function currentStamp(root: string): BuildStamp {
  const files = inputFiles(root);
  return { sources: hashFiles(root, files), files: files.length };
}

/** Forgets the stamp: `dist/` is about to change. */
export function clearBuildStamp(root: string): void {
  rmSync(join(root, BUILD_STAMP), { force: true });
}

export function writeBuildStamp(root: string, stamp: BuildStamp): void {
  const file = join(root, BUILD_STAMP);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(stamp, null, 2)}\n`);
}

/** Why `dist/` under `root` does not show the sources as they are now, or null when it does. */
export function staleDistReason(root: string): string | null {
  const fix = 'run npm run build / 请先运行 npm run build';
  if (!existsSync(join(root, 'dist', 'index.html'))) return `dist/ is stale or missing: ${fix} (dist/index.html 不存在 / does not exist)`;
  const file = join(root, BUILD_STAMP);
  if (!existsSync(file))
    return `dist/ is stale or missing: ${fix} (${BUILD_STAMP} 不存在：dist/ 不是 npm run build 写的 / not written by npm run build)`;
  let built: Partial<BuildStamp> = {};
  try {
    built = JSON.parse(readFileSync(file, 'utf8')) as BuildStamp;
  } catch {
    // An unreadable stamp vouches for nothing: the sources comparison below fails.
  }
  if (built.sources !== currentStamp(root).sources) {
    return `dist/ is stale or missing: ${fix} (源文件在构建后有改动 / sources changed since the build: ${BUILD_INPUTS.join(', ')})`;
  }
  return null;
}
