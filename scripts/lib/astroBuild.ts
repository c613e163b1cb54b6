/**
 * `node scripts/lib/astroBuild.ts <outDir>`: `astro build` alone, run by `scripts/build.ts` in a
 * process of its own so that its memory is returned before the search index is built.
 *
 * The content layer is synced first, in a process of its own too (`--sync`), and the build reads
 * the store it wrote: Astro keeps the store it synced in memory until the build ends, beside the
 * copy the pages read (the largest object in a heap snapshot taken while pages render: 25 MB at
 * 2,000 points, and it grows with the archive), along with what the sync left behind.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { build, sync } from 'astro';

const root = resolve(import.meta.dirname, '../..');
const outDir = process.argv[2];
if (!outDir) throw new Error('usage: node scripts/lib/astroBuild.ts <outDir>');
if (outDir === '--sync') {
  await sync({ root, logLevel: 'warn' });
} else {
  if (spawnSync(process.execPath, [import.meta.filename, '--sync'], { stdio: 'inherit' }).status !== 0) {
    throw new Error('astro sync 失败 / astro sync failed');
  }
  // `sync: false` (AstroBuilder's option, not in build()'s type): the store is already written.
  await build({ root, outDir, logLevel: 'warn' }, { sync: false } as Parameters<typeof build>[1]);
}
