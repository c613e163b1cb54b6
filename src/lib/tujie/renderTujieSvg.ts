import { wrapText } from './wrapText.ts';

/** What a generated 图解 shows; all of it comes from the content (point, tasks, the entry's measures). */
export interface TujieContent {
  /** e.g. 沈阳市 2021 年政务公开工作要点 · 第18项 */
  kicker: string;
  /** e.g. 三、加强解读回应及答复申请,提供一流服务 */
  section: string;
  title: string;
  measures: string[];
  leads: string[];
  /** Deadlines in date order, ongoing last, with how many tasks fall due. */
  timeline: { label: string; count: number }[];
  footer: string;
}

export const TUJIE_WIDTH = 1080;
const PAD = 64;
const INNER = TUJIE_WIDTH - PAD * 2;
const FONT = "'ZW Sans', 'ZW Sans Late', 'Noto Sans SC', sans-serif";
const BRAND = '#0b3d7a';
const ACCENT = '#a4161a';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The 图解 as SVG, 1080 px wide, height as the content needs. Text stays text (selectable, and
 * drawn with the site's font on the page); `idPrefix` keeps ids unique when inlined.
 * Accessibility: `role="img"` named by its `<title>` and described by its `<desc>`; the page also
 * carries the same content as HTML (TujieText), which is the full text alternative.
 */
export function renderTujieSvg(c: TujieContent, idPrefix = 'tujie'): string {
  const parts: string[] = [];
  let y = 0;
  const text = (x: number, yy: number, s: string, size: number, opts: { weight?: number; fill?: string; anchor?: string } = {}) =>
    parts.push(
      `<text x="${x}" y="${yy}" font-size="${size}" font-weight="${opts.weight ?? 400}" fill="${opts.fill ?? '#1a1a1a'}"${opts.anchor ? ` text-anchor="${opts.anchor}"` : ''}>${escape(s)}</text>`,
    );

  // Header band: kicker, section, title.
  const titleLines = wrapText(c.title, INNER / 60, 3);
  const sectionLines = wrapText(c.section, INNER / 28, 2);
  const headerHeight = 60 + 40 + sectionLines.length * 40 + 20 + titleLines.length * 76 + 40;
  parts.push(`<rect width="${TUJIE_WIDTH}" height="${headerHeight}" fill="${BRAND}"/>`);
  y = 80;
  text(PAD, y, c.kicker, 28, { fill: '#ffffff' });
  y += 50;
  for (const line of sectionLines) {
    text(PAD, y, line, 28, { fill: '#ffd98a' });
    y += 40;
  }
  y += 50;
  for (const line of titleLines) {
    text(PAD, y, line, 60, { weight: 700, fill: '#ffffff' });
    y += 76;
  }
  y = headerHeight + 80;

  // Key measures, numbered.
  text(PAD, y, '重点举措', 40, { weight: 700, fill: BRAND });
  y += 30;
  c.measures.forEach((measure, i) => {
    const lines = wrapText(measure, (INNER - 90) / 36, 2);
    const boxHeight = 40 + lines.length * 48;
    parts.push(`<rect x="${PAD}" y="${y + 16}" width="${INNER}" height="${boxHeight}" rx="12" fill="#f3f5f8" stroke="#c5ccd6"/>`);
    parts.push(`<circle cx="${PAD + 44}" cy="${y + 16 + boxHeight / 2}" r="24" fill="${ACCENT}"/>`);
    text(PAD + 44, y + 16 + boxHeight / 2 + 11, String(i + 1), 30, { weight: 700, fill: '#ffffff', anchor: 'middle' });
    lines.forEach((line, j) => text(PAD + 90, y + 16 + 20 + 36 + j * 48, line, 36));
    y += boxHeight + 24;
  });
  y += 90;

  // Lead departments.
  if (c.leads.length) {
    text(PAD, y, '牵头部门', 40, { weight: 700, fill: BRAND });
    y += 60;
    for (const line of wrapText(c.leads.join('、'), INNER / 34, 4)) {
      text(PAD, y, line, 34);
      y += 50;
    }
    y += 40;
  }

  // Deadlines as a small timeline.
  if (c.timeline.length) {
    text(PAD, y, '完成时限', 40, { weight: 700, fill: BRAND });
    y += 90;
    const step = c.timeline.length > 1 ? INNER / (c.timeline.length - 1) : 0;
    const xs = c.timeline.map((_, i) => (c.timeline.length > 1 ? PAD + 20 + i * (step - 40 / (c.timeline.length - 1)) : PAD + 20));
    if (c.timeline.length > 1)
      parts.push(`<line x1="${xs[0]}" y1="${y}" x2="${xs[xs.length - 1]}" y2="${y}" stroke="${BRAND}" stroke-width="6"/>`);
    c.timeline.forEach((point, i) => {
      const x = xs[i]!;
      const anchor = c.timeline.length === 1 ? 'start' : i === 0 ? 'start' : i === c.timeline.length - 1 ? 'end' : 'middle';
      const tx = anchor === 'start' ? x - 20 : anchor === 'end' ? x + 20 : x;
      parts.push(`<circle cx="${x}" cy="${y}" r="18" fill="#ffffff" stroke="${BRAND}" stroke-width="6"/>`);
      text(tx, y + 66, point.label, 32, { weight: 700, anchor });
      text(tx, y + 110, `${point.count} 项任务`, 28, { fill: '#4a4a4a', anchor });
    });
    y += 170;
  }

  // Footer.
  y += 20;
  parts.push(`<line x1="${PAD}" y1="${y}" x2="${TUJIE_WIDTH - PAD}" y2="${y}" stroke="#c5ccd6" stroke-width="2"/>`);
  y += 50;
  text(PAD, y, c.footer, 26, { fill: '#4a4a4a' });
  const height = y + 50;

  const description = [
    c.kicker,
    c.section,
    `重点举措：${c.measures.map((m, i) => `${i + 1}. ${m}`).join('；')}`,
    c.leads.length ? `牵头部门：${c.leads.join('、')}` : '',
    c.timeline.length ? `完成时限：${c.timeline.map((t) => `${t.label} ${t.count} 项任务`).join('；')}` : '',
  ]
    .filter(Boolean)
    .join('。');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${TUJIE_WIDTH} ${height}" width="${TUJIE_WIDTH}" height="${height}" role="img" aria-labelledby="${idPrefix}-title ${idPrefix}-desc" font-family="${FONT}">`,
    `<title id="${idPrefix}-title">${escape(`图解：${c.title}`)}</title>`,
    `<desc id="${idPrefix}-desc">${escape(description)}</desc>`,
    `<rect width="${TUJIE_WIDTH}" height="${height}" fill="#ffffff"/>`,
    ...parts,
    '</svg>',
  ].join('\n');
}
