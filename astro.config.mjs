// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import { site } from './site.config.mjs';
import { siteFonts } from './src/integrations/siteFonts.ts';
import { sanitizeJiedu } from './src/lib/jiedu/sanitize.ts';
import { ALWAYS_EXCLUDED, nonPublicPaths, sitemapFilter } from './src/lib/data/sitemap.ts';

/**
 * The sitemap's filter, built on its first use: it reads the content's 公开属性 (0.4 s of CPU at
 * 1,000 points, 1.4 s before the check's loader read YAML with js-yaml), which only the build's
 * sitemap needs, not every process that loads this config (the content sync's, `astro check`'s).
 */
/** @type {((url: string) => boolean) | undefined} */
let sitemapUrlFilter;
/** @param {string} url */
const isInSitemap = (url) => (sitemapUrlFilter ??= sitemapFilter(ALWAYS_EXCLUDED, nonPublicPaths(import.meta.dirname)))(url);

// Astro 7 renders Markdown and MDX with Sätteri, which has GFM (tables, strikethrough, autolinks)
// built in, so no remark plugin is configured here.
export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  // Sitemap: HTML pages only, without 404, search, or pages of content that is not 主动公开.
  integrations: [mdx(), siteFonts(), sitemap({ filter: isInSitemap })],
  devToolbar: { enabled: false },
  // Small per-component CSS is inlined (Astro hashes it into each page's CSP), so a page waits on
  // two stylesheets (the layout's and the fonts') instead of six before its first paint.
  build: { format: 'directory', inlineStylesheets: 'auto', concurrency: 2 },
  // Shiki colours code with inline styles, which the Content-Security-Policy forbids; 解读 rarely
  // hold code, and plain <pre> blocks stay readable in every theme.
  // 解读 content is sanitised as it renders (src/lib/jiedu/sanitize.ts): `npm run check` is not the
  // only gate. MDX inherits this processor, so the step runs on .md and .mdx alike.
  markdown: { syntaxHighlight: false, processor: satteri({ hastPlugins: [sanitizeJiedu] }) },
  security: {
    // Astro hashes every script and style it emits into a CSP <meta> on each page; nothing else
    // may run. Pagefind compiles its WebAssembly at run time, hence 'wasm-unsafe-eval'.
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "worker-src 'self' blob:",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  vite: {
    // The search workers (src/client/searchWorker.ts) import Pagefind's ES module at run time.
    worker: { format: 'es' },
    build: {
      rollupOptions: {
        // Every .mdx module carries Astro's "use astro:head-inject" directive, and the bundler
        // warns once per file that it may not be preserved; it is harmless (astro issue 18087).
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
