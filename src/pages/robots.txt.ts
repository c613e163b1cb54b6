import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/data/sitemap.ts';
import { site } from '../../site.config.mjs';

/** /robots.txt: everything may be crawled; the sitemap is at the configured site URL. */
export const GET: APIRoute = () => new Response(robotsTxt(site.url), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
