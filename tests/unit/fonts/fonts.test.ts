import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseUnicodeRange, toUnicodeRange } from '../../../src/lib/fonts/unicodeRange.ts';
import { countCodePoints, htmlVisibleText, scriptStrings } from '../../../src/lib/fonts/collectText.ts';
import { planSlices } from '../../../src/lib/fonts/planSlices.ts';
import { PRELOAD_PLACEHOLDER, fallbackFaces, fontFaceCss } from '../../../src/lib/fonts/fontFaces.ts';
import { writeSiteFonts } from '../../../src/lib/fonts/writeSiteFonts.ts';
import { facesForText, parseFontFaceCss } from '../../../src/lib/fonts/fontFaceRule.ts';

describe('unicode ranges', () => {
  it('collapses runs and round-trips', () => {
    const range = toUnicodeRange([0x4e03, 0x20, 0x21, 0x22, 0x4e00, 0x4e04, 0x4e05]);
    expect(range).toBe('U+20-22,U+4E00,U+4E03-4E05');
    const has = parseUnicodeRange(range);
    expect([0x21, 0x4e00, 0x4e04].every(has)).toBe(true);
    expect([0x23, 0x4e01].some(has)).toBe(false);
  });
});

describe('collecting the characters a site shows', () => {
  it('takes visible text and rendered attributes, not markup, scripts or styles', () => {
    const text = htmlVisibleText(
      '<html><head><title>标题</title></head><body><p class="甲">正文&amp;内容&#x9F98;</p><img alt="图解"><script>var 乙=1</script><style>.丙{}</style></body></html>',
    );
    for (const ch of ['正', '文', '&', '内', '龘', '图', '解']) expect(text).toContain(ch);
    for (const ch of ['甲', '乙', '丙', '标']) expect(text).not.toContain(ch);
  });
  it('decodes script string literals, escaped or not', () => {
    expect(scriptStrings('a="正在搜索…";b=`找到 ${n} 个`;c="\\u6CA1\\u6709"')).toContain('没有');
    expect(scriptStrings('x="正在搜索…"')).toContain('正在搜索');
  });
  it('counts the documents each character appears in', () => {
    const counts = countCodePoints(['公开公开', '公示', '\n\t']);
    expect(counts.get('公'.codePointAt(0)!)).toBe(2);
    expect(counts.get('开'.codePointAt(0)!)).toBe(1);
    expect(counts.has(10)).toBe(false);
  });
  it('counts a character outside the BMP as one code point, in the order characters first occur', () => {
    // 𠀀 (U+20000) is two UTF-16 units; neither half may be counted on its own.
    const counts = countCodePoints(['a𠀀b', 'b𠀀𠀀', '\u0085x']);
    expect([...counts]).toEqual([
      [0x61, 1],
      [0x20000, 2],
      [0x62, 2],
      [0x78, 1],
    ]);
  });
});

describe('slicing by frequency', () => {
  it('puts ASCII and the most used characters first, the rest in smaller slices', () => {
    const counts = new Map<number, number>([
      [0x4e00, 50],
      [0x4e01, 40],
      [0x4e02, 30],
      [0x4e03, 20],
      [0x4e04, 10],
    ]);
    const slices = planSlices(counts, { firstSize: 2, restSize: 2 });
    expect(slices).toHaveLength(3);
    expect(slices[0]).toContain(0x41);
    expect(slices[0]!.filter((cp) => cp > 0x7e)).toEqual([0x4e00, 0x4e01]);
    expect(slices[1]).toEqual([0x4e02, 0x4e03]);
    expect(slices[2]).toEqual([0x4e04]);
  });
  it('is deterministic when counts tie', () => {
    const counts = new Map<number, number>([
      [0x4e05, 1],
      [0x4e01, 1],
      [0x4e03, 1],
    ]);
    expect(planSlices(counts, { firstSize: 1, restSize: 5 })).toEqual(
      planSlices(new Map([...counts].reverse()), { firstSize: 1, restSize: 5 }),
    );
  });
});

