/**
 * What `public/` may hold (scripts/lib/check/validatePublicFiles.ts), below the bad-input corpus:
 * the walk that never follows a link, the byte signatures, the project's own SVG.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isLink, refuseUnsafeEntries, unsafeEntries, walkTree } from '../../../scripts/lib/fileTree.ts';
import { extensionOf, sniffType } from '../../../scripts/lib/check/fileTypes.ts';
import { PROJECT_FILES, svgProblems, validatePublicFiles } from '../../../scripts/lib/check/validatePublicFiles.ts';

const REPO = join(import.meta.dirname, '../../..');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'public-files-'));
  dirs.push(dir);
  return dir;
};

describe('walkTree', () => {
  it('lists files, links and special files, and never goes through a link', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'a/b'), { recursive: true });
    writeFileSync(join(dir, 'a/b/f.txt'), 'x');
    symlinkSync('/etc', join(dir, 'a/etc'));
    symlinkSync('/etc/passwd', join(dir, 'passwd.txt'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'));
    expect(walkTree(dir)).toEqual({ files: ['a/b/f.txt'], links: ['a/etc', 'dangling', 'passwd.txt'], special: [] });
    expect(unsafeEntries(dir, 'dist')).toEqual(['dist/a/etc', 'dist/dangling', 'dist/passwd.txt']);
    expect(walkTree(join(dir, 'missing'))).toEqual({ files: [], links: [], special: [] });
    // What the build runs before Vite copies public/, and kiosk:pack before it copies dist/.
    expect(() => refuseUnsafeEntries(dir, 'public')).toThrow(
      /public\/a\/etc\n {2}public\/dangling\n {2}public\/passwd\.txt\n[\s\S]*symbolic links/,
    );
    expect(() => refuseUnsafeEntries(join(dir, 'a/b'), 'public')).not.toThrow();
  });

  it('reports a folder that is itself a link as one entry', () => {
    const dir = tempDir();
    symlinkSync('/etc', join(dir, 'public'));
    expect(isLink(join(dir, 'public'))).toBe(true);
    expect(unsafeEntries(join(dir, 'public'), 'public')).toEqual(['public']);
    expect(validatePublicFiles(dir).map((i) => [i.file, i.code])).toEqual([['public', 'ZW-PUBLIC-001']]);
  });
});

describe('file types by their bytes', () => {
  it('reads the signatures of PNG, JPEG, WebP, GIF and ICO, and nothing else', () => {
    const b = (...bytes: number[]) => Uint8Array.from(bytes);
    expect(sniffType(b(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('png');
    expect(sniffType(b(0xff, 0xd8, 0xff, 0xe0))).toBe('jpeg');
    expect(sniffType(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    expect(sniffType(Buffer.from('GIF89a'))).toBe('gif');
    expect(sniffType(b(0, 0, 1, 0, 1, 0))).toBe('ico');
    expect(sniffType(b(0, 0, 1, 0, 0, 0))).toBeNull();
    expect(sniffType(Buffer.from('<html><script>'))).toBeNull();
    expect(sniffType(Buffer.from('\x89PNG'))).toBeNull();
  });
  it('takes the extension of the last path part, lower-cased', () => {
    expect(extensionOf('images/a.b/Photo.JPG')).toBe('jpg');
    expect(extensionOf('images.d/_redirects')).toBe('');
    expect(extensionOf('.hidden')).toBe('');
  });
});

describe("the project's own SVG", () => {
  it('the favicon is project-owned and clean, and the repository public/ passes', () => {
    expect([...PROJECT_FILES]).toEqual(['favicon.svg']);
    expect(svgProblems(readFileSync(join(REPO, 'public/favicon.svg'), 'utf8'))).toEqual([]);
    expect(validatePublicFiles(REPO)).toEqual([]);
  });
  it.each([
    ['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 'onload='],
    ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', '<script>'],
    ['<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div/></foreignObject></svg>', '<foreignObject>'],
    ['<svg xmlns="http://www.w3.org/2000/svg"><use href="https://example.com/s.svg#a"/></svg>', 'href="https://example.com/s.svg#a"'],
    ['<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(https://example.com/x)"/></svg>', 'fill="url(https://example.com/x)"'],
    ['<?xml version="1.0"?><?xml-stylesheet href="a.xsl"?><svg xmlns="http://www.w3.org/2000/svg"/>', '<?xml-stylesheet>'],
    ['<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg"/>', '<!DOCTYPE>'],
    ['<svg xmlns="http://www.w3.org/2000/svg"><rect>', 'XML'],
  ])('refuses %s', (svg, problem) => {
    expect(svgProblems(svg)).toContain(problem);
  });
  it('accepts shapes, gradients and references inside the file', () => {
    const svg =
      '<?xml version="1.0" encoding="UTF-8"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs><rect id="r" fill="url(#g)"/><use xlink:href="#r"/></svg>';
    expect(svgProblems(svg)).toEqual([]);
  });
});
