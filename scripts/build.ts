/**
 * `npm run build`: content check, `astro build` and the Pagefind index, all into a staging folder
 * that replaces `dist/` only when every step succeeded. A failed build leaves the previous
 * `dist/` untouched.
 *
 * The check and `astro build` each run in a process of their own, so the memory one step needs
 * (at 10,000 points: 0.7 GB for the check, up to 1.7 GB for Astro's) is returned before the next one
 * starts; the Pagefind indexer runs in processes of its own too. The content layer's sync runs
 * beside the check: both only read the content, and the sync's output is shown only once the
 * check has passed (a content error is reported once, by the check).
 *
 * With the new `dist/` it records a hash of the sources it was built from (scripts/lib/build/buildStamp.ts),
 * taken before the first step, so the tests can tell a `dist/` that no longer matches the sources.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { swapDirectory } from './lib/build/swapDirectory.ts';
import { writeSearchIndex } from './lib/build/searchIndex.ts';
import { writeHeadersFile } from './lib/build/headersFile.ts';
import { clearBuildStamp, currentStamp, writeBuildStamp } from './lib/build/buildStamp.ts';
import { refuseUnsafeEntries } from './lib/fileTree.ts';
import { resolveAsOf } from '../src/lib/ledger/lights.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
// `--as-of YYYY-MM-DD` fixes the ledger's 数据截至 date (default: today), e.g. for reproducible builds.
const asOfFlag = process.argv.indexOf('--as-of');
if (asOfFlag > 0) process.env.ZW_AS_OF = resolveAsOf(process.argv[asOfFlag + 1] ?? '');
const root = resolve(import.meta.dirname, '..');
const target = resolve(root, 'dist');
const staged = resolve(root, '.tmp', `dist-${process.pid}`);

/**
 * Starts a script of this project with the same Node; `result` says whether it succeeded, with
 * its output when that is held back (`held`) rather than shown as it comes. `stop` ends it.
 */
function startStep(
  script: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; held?: boolean } = {},
): { result: Promise<{ ok: boolean; output: Buffer }>; stop: () => void } {
  const child = spawn(process.execPath, [resolve(root, script), ...args], {
    cwd: root,
    stdio: options.held ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: { ...process.env, ...options.env },
  });
  const chunks: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk));
  const result = new Promise<{ ok: boolean; output: Buffer }>((done) => {
    child.on('error', (error) => done({ ok: false, output: Buffer.from(String(error)) }));
    child.on('close', (code) => done({ ok: code === 0, output: Buffer.concat(chunks) }));
  });
  return { result, stop: () => child.kill() };
}

/**
 * Allocator settings for `astro build`, read when a process starts. glibc gives threads that
 * allocate their own memory arenas, and Astro's bundler and sharp allocate from many threads; the
 * arenas keep what they grew to. With two, `astro build` of a 10,000-point archive peaked at 2.2 GB
 * instead of 3.1 GB, at the same speed. The bundler (Rolldown) has its own allocator, mimalloc,
 * which returns freed pages only when the thread that freed them allocates again, at least a
 * second later; its threads go idle after bundling and kept what they held through page
 * rendering. Purging at once took 280 MB off the rendering phase at 10,000 points.
 */
const ALLOCATOR_ENV = {
  MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
  MIMALLOC_PURGE_DELAY: process.env.MIMALLOC_PURGE_DELAY ?? '0',
};

async function main(): Promise<void> {
  const stamp = currentStamp(root);
  const sync = startStep('scripts/lib/astroBuild.ts', ['--sync'], { env: ALLOCATOR_ENV, held: true });
  if (!(await startStep('scripts/check.ts', []).result).ok) {
    sync.stop();
    await sync.result;
    process.exitCode = 1;
    return;
  }
  const synced = await sync.result;
  process.stdout.write(synced.output);
  if (!synced.ok) throw new Error('astro sync 失败 / astro sync failed');
  mkdirSync(resolve(root, '.tmp'), { recursive: true });
  try {
    // The check refused them already; this is the copy's own guard, right before Vite copies
    // public/ into the site reading through every link.
    refuseUnsafeEntries(resolve(root, 'public'), 'public');
    if (!(await startStep('scripts/lib/astroBuild.ts', [staged, '--synced'], { env: ALLOCATOR_ENV }).result).ok)
      throw new Error('astro build 失败 / astro build failed');
    refuseUnsafeEntries(staged, 'dist');
    const { pages, shards } = await writeSearchIndex(staged);
    console.log(`Pagefind: ${pages} 页已编入 ${shards} 个索引 / pages indexed in ${shards} indexes`);
    writeHeadersFile(staged);
    clearBuildStamp(root);
    swapDirectory(staged, target);
    writeBuildStamp(root, stamp);
    console.log(`构建完成 / build complete: ${target}`);
  } finally {
    rmSync(staged, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(
    `构建失败，dist/ 未改动 / build failed, dist/ left as it was:\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exitCode = 1;
});
