import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasProblems, listFiles, manifestText, parseManifest, verifyManifest } from '../../../scripts/lib/kiosk/manifest.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'manifest-'));
  mkdirSync(join(dir, 'site/yaodian 要点'), { recursive: true });
  mkdirSync(join(dir, 'app'));
  writeFileSync(join(dir, 'site/index.html'), '<p>首页</p>');
  writeFileSync(join(dir, 'site/yaodian 要点/index.html'), '<p>要点</p>');
  writeFileSync(join(dir, 'app/kiosk.mjs'), 'export {};');
  writeFileSync(join(dir, 'manifest.sha256'), manifestText(dir));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('manifestText', () => {
  it('lists every file but itself as "sha256  path", sorted, with / separators', () => {
    expect(manifestText(dir)).toBe(
      `${sha('export {};')}  app/kiosk.mjs\n${sha('<p>首页</p>')}  site/index.html\n${sha('<p>要点</p>')}  site/yaodian 要点/index.html\n`,
    );
    expect(listFiles(dir)).toContain('manifest.sha256');
  });

  it('refuses a folder with a symbolic link, naming it, instead of leaving the link out', () => {
    symlinkSync('/etc/passwd', join(dir, 'site/robots-extra.txt'));
    expect(() => manifestText(dir)).toThrow(/\.\/site\/robots-extra\.txt[\s\S]*symbolic links/);
  });
});

describe('verifyManifest', () => {
  const verify = () => verifyManifest(dir, readFileSync(join(dir, 'manifest.sha256'), 'utf8'), ['site', 'app']);

  it('finds nothing wrong with an intact copy, nor with files the system adds', () => {
    writeFileSync(join(dir, 'site/Thumbs.db'), 'x');
    writeFileSync(join(dir, 'notes.txt'), 'a note outside the served folder');
    expect(hasProblems(verify())).toBe(false);
  });

  it('names missing, changed and added files', () => {
    unlinkSync(join(dir, 'app/kiosk.mjs'));
    writeFileSync(join(dir, 'site/index.html'), '<p>改过</p>');
    writeFileSync(join(dir, 'site/yaodian 要点/extra.html'), '<p>多出</p>');
    writeFileSync(join(dir, 'app/version.dll'), 'MZ');
    expect(verify()).toEqual({
      missing: ['app/kiosk.mjs'],
      changed: ['site/index.html'],
      added: ['app/version.dll', 'site/yaodian 要点/extra.html'],
      links: [],
    });
  });

  it('names every symbolic link in the package, wherever it is and whatever it points to', () => {
    symlinkSync('/etc/shadow', join(dir, 'site/shadow.txt'));
    symlinkSync('/etc', join(dir, 'site/yaodian 要点/etc'));
    symlinkSync('site/index.html', join(dir, 'readme.html'));
    const problems = verify();
    expect(problems).toEqual({ missing: [], changed: [], added: [], links: ['readme.html', 'site/shadow.txt', 'site/yaodian 要点/etc'] });
    expect(hasProblems(problems)).toBe(true);
  });

  it('refuses a manifest path that leaves the package', () => {
    for (const path of ['../outside.txt', '/etc/passwd', 'site/../../x', 'site//x', 'C:/x', 'site\\x']) {
      expect(() => parseManifest(`${sha('a')}  ${path}\n`), path).toThrow(/第 1 行.*line 1/);
    }
  });

  it('rejects a malformed manifest line with its number', () => {
    expect(() => parseManifest(`${sha('a')}  a.txt\nnot a line\n`)).toThrow(/第 2 行.*line 2/);
  });
});
