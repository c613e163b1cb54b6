import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { fallbackFaces, fontFaceCss } from '../lib/fonts/fontFaces.ts';
import { FALLBACK_CSS_PATH, FONT_CSS_PATH, writeSiteFonts } from '../lib/fonts/writeSiteFonts.ts';

/**
 * Self-hosted Chinese font. After a build, cuts the site's own subsets from the pages it just
 * wrote (writeSiteFonts). In `astro dev`, where pages change as you type, serves the complete
 * font as unicode-range slices instead.
 */
export function siteFonts(): AstroIntegration {
  return {
    name: 'site-fonts',
    hooks: {
      'astro:server:setup': ({ server }) => {
        const faces = fallbackFaces();
        const byUrl = new Map(faces.map((f) => [f.url, f.source]));
        server.middlewares.use((req, res, next) => {
          const path = req.url?.split('?')[0] ?? '';
          if (path === FONT_CSS_PATH || path === FALLBACK_CSS_PATH) {
            res.setHeader('content-type', 'text/css; charset=utf-8');
            res.end(path === FONT_CSS_PATH ? fontFaceCss(faces) : '');
          } else if (byUrl.has(path)) {
            res.setHeader('content-type', 'font/woff2');
            createReadStream(byUrl.get(path)!).pipe(res);
          } else next();
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const report = await writeSiteFonts(fileURLToPath(dir));
        const bytes = report.files.reduce((sum, f) => sum + f.bytes, 0);
        logger.info(`${report.characters} characters → ${report.files.length} font files, ${Math.round(bytes / 1024)} KB`);
      },
    },
  };
}
