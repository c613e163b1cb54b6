// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { site } from './site.config.mjs';
import { siteFonts } from './src/integrations/siteFonts.ts';

// Astro 7 renders Markdown and MDX with Sätteri, which has GFM (tables, strikethrough, autolinks)
// built in, so no remark plugin is configured here.
export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), siteFonts()],
  devToolbar: { enabled: false },
});
