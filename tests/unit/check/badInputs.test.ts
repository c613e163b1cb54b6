/**
 * The editors' safety net: every case in tests/fixtures/bad/<case>/ is laid over a small valid tree
 * (the real entries of point 2021/18 and its document) and must produce exactly the errors its
 * expected.json names: file, line and code (scripts/lib/check/codes.ts). See tests/fixtures/bad/README.md.
 */
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckCode } from '../../../scripts/lib/check/codes.ts';
import { checkContent, type CheckIssue } from '../../../scripts/lib/check/index.ts';
import { imageSize, MAX_IMAGE_BYTES } from '../../../scripts/lib/check/validateMdxSafety.ts';
import { urlScheme } from '../../../src/lib/jiedu/urls.ts';

const REPO = join(import.meta.dirname, '../../..');
const FIXTURES = join(REPO, 'tests/fixtures/bad');
const BASE = [
  'documents/2021.yaml',
  'points/2021/18.yaml',
  'tasks/2021/18-1.yaml',
  'departments/shi-zheng-fu-ban-gong-shi.yaml',
  'departments/qu-xian-shi-zheng-fu.yaml',
  'departments/shi-zheng-fu-ge-bu-men.yaml',
  'jiedu/2021/18.mdx',
  'jiedu/2021/quanwen.mdx',
  'tujie/2021/18.yaml',
  'tujie/2021/quanwen.yaml',
].map((p) => `src/content/${p}`);

interface Expected {
  file: string;
  line?: number;
  code: CheckCode;
}
interface ImageSpec {
  width: number;
  height: number;
  /** Random pixels, so the PNG does not compress: for the size limit. */
  noise?: boolean;
  /** A JPEG with this EXIF orientation instead of a PNG: 6 shows the stored pixels turned a quarter. */
  orientation?: number;
  /** Encode as this format whatever the file's name says (default PNG). */
  format?: 'png' | 'jpeg' | 'webp';
  /** Text written after the image's bytes: a polyglot, an image header followed by HTML. */
  append?: string;
}
interface CaseSpec extends Partial<Expected> {
  note: string;
  expected?: Expected[];
  images?: Record<string, ImageSpec>;
  /** Files of the base tree the case takes away, e.g. the `.mdx` a `.md` replaces. */
  remove?: string[];
  /** Symbolic links the test makes (path in the tree → what it points to), as a pull request could commit them. */
  links?: Record<string, string>;
}

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const specOf = (name: string): CaseSpec => JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as CaseSpec;
const expectedOf = (spec: CaseSpec): Expected[] =>
  spec.expected ?? (spec.file ? [{ file: spec.file, line: spec.line, code: spec.code! }] : []);

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

type Sharp = ReturnType<typeof sharp>;

async function writeImage(path: string, spec: ImageSpec): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const { width, height } = spec;
  const image = spec.noise
    ? sharp(Buffer.from(Array.from({ length: width * height * 3 }, () => Math.floor(Math.random() * 256))), {
        raw: { width, height, channels: 3 },
      })
    : sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } });
  const encoded = spec.orientation
    ? image.jpeg().withMetadata({ orientation: spec.orientation })
    : spec.format === 'jpeg'
      ? image.jpeg()
      : spec.format === 'webp'
        ? image.webp()
        : image.png({ compressionLevel: 9 });
  await encoded.toFile(path);
  if (spec.append) appendFileSync(path, spec.append);
}

/** A temporary project: the base tree, then the case's files on top, then its generated images. */
async function buildTree(name?: string): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'bad-input-'));
  roots.push(root);
  for (const path of BASE) cpSync(join(REPO, path), join(root, path));
  if (!name) return root;
  const dir = join(FIXTURES, name);
  for (const path of specOf(name).remove ?? []) rmSync(join(root, path));
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name !== 'expected.json') cpSync(join(dir, entry.name), join(root, entry.name), { recursive: true });
  }
  for (const [path, spec] of Object.entries(specOf(name).images ?? {})) await writeImage(join(root, path), spec);
  for (const [path, target] of Object.entries(specOf(name).links ?? {})) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    symlinkSync(target, join(root, path));
  }
  return root;
}

const show = (issues: CheckIssue[]) => issues.map((i) => `${i.file}:${i.line ?? '-'} [${i.code}] ${i.zh}`).join('\n');

