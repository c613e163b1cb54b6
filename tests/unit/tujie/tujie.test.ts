import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textWidth, wrapText } from '../../../src/lib/tujie/wrapText.ts';
import { renderTujieSvg } from '../../../src/lib/tujie/renderTujieSvg.ts';
import { leadsByWeight, timeline } from '../../../src/lib/tujie/tujieContent.ts';
import { rasterizeSvg } from '../../../src/lib/tujie/rasterize.ts';

const deadline = (raw: string, date: string | null) => ({
  raw,
  date,
  kind: date ? ('date' as const) : ('ongoing' as const),
  inherited: false,
});

describe('wrapText', () => {
  it('breaks Chinese between characters within the width', () => {
    const lines = wrapText('强化市场规则标准和监管执法信息公开', 8);
    expect(lines.join('')).toBe('强化市场规则标准和监管执法信息公开');
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(8);
  });
  it('never starts a line with closing punctuation', () => {
    const lines = wrapText('一二三四五，六七八', 5);
    expect(lines[1]?.startsWith('，')).toBe(false);
    expect(lines[0]).toBe('一二三四五，');
  });
  it('cuts to a maximum number of lines with an ellipsis', () => {
    expect(wrapText('一二三四五六七八九十', 3, 2)).toEqual(['一二三', '四五…']);
  });
});

describe('generated 图解', () => {
  const tasks = [
    { lead: ['市政府办公室'], deadline: deadline('12月底', '2021-12-31') },
    { lead: ['市营商局', '市政府办公室'], deadline: deadline('9月底', '2021-09-30') },
    { lead: ['市营商局'], deadline: deadline('长期坚持', null) },
    { lead: ['市政府办公室'], deadline: deadline('9月底', '2021-09-30') },
  ];
  it('orders deadlines in time, ongoing last, with task counts', () => {
    expect(timeline(tasks)).toEqual([
      { label: '9月底', count: 2 },
      { label: '12月底', count: 1 },
      { label: '持续推进', count: 1 },
    ]);
  });
  it('lists the departments that lead most first', () => {
    expect(leadsByWeight(tasks)).toEqual(['市政府办公室', '市营商局']);
  });
  const svg = renderTujieSvg(
    {
      kicker: '要点 · 第18项',
      section: '三、加强解读回应',
      title: '创新政策解读形式',
      measures: ['文件配文字解读和图解', '杜绝摘抄'],
      leads: ['市政府办公室'],
      timeline: timeline(tasks),
      footer: '站点 <测试>',
    },
    't18',
  );
  it('is an image named by its title and described by its content, with escaped text', () => {
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="t18-title t18-desc"/);
    expect(svg).toContain('<title id="t18-title">图解：创新政策解读形式</title>');
    expect(svg).toMatch(/<desc id="t18-desc">[^<]*重点举措：1\. 文件配文字解读和图解；2\. 杜绝摘抄/);
    expect(svg).toContain('站点 &lt;测试&gt;');
    expect(svg).toContain('width="1080"');
  });
  it('rasterises to a PNG 1080 px wide', async () => {
    const { default: sharp } = await import('sharp');
    const meta = await sharp(await rasterizeSvg(svg)).metadata();
    expect(meta.format).toBe('png');
    expect(meta.width).toBe(1080);
  });

  it('draws real Chinese glyphs, not the boxes a machine without a CJK font draws', async () => {
    const { default: sharp } = await import('sharp');
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="900" height="260"><rect width="900" height="260" fill="#fff"/><text x="10" y="210" font-family="Noto Sans SC" font-size="200" font-weight="700">政务公开</text></svg>';
    const grey = async (png: Buffer) => (await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true })).data;
    const ours = await grey(await rasterizeSvg(svg));
    // The same SVG in a fresh process whose fontconfig knows no font at all: what a bare machine draws.
    const dir = mkdtempSync(join(tmpdir(), 'nofont-'));
    writeFileSync(join(dir, 'fonts.conf'), `<?xml version="1.0"?><fontconfig><cachedir>${dir}</cachedir></fontconfig>`);
    const script = `import sharp from 'sharp'; const b = await sharp(Buffer.from(process.argv[1])).png().toBuffer(); process.stdout.write(b.toString('base64'));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, svg], {
      env: { ...process.env, FONTCONFIG_FILE: join(dir, 'fonts.conf'), ZW_FONTCONFIG: '1' },
      cwd: join(import.meta.dirname, '../../..'),
    });
    const bare = await grey(Buffer.from(out.toString(), 'base64'));
    let differing = 0;
    for (let i = 0; i < ours.length; i++) if (Math.abs(ours[i]! - bare[i]!) > 64) differing++;
    expect(differing / ours.length).toBeGreaterThan(0.1);
    const ink = ours.reduce((n, v) => n + (v < 128 ? 1 : 0), 0) / ours.length;
    expect(ink).toBeGreaterThan(0.2);
  });
});
