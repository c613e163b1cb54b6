/**
 * The kiosk's run folder (`kiosk.json` with the stop token, `kiosk.log`, `error.html`, the browser
 * profile). On Linux it defaults to `/tmp/zwgk-kiosk-<uid>`, a name any local user can predict and
 * create first, so the folder is trusted only when it is private: a real directory (not a link),
 * owned by this user, with no permission for group or others. Files in it are written through a
 * fresh temporary file renamed into place, or created anew, never by following a link or opening
 * a file someone left there.
 */
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

/** Opening never follows a link in the last path component (0 where the system has no such flag: Windows). */
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
const PRIVATE_FILE = 0o600;
const PRIVATE_DIR = 0o700;

/** The run folder is not safe to use; the message says why and what to do. */
export class RunDirError extends Error {}

const refuse = (dir: string, why: string, whyEn: string) =>
  new RunDirError(
    `运行目录 ${dir} ${why}，为安全起见不使用它。请删除该目录（或设置 KIOSK_RUN_DIR 指向只属于当前用户的目录）后重新启动。\n` +
      `The run folder ${dir} ${whyEn}, so it is not used: delete it (or set KIOSK_RUN_DIR to a folder only this user can use) and start again.`,
  );

/**
 * Creates the run folder (mode 0700) or checks the one that exists, and returns it. Throws a
 * `RunDirError` for a link, something that is not a directory, a folder owned by another user or
 * one that group or others may use. Ownership and modes are POSIX ideas: on Windows the folder is
 * under the user's own `%LOCALAPPDATA%`, and only links are refused.
 */
export function preparePrivateDir(dir: string): string {
  try {
    mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const stat = lstatSync(dir);
  if (stat.isSymbolicLink()) throw refuse(dir, '是一个符号链接', 'is a symbolic link');
  if (!stat.isDirectory()) throw refuse(dir, '不是目录', 'is not a directory');
  const uid = process.getuid?.();
  if (uid === undefined) return dir;
  if (stat.uid !== uid) throw refuse(dir, `属于另一个用户（uid ${stat.uid}）`, `belongs to another user (uid ${stat.uid})`);
  const mode = stat.mode & 0o777;
  if (mode & 0o077) {
    const octal = mode.toString(8).padStart(3, '0');
    throw refuse(dir, `的权限是 ${octal}，其他用户可以访问`, `has mode ${octal}, which lets other users in`);
  }
  return dir;
}

/** Creates `path` anew (never an existing file, never through a link), mode 0600, and returns its descriptor. */
function createNew(path: string): number {
  return openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW, PRIVATE_FILE);
}

/**
 * Writes `name` in the (checked) run folder: a new temporary file of random name, mode 0600,
 * renamed over `name`. A link planted as `name` is replaced, never followed.
 */
export function writePrivateFile(dir: string, name: string, text: string): void {
  const temp = join(dir, `.${name}.${randomBytes(6).toString('hex')}`);
  const fd = createNew(temp);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temp, join(dir, name));
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Opens `name` in the (checked) run folder for writing from empty: whatever was there (a link, a file) is removed first. */
export function openPrivateLog(dir: string, name: string): number {
  const path = join(dir, name);
  rmSync(path, { force: true });
  return createNew(path);
}

/** Reads `name` from the run folder, or null when it is missing, a link, not a plain file (a FIFO never blocks it) or unreadable. */
export function readPrivateFile(dir: string, name: string): string | null {
  let fd: number;
  try {
    fd = openSync(join(dir, name), constants.O_RDONLY | NO_FOLLOW | (constants.O_NONBLOCK ?? 0));
  } catch {
    return null;
  }
  try {
    return fstatSync(fd).isFile() ? readFileSync(fd, 'utf8') : null;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
