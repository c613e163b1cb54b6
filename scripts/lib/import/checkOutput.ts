/**
 * The importer never writes what `npm run check` would refuse: before anything is written, the
 * content tree as it would be after the import is assembled in a scratch folder and checked with
 * the same rules as `npm run check`. Errors that the import itself would add stop it; errors the
 * tree already had, and the 解读/图解 still to be written for a new document (三同步, coverage:
 * the editor's next step), do not.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkContent, type CheckIssue } from '../check/index.ts';
import type { ContentFiles } from './serialize.ts';

/** Rules a freshly imported document breaks until its 解读 and 图解 are written. */
const NEXT_STEP = new Set(['ZW-JIEDU-003', 'ZW-JIEDU-009']);

const key = (i: CheckIssue) => `${i.code}\t${i.file}\t${i.field ?? ''}\t${i.zh}`;

/** The content tree after writing `content` under a scratch copy of `root`'s `src/content`. */
function stage(root: string, content: ContentFiles): string {
  const scratch = mkdtempSync(join(tmpdir(), 'zwgk-import-check-'));
  const contentDir = join(root, 'src/content');
  if (existsSync(contentDir)) cpSync(contentDir, join(scratch, 'src/content'), { recursive: true });
  // 解读 images are read from public/; the scratch tree gets a copy of the project's own, links
  // kept as links: the check refuses a linked public/, and must find what it finds in the project.
  if (existsSync(join(root, 'public'))) cpSync(join(root, 'public'), join(scratch, 'public'), { recursive: true, verbatimSymlinks: true });
  for (const dir of content.ownedDirs) rmSync(join(scratch, dir), { recursive: true, force: true });
  for (const [path, text] of content.files) {
    if (!path.startsWith('src/content/')) continue;
    mkdirSync(dirname(join(scratch, path)), { recursive: true });
    writeFileSync(join(scratch, path), text, 'utf8');
  }
  return scratch;
}

/** The errors the content would have after the import that it does not have now. */
export function errorsAddedBy(root: string, content: ContentFiles): CheckIssue[] {
  const before = new Set(
    checkContent(root)
      .issues.filter((i) => i.severity === 'error')
      .map(key),
  );
  const scratch = stage(root, content);
  try {
    return checkContent(scratch).issues.filter((i) => i.severity === 'error' && !NEXT_STEP.has(i.code) && !before.has(key(i)));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
