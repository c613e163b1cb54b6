import { describe, expect, it } from 'vitest';
import { textWidth, wrapText } from '../../../src/lib/tujie/wrapText.ts';
import { renderTujieSvg } from '../../../src/lib/tujie/renderTujieSvg.ts';
import { leadsByWeight, timeline } from '../../../src/lib/tujie/tujieContent.ts';
import { embedStyle, firstFamily, imageSize } from '../../../src/lib/tujie/downloadImage.ts';

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
  it('gets the style of its downloaded PNG as its first child, still one well-formed SVG', () => {
    const styled = embedStyle(svg, "@font-face{font-family:'ZW Sans';src:url(data:font/woff2;base64,AAAA) format('woff2')}");
    expect(styled).toMatch(/^<svg [^>]*><style><!\[CDATA\[@font-face\{font-family:'ZW Sans';[^\]]*\]\]><\/style>\n<title id="t18-title">/);
    expect(styled.replace(/<style>[\s\S]*?<\/style>/, '')).toBe(svg);
    expect(() => embedStyle('<p>x</p>', '')).toThrow(/no <svg>/);
  });
  it('names the family to embed and the size of the PNG: 1080 px wide, same aspect', () => {
    expect(firstFamily("'ZW Sans', 'ZW Sans Late', 'Noto Sans SC', sans-serif")).toBe('ZW Sans');
    expect(imageSize(1080, 1400)).toEqual({ width: 1080, height: 1400 });
    expect(imageSize(540, 700)).toEqual({ width: 1080, height: 1400 });
    expect(() => imageSize(0, 10)).toThrow(/no size/);
  });
});
