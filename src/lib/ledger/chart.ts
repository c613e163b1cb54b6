import { describeCounts, LIGHT_NAMES, LIGHT_ORDER, type Light } from './lights.ts';

export const LIGHT_FILL: Record<Light, string> = {
  red: '#c62828',
  yellow: '#f9a825',
  green: '#2e7d32',
  grey: '#9e9e9e',
  unreported: '#ffffff',
};
/** Text drawn on a segment of each fill. */
const LABEL_FILL: Record<Light, string> = { red: '#ffffff', yellow: '#1a1a1a', green: '#ffffff', grey: '#1a1a1a', unreported: '#1a1a1a' };
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Width of a character at font size 1: CJK characters and the punctuation a Chinese font sets
 * full-width (from U+2000: quotes, `…`) fill a square, Latin letters and digits about 0.6 of it.
 */
const charWidth = (ch: string) => ((ch.codePointAt(0) ?? 0) >= 0x2000 ? 1 : 0.6);

/**
 * A row label as drawn in a column `width` wide at `fontSize`: whole when it fits, else cut and
 * ended with `…` (a section printed without a numeral is labelled by its heading, which may be long).
 */
export function fitLabel(label: string, width: number, fontSize: number): string {
  const room = width / fontSize;
  const chars = [...label];
  if (chars.reduce((w, ch) => w + charWidth(ch), 0) <= room) return label;
  let used = charWidth('…');
  let end = 0;
  while (end < chars.length && used + charWidth(chars[end]!) <= room) used += charWidth(chars[end++]!);
  return `${chars.slice(0, end).join('')}…`;
}

/**
 * A horizontal stacked bar per row (a section, a department) of light counts, as SVG.
 * Accessibility: `role="img"` named by its title and described by a sentence with every count;
 * each segment is also labelled with its number, and a table with the same counts sits beside it.
 * A row label too long for its column is shortened where it is drawn, never in the description.
 * 未报送 is no light: a white, dark-outlined segment with a hatch, never a colour of its own.
 */
export function lightsChartSvg(rows: { label: string; counts: Record<Light, number> }[], title: string, idPrefix: string): string {
  const width = 720;
  const labelWidth = 190;
  const barHeight = 30;
  const gap = 14;
  const legendHeight = 40;
  const max = Math.max(1, ...rows.map((r) => LIGHT_ORDER.reduce((n, l) => n + r.counts[l], 0)));
  const scale = (width - labelWidth - 20) / max;
  const hatch = `${idPrefix}-hatch`;
  const fill = (light: Light) => (light === 'unreported' ? `url(#${hatch})` : LIGHT_FILL[light]);
  const parts: string[] = [
    `<defs><pattern id="${hatch}" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="${LIGHT_FILL.unreported}"/><line x1="0" y1="0" x2="0" y2="8" stroke="#767676" stroke-width="2"/></pattern></defs>`,
  ];
  LIGHT_ORDER.forEach((light, i) => {
    const x = i * 140;
    parts.push(
      `<rect x="${x}" y="6" width="18" height="18" fill="${fill(light)}" stroke="#1a1a1a"/>`,
      `<text x="${x + 26}" y="21" font-size="16">${LIGHT_NAMES[light]}</text>`,
    );
  });
  rows.forEach((row, r) => {
    const y = legendHeight + r * (barHeight + gap);
    parts.push(`<text x="0" y="${y + 21}" font-size="16">${escape(fitLabel(row.label, labelWidth - 8, 16))}</text>`);
    let x = labelWidth;
    for (const light of LIGHT_ORDER) {
      const n = row.counts[light];
      if (!n) continue;
      const w = n * scale;
      parts.push(
        `<rect x="${x}" y="${y}" width="${w}" height="${barHeight}" fill="${fill(light)}" stroke="${light === 'unreported' ? '#1a1a1a' : '#ffffff'}"/>`,
      );
      if (w >= 22)
        parts.push(
          `<text x="${x + w / 2}" y="${y + 21}" font-size="15" font-weight="700" text-anchor="middle" fill="${LABEL_FILL[light]}"${light === 'unreported' ? ' stroke="#ffffff" stroke-width="4" paint-order="stroke"' : ''}>${n}</text>`,
        );
      x += w;
    }
  });
  const height = legendHeight + rows.length * (barHeight + gap);
  const description = rows.map((row) => `${row.label}：${describeCounts(row.counts)}`).join('；');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${idPrefix}-title ${idPrefix}-desc" font-family="'ZW Sans', 'ZW Sans Late', 'Noto Sans SC', sans-serif">`,
    `<title id="${idPrefix}-title">${escape(title)}</title>`,
    `<desc id="${idPrefix}-desc">${escape(description)}</desc>`,
    ...parts,
    '</svg>',
  ].join('\n');
}
