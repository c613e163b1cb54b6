/**
 * A folder's contents as they are on disk, links not followed. Node's own recursive `readdirSync`
 * descends into a symlinked folder and `readFileSync`/`copyFileSync` read through a symlinked file,
 * so a link committed to the repository (git stores symlinks; a pull request can add one) would
 * publish whatever it points to: `/etc/passwd`, a key, another user's files. Every tree the project
 * publishes or packages (`src/content/`, `public/`, `dist/`, a 查阅点 package) is read with this
 * walk first, and a link is refused wherever it is, whatever it points to.
 */
import { lstatSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

export interface FileTree {
  /** Regular files, as `/`-separated paths relative to the folder, sorted. */
  files: string[];
  /** Symbolic links (to files, folders or nothing), never followed. */
  links: string[];
  /** Anything else that is neither a file nor a folder: a FIFO, a socket, a device. */
  special: string[];
}

/** The tree under `dir` (empty when `dir` does not exist). `dir` itself is taken as given: see `isLink`. */
export function walkTree(dir: string): FileTree {
  const tree: FileTree = { files: [], links: [], special: [] };
  const visit = (absolute: string, relative: string) => {
    let entries;
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && relative === '') return;
      throw error;
    }
    for (const entry of entries) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) tree.links.push(path);
      else if (entry.isDirectory()) visit(join(absolute, entry.name), path);
      else if (entry.isFile()) tree.files.push(path);
      else tree.special.push(path);
    }
  };
  visit(dir, '');
  for (const list of Object.values(tree)) list.sort();
  return tree;
}

/** Whether `path` is itself a symbolic link (false when nothing is there). */
export function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** What a link points to, as written in it, for messages; '' when it cannot be read. */
export function linkTarget(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '';
  }
}

/**
 * Every link and special file under `dir`, and `dir` itself when it is a link, as paths relative
 * to `dir`'s parent-facing name `label` (`public`, `dist`): what a tree that is copied or served
 * must not hold.
 */
export function unsafeEntries(dir: string, label: string): string[] {
  if (isLink(dir)) return [label];
  const { links, special } = walkTree(dir);
  return [...links, ...special].sort().map((path) => `${label}/${path}`);
}

/**
 * Throws, naming every link and special file, when `dir` holds one: for the build before Astro
 * copies `public/` (Vite's copy reads through links) and for `dist/` before it is packaged.
 */
export function refuseUnsafeEntries(dir: string, label: string): void {
  const unsafe = unsafeEntries(dir, label);
  if (!unsafe.length) return;
  const shown = unsafe.slice(0, 20).join('\n  ') + (unsafe.length > 20 ? `\n  …（共 ${unsafe.length} 个 / ${unsafe.length} in all）` : '');
  throw new Error(
    `${label}/ 中有符号链接或特殊文件，它们指向的内容会被发布，已停止：\n  ${shown}\n删除它们（git rm），放入文件本身后重试。\n` +
      `${label}/ holds symbolic links or special files, whose targets would be published; stopped. Delete them and put the files themselves there.`,
  );
}
