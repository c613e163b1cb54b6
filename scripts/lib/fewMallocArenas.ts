/**
 * Imported first by `scripts/build.ts`. glibc gives threads that allocate their own memory arenas,
 * and Astro's bundler and sharp allocate from many threads; the arenas keep what they grew to. With
 * two arenas a 10,000-point build peaked at 2.2 GB instead of 3.1 GB, at the same speed. glibc reads
 * `MALLOC_ARENA_MAX` when a process starts, so on Linux the build runs itself again with it set.
 */
import { spawnSync } from 'node:child_process';

if (process.platform === 'linux' && !process.env.MALLOC_ARENA_MAX) {
  const child = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, MALLOC_ARENA_MAX: '2' },
  });
  process.exit(child.status ?? 1);
}
