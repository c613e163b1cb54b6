import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { rasterFonts } from '../fonts/fontFaces.ts';

/**
 * librsvg (inside sharp) finds fonts through fontconfig, and the machines that build this site
 * have no CJK font. Point fontconfig at the Noto Sans SC files the project installs, before
 * sharp draws its first text.
 */
function useProjectFonts(): void {
  if (process.env.ZW_FONTCONFIG) return;
  const dir = join(tmpdir(), 'zw-fontconfig');
  mkdirSync(join(dir, 'cache'), { recursive: true });
  const dirs = [...new Set(rasterFonts().map((f) => dirname(f)))];
  const conf = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
${dirs.map((d) => `  <dir>${d}</dir>`).join('\n')}
  <cachedir>${join(dir, 'cache')}</cachedir>
</fontconfig>
`;
  writeFileSync(join(dir, 'fonts.conf'), conf);
  process.env.FONTCONFIG_FILE = join(dir, 'fonts.conf');
  process.env.ZW_FONTCONFIG = '1';
}

export type RasterFormat = 'png' | 'webp';

/** Encoder settings; part of the cache key, so changing them re-renders. */
const ENCODING = { png: { compressionLevel: 6 }, webp: { quality: 90, effort: 2 } } as const;
/** Under the project's node_modules (the build runs from the project root; bundled code has no stable own path). */
const CACHE_DIR = join(process.cwd(), 'node_modules/.cache/zw-tujie');
const pending = new Map<string, Promise<Record<RasterFormat, Buffer>>>();

/**
 * The SVG as PNG and WebP at its own width (1080 px for a 图解). The SVG is drawn once and both
 * formats are encoded from that bitmap; results are kept by content hash, in memory for the two
 * endpoints of one build and on disk so a rebuild only draws the 图解 whose data changed.
 * (Measured per 图解: 390 ms for two separate renders at PNG level 9, 150 ms this way.)
 */
export function rasterizeSvg(svg: string): Promise<Record<RasterFormat, Buffer>> {
  const key = createHash('sha256').update(JSON.stringify(ENCODING)).update(svg).digest('hex');
  let result = pending.get(key);
  if (!result) {
    result = render(svg, key);
    pending.set(key, result);
  }
  return result;
}

async function render(svg: string, key: string): Promise<Record<RasterFormat, Buffer>> {
  const cached = { png: join(CACHE_DIR, `${key}.png`), webp: join(CACHE_DIR, `${key}.webp`) };
  if (existsSync(cached.png) && existsSync(cached.webp)) return { png: readFileSync(cached.png), webp: readFileSync(cached.webp) };
  useProjectFonts();
  const { default: sharp } = await import('sharp');
  const { data, info } = await sharp(Buffer.from(svg)).raw().toBuffer({ resolveWithObject: true });
  const bitmap = () => sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
  const [png, webp] = await Promise.all([bitmap().png(ENCODING.png).toBuffer(), bitmap().webp(ENCODING.webp).toBuffer()]);
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(cached.png, png);
    writeFileSync(cached.webp, webp);
  } catch {
    /* a read-only node_modules only loses the cache */
  }
  return { png, webp };
}