describe('bad inputs: each case yields exactly its expected errors', () => {
  it('has a corpus of at least 25 bad cases, each with a note', () => {
    const bad = cases.filter((c) => expectedOf(specOf(c)).length > 0);
    expect(bad.length).toBeGreaterThanOrEqual(25);
    for (const c of cases) expect(specOf(c).note, c).toBeTruthy();
  });

  it('the base tree alone passes', async () => {
    const { issues, interpretations } = checkContent(await buildTree());
    expect(show(issues)).toBe('');
    expect(interpretations).toMatchObject({ policies: 2, jieduCovered: 2, tujieCovered: 2 });
  });

  it.each(cases)('%s', async (name) => {
    const expected = expectedOf(specOf(name));
    const { issues } = checkContent(await buildTree(name));
    expect(issues, show(issues)).toHaveLength(expected.length);
    const unmatched = [...issues];
    for (const e of expected) {
      const index = unmatched.findIndex((i) => i.file === e.file && (e.line === undefined || i.line === e.line) && i.code === e.code);
      expect(index, `expected ${e.file}:${e.line ?? '-'} [${e.code}], got:\n${show(issues)}`).toBeGreaterThanOrEqual(0);
      const [issue] = unmatched.splice(index, 1);
      // Every issue is written for the editor: Chinese, English and a fix.
      expect(issue).toMatchObject({
        severity: 'error',
        zh: expect.any(String),
        en: expect.any(String),
        fix: expect.stringContaining(' / '),
      });
    }
  });
});

describe('fixtures keep their bytes', () => {
  const bytes = (name: string, path: string) => readFileSync(join(FIXTURES, name, path));
  it('the BOM, GBK and CRLF files are what their cases claim', () => {
    expect([...bytes('bom', 'src/content/tujie/2021/18.yaml').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes('not-utf8', 'src/content/topics/zhengce-jiedu.yaml'))).toThrow();
    for (const path of ['src/content/jiedu/2021/18.mdx', 'src/content/tujie/2021/18.yaml', 'src/content/points/2021/18.yaml']) {
      const text = bytes('crlf-accepted', path).toString('utf8');
      expect(text.split('\r\n').length - 1, path).toBe(text.split('\n').length - 1);
    }
    expect(bytes('empty-file', 'src/content/topics/kong.yaml').length).toBe(0);
  });
});

describe('image size reader', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'image-size-'));
    roots.push(dir);
  });
  it.each([
    ['png', (s: Sharp) => s.png()],
    ['jpeg', (s: Sharp) => s.jpeg()],
    ['jpeg progressive', (s: Sharp) => s.jpeg({ progressive: true })],
    ['webp lossy', (s: Sharp) => s.webp()],
    ['webp lossless', (s: Sharp) => s.webp({ lossless: true })],
    ['webp with alpha (VP8X)', (s: Sharp) => s.ensureAlpha(0.5).webp()],
  ])('reads the same size as sharp metadata: %s', async (_label, encode) => {
    const buffer = await encode(sharp({ create: { width: 1234, height: 567, channels: 3, background: '#c81e1e' } })).toBuffer();
    const meta = await sharp(buffer).metadata();
    expect(imageSize(buffer)).toEqual({ format: meta.format, width: meta.width, height: meta.height });
  });
  it('gives a JPEG turned by its EXIF orientation the size it is shown at', async () => {
    const stored = sharp({ create: { width: 1234, height: 567, channels: 3, background: '#c81e1e' } }).jpeg();
    const path = join(dir, 'turned.jpg');
    await stored.withMetadata({ orientation: 6 }).toFile(path);
    const meta = await sharp(path).metadata();
    // The file's pixels are 1234 wide; a browser shows them turned, 567 wide.
    expect(meta).toMatchObject({ width: 1234, height: 567, orientation: 6 });
    expect(imageSize(readFileSync(path))).toEqual({ format: 'jpeg', width: 567, height: 1234 });
    expect(imageSize(await sharp(path).withMetadata({ orientation: 1 }).toBuffer())).toEqual({ format: 'jpeg', width: 1234, height: 567 });
  });
  it('knows nothing of other formats', async () => {
    expect(
      imageSize(
        await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
          .gif()
          .toBuffer(),
      ),
    ).toBeNull();
    expect(imageSize(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(MAX_IMAGE_BYTES).toBe(500 * 1024);
  });
  it('reads URL schemes as a browser does', () => {
    expect(urlScheme(' java\tscript:alert(1)')).toBe('javascript');
    expect(urlScheme('JavaScript:x')).toBe('javascript');
    expect(urlScheme('/images/a.png')).toBeNull();
    expect(urlScheme('https://example.com')).toBe('https');
  });
});

describe('docs/editor-guide.md explains every schema rule', () => {
  const guide = readFileSync(join(REPO, 'docs/editor-guide.md'), 'utf8');
  it('every schema message (the Chinese half of each error:)', () => {
    const missing: string[] = [];
    for (const name of readdirSync(join(REPO, 'src/schemas')).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(REPO, 'src/schemas', name), 'utf8');
      for (const [, message] of source.matchAll(/\berror: '([^']+)'/g)) {
        const zh = message!.split(' / ')[0]!;
        if (!guide.includes(zh)) missing.push(`${name}: ${zh}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
