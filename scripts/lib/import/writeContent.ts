import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import type { ContentFiles } from './serialize.ts';
import type { ExistingDepartment } from './departments.ts';
import type { DepartmentKind } from './departmentSlug.ts';

/** The only module of the importer that touches the file system. */

const TMP = '.import-tmp';
const OLD = '.import-old';

function inside(root: string, path: string): string {
  const abs = resolve(root, path);
  const rel = relative(root, abs);
  if (rel.startsWith('..') || rel.startsWith(sep) || rel === '') throw new Error(`refusing to write outside ${root}: ${path}`);
  return abs;
}

/** Department entries already in `src/content/departments/`, so that their ids, names and aliases are kept. */
export function readExistingDepartments(root: string): ExistingDepartment[] {
  const dir = join(root, 'src/content/departments');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const data = (parse(readFileSync(join(dir, f), 'utf8')) ?? {}) as {
        name?: unknown;
        aliases?: unknown;
        kind?: unknown;
        government?: unknown;
        owner?: unknown;
      };
      const kinds: readonly unknown[] = ['district', 'group', 'internal', 'external'] satisfies DepartmentKind[];
      const kind = kinds.includes(data.kind) ? (data.kind as DepartmentKind) : 'municipal';
      return {
        slug: f.slice(0, -'.yaml'.length),
        name: typeof data.name === 'string' ? data.name : '',
        aliases: Array.isArray(data.aliases) ? data.aliases.filter((a): a is string => typeof a === 'string') : [],
        kind,
        ...(typeof data.government === 'string' ? { government: data.government } : {}),
        ...(typeof data.owner === 'string' ? { owner: data.owner } : {}),
      };
    });
}

/**
 * Writes the import's files under `root` without ever leaving a half-written result:
 * 1. stage — every owned directory is written in full to a sibling `<dir>.import-tmp`, every other
 *    file to `<file>.import-tmp`; on any error all staged files are removed and nothing changed;
 * 2. swap — renames only: an owned directory is moved aside, the staged one moved in, the old one
 *    deleted; single files are replaced by rename (atomic on one file system).
 */
export function writeContent(root: string, content: ContentFiles): void {
  const owned = content.ownedDirs.map((d) => inside(root, d));
  const ownerOf = (abs: string) => owned.find((d) => abs.startsWith(d + sep));
  const staged: { tmp: string; target: string; dir: boolean }[] = [];
  try {
    for (const dir of owned) {
      rmSync(dir + TMP, { recursive: true, force: true });
      mkdirSync(dir + TMP, { recursive: true });
      staged.push({ tmp: dir + TMP, target: dir, dir: true });
    }
    for (const [path, text] of content.files) {
      const abs = inside(root, path);
      const owner = ownerOf(abs);
      if (owner) {
        const tmp = owner + TMP + abs.slice(owner.length);
        mkdirSync(dirname(tmp), { recursive: true });
        writeFileSync(tmp, text, 'utf8');
      } else {
        mkdirSync(dirname(abs), { recursive: true });
        writeFileSync(abs + TMP, text, 'utf8');
        staged.push({ tmp: abs + TMP, target: abs, dir: false });
      }
    }
  } catch (error) {
    for (const s of staged) rmSync(s.tmp, { recursive: true, force: true });
    throw error;
  }
  for (const s of staged) {
    if (s.dir) {
      rmSync(s.target + OLD, { recursive: true, force: true });
      if (existsSync(s.target)) renameSync(s.target, s.target + OLD);
      renameSync(s.tmp, s.target);
      rmSync(s.target + OLD, { recursive: true, force: true });
    } else {
      renameSync(s.tmp, s.target);
    }
  }
}
