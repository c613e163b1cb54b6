import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BUILD_INPUTS,
  BUILD_STAMP,
  clearBuildStamp,
  currentStamp,
  hashFiles,
  inputFiles,
  staleDistReason,
  writeBuildStamp,
} from '../../../scripts/lib/build/buildStamp.ts';

let root: string;

function write(path: string, text: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'zwgk-stamp-'));
  write('src/pages/index.astro', '<h1>首页</h1>');
  write('src/content/points/2021/01.yaml', 'no: 1\n');
  write('astro.config.mjs', 'export default {};');
  write('scripts/lib/astroBuild.ts', '');
  write('seeds/a.md', '# 要点');
  write('README.md', '说明');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the build inputs', () => {
  it('are the files below the listed folders and the listed files that exist, nothing else', () => {
    expect(inputFiles(root)).toEqual([
      'astro.config.mjs',
      'scripts/lib/astroBuild.ts',
      'src/content/points/2021/01.yaml',
      'src/pages/index.astro',
    ]);
  });

  it('never follow a symbolic link: a linked folder is not walked, a linked public/ or file adds nothing', () => {
    symlinkSync('/', join(root, 'src/all'));
    symlinkSync('/etc/passwd', join(root, 'src/passwd.txt'));
    symlinkSync('/usr', join(root, 'public'));
    expect(inputFiles(root)).toEqual([
      'astro.config.mjs',
      'scripts/lib/astroBuild.ts',
      'src/content/points/2021/01.yaml',
      'src/pages/index.astro',
    ]);
  });

  it('name what this project has (each entry exists, public/ with the favicon)', () => {
    const project = resolve(import.meta.dirname, '../../..');
    const present = BUILD_INPUTS.filter((input) => inputFiles(project, [input]).length > 0);
    expect(present).toEqual(BUILD_INPUTS);
  });
});

describe('the source hash', () => {
  it('does not depend on the order the files are listed in', () => {
    const files = inputFiles(root);
    expect(hashFiles(root, [...files].reverse())).toBe(hashFiles(root, files));
    expect(hashFiles(root, [files[2]!, files[0]!, files[3]!, files[1]!])).toBe(hashFiles(root, files));
  });

  it('changes when a source file changes, is added, removed or renamed, and not for files outside the inputs', () => {
    const before = currentStamp(root).sources;
    write('README.md', '新的说明');
    write('seeds/a.md', '# 新要点');
    expect(currentStamp(root).sources).toBe(before);

    write('src/content/points/2021/01.yaml', 'no: 2\n');
    const edited = currentStamp(root).sources;
    expect(edited).not.toBe(before);
    write('src/content/points/2021/01.yaml', 'no: 1\n');
    expect(currentStamp(root).sources).toBe(before);

    write('src/content/points/2021/02.yaml', 'no: 2\n');
    expect(currentStamp(root)).toMatchObject({ files: 5 });
    expect(currentStamp(root).sources).not.toBe(before);
    rmSync(join(root, 'src/content/points/2021/02.yaml'));
    expect(currentStamp(root).sources).toBe(before);

    renameSync(join(root, 'src/content/points/2021/01.yaml'), join(root, 'src/content/points/2021/03.yaml'));
    expect(currentStamp(root).sources).not.toBe(before);
  });
});

describe('a dist/ checked against its stamp', () => {
  beforeEach(() => write('dist/index.html', '<!doctype html>'));

  it('is fresh when the stamp was taken from the sources as they are', () => {
    writeBuildStamp(root, currentStamp(root));
    expect(staleDistReason(root)).toBeNull();
  });

  it('is stale when a source changed after the build, with the fix in the message', () => {
    writeBuildStamp(root, currentStamp(root));
    write('src/pages/index.astro', '<h1>新首页</h1>');
    expect(staleDistReason(root)).toMatch(/^dist\/ is stale or missing: run npm run build.*sources changed since the build/);
  });

  it('is stale without a readable stamp, or without dist/', () => {
    writeBuildStamp(root, currentStamp(root));
    clearBuildStamp(root);
    expect(staleDistReason(root)).toMatch(new RegExp(`^dist/ is stale or missing: run npm run build.*${BUILD_STAMP.replace('.', '\\.')}`));
    write(BUILD_STAMP, '{"sources": ');
    expect(staleDistReason(root)).toMatch(/^dist\/ is stale or missing: run npm run build.*sources changed since the build/);
    writeBuildStamp(root, currentStamp(root));
    rmSync(join(root, 'dist'), { recursive: true });
    expect(staleDistReason(root)).toMatch(/^dist\/ is stale or missing: run npm run build.*dist\/index\.html/);
  });
});
