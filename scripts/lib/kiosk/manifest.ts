/**
 * The checksum manifest of a 查阅点 package: one `sha256  path` line per file (the format
 * `sha256sum -c` reads), so the terminal can refuse to start when a file is missing, changed or
 * added to the served site, and staff on Linux can check a copy by hand.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { refuseUnsafeEntries, walkTree } from '../fileTree.ts';

export const MANIFEST_FILE = 'manifest.sha256';
/** Files the operating system's file browser writes by itself; never a reason to refuse. */
const SYSTEM_FILES = new Set(['Thumbs.db', 'desktop.ini', '.DS_Store']);

/** Every regular file under `dir` as a `/`-separated relative path, sorted; links are never followed. */
export function listFiles(dir: string): string[] {
  return walkTree(dir).files;
}

/** SHA-256 of a file, read a megabyte at a time (the Node runtime alone is over 90 MB). */
export function sha256File(path: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(1 << 20);
  const fd = openSync(path, 'r');
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * The manifest of every file under `dir` except the manifest itself. A symbolic link or special
 * file stops it: it would ship unlisted, and a server would follow it.
 */
export function manifestText(dir: string): string {
  refuseUnsafeEntries(dir, '.');
  return listFiles(dir)
    .filter((file) => file !== MANIFEST_FILE)
    .map((file) => `${sha256File(join(dir, file))}  ${file}\n`)
    .join('');
}

/** A relative path inside the package: no `..`, `.` or empty part, not absolute, no backslash or drive. */
const isPackagePath = (path: string) =>
  !/^\/|\\|^[a-z]:/i.test(path) && path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');

/** Path → checksum; a malformed line is an error naming its line number. */
export function parseManifest(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  text.split('\n').forEach((line, i) => {
    if (line === '') return;
    const match = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (!match || !isPackagePath(match[2]!))
      throw new Error(`${MANIFEST_FILE} 第 ${i + 1} 行格式错误 / line ${i + 1} is not "sha256  path"`);
    entries.set(match[2]!, match[1]!);
  });
  return entries;
}

export interface ManifestProblems {
  missing: string[];
  changed: string[];
  /** Files in the checked folders that the manifest does not list: they would be served or loaded unchecked. */
  added: string[];
  /** Symbolic links and special files anywhere in the package: a server or Node would follow them. */
  links: string[];
}

/**
 * Checks `dir` against its manifest. Files added anywhere under `checkedDirs` (relative to `dir`:
 * the served site, and the runtime's folder, where Windows loads a DLL placed beside node.exe)
 * count as problems too; at the top an extra file (a note) harms nothing and is ignored. A link
 * anywhere is a problem, whatever it points to.
 */
export function verifyManifest(dir: string, manifest: string, checkedDirs: readonly string[]): ManifestProblems {
  const expected = parseManifest(manifest);
  const tree = walkTree(dir);
  const present = new Set(tree.files);
  const problems: ManifestProblems = { missing: [], changed: [], added: [], links: [...tree.links, ...tree.special].sort() };
  for (const [file, hash] of expected) {
    if (!present.has(file)) problems.missing.push(file);
    else if (sha256File(join(dir, file)) !== hash) problems.changed.push(file);
  }
  for (const file of present) {
    const name = file.slice(file.lastIndexOf('/') + 1);
    if (checkedDirs.some((d) => file.startsWith(`${d}/`)) && !expected.has(file) && !SYSTEM_FILES.has(name)) problems.added.push(file);
  }
  return problems;
}

export function hasProblems(problems: ManifestProblems): boolean {
  return problems.missing.length + problems.changed.length + problems.added.length + problems.links.length > 0;
}
