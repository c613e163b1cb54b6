/**
 * `npm run build`: content check, `astro build` and the Pagefind index, all into a staging folder
 * that replaces `dist/` only when every step succeeded. A failed build leaves the previous
 * `dist/` untouched.
 */
import './lib/fewMallocArenas.ts';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'astro';
import { swapDirectory } from '../src/lib/build/swapDirectory.ts';
import { writeSearchIndex } from '../src/lib/build/searchIndex.ts';
import { writeHeadersFile } from '../src/lib/build/headersFile.ts';
import { resolveAsOf } from '../src/lib/ledger/lights.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
// `--as-of YYYY-MM-DD` fixes the ledger's 数据截至 date (default: today), e.g. for reproducible builds.
const asOfFlag = process.argv.indexOf('--as-of');
if (asOfFlag > 0) process.env.ZW_AS_OF = resolveAsOf(process.argv[asOfFlag + 1] ?? '');
const root = resolve(import.meta.dirname, '..');
const target = resolve(root, 'dist');
const staged = resolve(root, '.tmp', `dist-${process.pid}`);

// Astro renders pages concurrently; after a failure a page still in flight can write into the
// staging folder once it was removed, so remove it again when the process ends.
process.on('exit', () => rmSync(staged, { recursive: true, force: true }));

async function main(): Promise<void> {
  // `npm run check` in a process of its own: the memory it needs (1.2 GB at 10,000 points) is
  // returned before Astro starts instead of adding to Astro's peak.
  if (spawnSync(process.execPath, [resolve(root, 'scripts/check.ts')], { cwd: root, stdio: 'inherit' }).status !== 0) {
    process.exitCode = 1;
    return;
  }
  mkdirSync(resolve(root, '.tmp'), { recursive: true });
  try {
    await build({ root, outDir: staged, logLevel: 'warn' });
    const { pages, shards } = await writeSearchIndex(staged);
    console.log(`Pagefind: ${pages} 页已编入 ${shards} 个索引 / pages indexed in ${shards} indexes`);
    writeHeadersFile(staged);
    swapDirectory(staged, target);
    console.log(`构建完成 / build complete: ${target}`);
  } finally {
    rmSync(staged, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`构建失败，dist/ 未改动 / build failed, dist/ left as it was:\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