describe('font faces', () => {
  it('declares woff2 faces: the face every page loads optional (preloaded, never swapped in) with a swap twin for a page that missed it, slices of a unicode-range swap', () => {
    expect(
      fontFaceCss([
        { family: 'ZW Sans', weight: 400, url: '/fonts/a.woff2' },
        { family: 'ZW Sans', weight: 400, url: '/fonts/b.woff2', unicodeRange: 'U+9F98' },
      ]),
    ).toBe(
      "@font-face{font-family:'ZW Sans';font-style:normal;font-weight:400;font-display:optional;src:url(/fonts/a.woff2) format('woff2')}\n" +
        "@font-face{font-family:'ZW Sans Late';font-style:normal;font-weight:400;font-display:swap;src:url(/fonts/a.woff2) format('woff2')}\n" +
        "@font-face{font-family:'ZW Sans';font-style:normal;font-weight:400;font-display:swap;src:url(/fonts/b.woff2) format('woff2');unicode-range:U+9F98}",
    );
  });
  it('reads its own stylesheet back, and picks the faces a text needs: the face every page loads, and only the slices holding its characters', () => {
    const declared = [
      { family: 'ZW Sans', weight: 400, url: '/fonts/a.woff2' },
      { family: 'ZW Sans', weight: 400, url: '/fonts/b.woff2', unicodeRange: 'U+9F98' },
      { family: 'ZW Sans', weight: 400, url: '/fonts/c.woff2', unicodeRange: 'U+4E00-4E05,U+9F99' },
    ];
    const faces = parseFontFaceCss(fontFaceCss(declared));
    expect(faces).toEqual([declared[0], { ...declared[0], family: 'ZW Sans Late' }, declared[1], declared[2]]);
    expect(facesForText(faces, 'ZW Sans', '政务').map((f) => f.url)).toEqual(['/fonts/a.woff2']);
    expect(facesForText(faces, 'ZW Sans', '政龘').map((f) => f.url)).toEqual(['/fonts/a.woff2', '/fonts/b.woff2']);
    expect(facesForText(faces, 'ZW Sans', '一龙').map((f) => f.url)).toEqual(['/fonts/a.woff2', '/fonts/c.woff2']);
    expect(facesForText(faces, 'Noto Sans SC', '一')).toEqual([]);
    expect(() => parseFontFaceCss('@font-face{font-weight:400}')).toThrow(/without font-family/);
  });
  it('fills in each page’s preload with the face every page loads, in place, and leaves other pages alone', async () => {
    const site = mkdtempSync(join(tmpdir(), 'site-fonts-'));
    try {
      const link = '<link rel="stylesheet" href="/fonts/fonts.css">';
      const page = (body: string, preload: boolean) =>
        `<!doctype html><html lang="zh-CN"><head>${preload ? `<link rel="preload" href="${PRELOAD_PLACEHOLDER}" as="font" type="font/woff2" crossorigin>` : ''}${link}</head><body><main>${body}</main></body></html>`;
      mkdirSync(join(site, 'a'));
      writeFileSync(join(site, 'a/index.html'), page('政务公开'.repeat(20_000), true));
      writeFileSync(join(site, 'plain.html'), page('没有预加载', false));
      const { files } = await writeSiteFonts(site);
      const built = readFileSync(join(site, 'a/index.html'), 'utf8');
      const preloaded = /<link rel="preload" href="([^"]+)"/.exec(built)?.[1];
      expect(preloaded).toBe(files[0]!.url);
      expect(statSync(join(site, preloaded!)).size).toBe(files[0]!.bytes);
      expect(built).toBe(page('政务公开'.repeat(20_000), true).replace(PRELOAD_PLACEHOLDER, preloaded!));
      expect(readFileSync(join(site, 'plain.html'), 'utf8')).toBe(page('没有预加载', false));
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
  it('reads the complete font’s slices, which together cover common and rare characters', () => {
    const faces = fallbackFaces();
    expect(faces.length).toBeGreaterThan(90);
    const covers = (ch: string) => faces.some((f) => parseUnicodeRange(f.unicodeRange!)(ch.codePointAt(0)!));
    for (const ch of ['政', '务', '龘', '〔']) expect(covers(ch), ch).toBe(true);
  });
});
