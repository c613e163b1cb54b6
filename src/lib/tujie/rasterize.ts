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

/** Encoder settings; part of the cache key, so changing them re-renders. */
const PNG = { compressionLevel: 6 } as const;
/** Under the project's node_modules (the build runs from the project root; bundled code has no stable own path). */
const CACHE_DIR = join(process.cwd(), 'node_modules/.cache/zw-tujie');

/**
 * The SVG as a PNG at its own width (1080 px for a 图解), kept on disk by content hash so a rebuild
 * only draws the 图解 whose data changed. PNG only: it is what readers share and print, and a
 * WebP beside it cost 70 ms of the 115 ms a 图解 took to save a third of the bytes (measured on
 * `2021-18`: drawing 30 ms, PNG 14 ms, WebP 70 ms).
 */
export async function rasterizeSvg(svg: string): Promise<Buffer> {
  const key = createHash('sha256').update(JSON.stringify(PNG)).update(svg).digest('hex');
  const cached = join(CACHE_DIR, `${key}.png`);
  if (existsSync(cached)) return readFileSync(cached);
  useProjectFonts();
  const { default: sharp } = await import('sharp');
  const png = await sharp(Buffer.from(svg)).png(PNG).toBuffer();
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(cached, png);
  } catch {
    /* a read-only node_modules only loses the cache */
  }
  return png;
}
