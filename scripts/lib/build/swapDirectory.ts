import { existsSync, renameSync, rmSync } from 'node:fs';

/**
 * Replace `target` with the finished `staged` folder in two renames, so a reader (or a failed
 * build) never sees a half-written site: until the first rename the old folder is whole,
 * after the second the new one is.
 */
export function swapDirectory(staged: string, target: string): void {
  const previous = `${staged}.previous`;
  rmSync(previous, { recursive: true, force: true });
  const hadTarget = existsSync(target);
  if (hadTarget) renameSync(target, previous);
  try {
    renameSync(staged, target);
  } catch (error) {
    if (hadTarget) renameSync(previous, target);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
}
