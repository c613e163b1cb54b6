import { mkdirSync, writeFileSync } from 'node:fs';
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

/** The SVG as a PNG or WebP raster at its own width (1080 px for a 图解). */
export async function rasterizeSvg(svg: string, format: 'png' | 'webp'): Promise<Buffer> {
  useProjectFonts();
  const { default: sharp } = await import('sharp');
  const image = sharp(Buffer.from(svg));
  return format === 'png' ? image.png({ compressionLevel: 9 }).toBuffer() : image.webp({ quality: 90 }).toBuffer();
}
