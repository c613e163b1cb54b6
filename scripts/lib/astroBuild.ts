/**
 * `node scripts/lib/astroBuild.ts <outDir> [--synced]`: `astro build` alone, run by `scripts/build.ts`
 * in a process of its own so that its memory is returned before the search index is built.
 * `node scripts/lib/astroBuild.ts --sync`: the content layer's sync alone.
 *
 * The content layer is synced in a process of its own, and the build reads the store it wrote:
 * Astro keeps the store it synced in memory until the build ends, beside the copy the pages read
 * (the largest object in a heap snapshot taken while pages render: 25 MB at 2,000 points, and it
 * grows with the archive), along with what the sync left behind. `scripts/build.ts` runs the sync
 * beside the content check and passes `--synced`; otherwise the sync runs first.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { build, sync } from 'astro';

const root = resolve(import.meta.dirname, '../..');
const [outDir, flag] = process.argv.slice(2);
if (!outDir) throw new Error('usage: node scripts/lib/astroBuild.ts <outDir> [--synced] | --sync');
if (outDir === '--sync') {
  await sync({ root, logLevel: 'warn' });
} else {
  if (flag !== '--synced' && spawnSync(process.execPath, [import.meta.filename, '--sync'], { stdio: 'inherit' }).status !== 0) {
    throw new Error('astro sync 失败 / astro sync failed');
  }
  // `sync: false` (AstroBuilder's option, not in build()'s type): the store is already written.
  await build({ root, outDir, logLevel: 'warn' }, { sync: false } as Parameters<typeof build>[1]);
}
