/**
 * Temporary projects, under `os.tmpdir()`: a copy of this project with other content (a benchmark
 * run's synthetic archive, an e2e test's fixtures), and the benchmark's bare Astro baseline.
 * Nothing is written to the project.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative } from 'node:path';

/** What the site build needs from the project; `src/content` is replaced by the synthetic archive. */
const PROJECT_FILES = ['package.json', 'astro.config.mjs', 'site.config.mjs', 'tsconfig.json', 'src', 'scripts', 'public'];

/** Caches that tools create inside node_modules; a workspace gets its own, empty ones. */
const NODE_MODULES_CACHES = new Set(['.astro', '.vite', '.cache', '.vitest']);

export function createRunFolder(): string {
  return mkdtempSync(join(tmpdir(), 'zwgk-bench-'));
}

export function removeRunFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}

/**
 * `node_modules` as a real folder whose entries are symlinks to the project's packages.
 * Linking the folder itself would also share `node_modules/.astro` and `.vite` (Astro's and
 * Vite's caches) with the project and between runs: a benchmark would then measure a warm cache,
 * and write into the developer's tree.
 */
export function linkNodeModules(projectRoot: string, target: string): void {
  const source = join(projectRoot, 'node_modules');
  const dest = join(target, 'node_modules');
  mkdirSync(dest, { recursive: true });
  for (const name of readdirSync(source)) {
    if (NODE_MODULES_CACHES.has(name)) continue;
    symlinkSync(join(source, name), join(dest, name));
  }
}

export function writeFiles(root: string, files: Map<string, string>): void {
  for (const [path, text] of files) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text, 'utf8');
  }
}

/** A copy of the project at `target` with `content` (project-relative paths) as its `src/content`. */
export function createSiteWorkspace(projectRoot: string, target: string, content: Map<string, string>): void {
  mkdirSync(target, { recursive: true });
  const contentDir = join(projectRoot, 'src', 'content');
  const outsideContent = (from: string): boolean => {
    const rel = relative(contentDir, from);
    return rel.startsWith('..') || isAbsolute(rel);
  };
  for (const name of PROJECT_FILES.filter((n) => existsSync(join(projectRoot, n)))) {
    cpSync(join(projectRoot, name), join(target, name), { recursive: true, filter: outsideContent });
  }
  linkNodeModules(projectRoot, target);
  writeFiles(target, content);
}

/** The project's own content entries (`src/content/**` YAML and MDX), keyed as createSiteWorkspace expects. */
export function projectContent(projectRoot: string): Map<string, string> {
  const dir = join(projectRoot, 'src', 'content');
  const content = new Map<string, string>();
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (/\.(ya?ml|mdx)$/.test(f)) content.set(join('src/content', f), readFileSync(join(dir, f), 'utf8'));
  }
  return content;
}
