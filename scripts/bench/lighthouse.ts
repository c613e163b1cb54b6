/**
 * Lighthouse (its default: a mid-range phone on a slow 4G network, simulated) on pages of a built
 * site, served on loopback, in the same Chromium the browser tests use. Part of `npm run bench`
 * (`--lighthouse` runs it alone on the project's own dist/). See docs/performance.md.
 */
import { createServer } from 'node:http';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumPath, CHROMIUM_ARGS } from '../../tests/e2e/support/browser.ts';
import { listenOnFreePort, staticHandler } from '../lib/serve/staticServer.ts';

/** The pages the issue was measured on: a point's 原文, the task ledger, the home page. */
export const LIGHTHOUSE_PAGES = ['/yaodian/2021/18/', '/renwu/2021/', '/'];

export interface LighthouseScores {
  url: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  /** Cumulative Layout Shift. */
  cls: number;
  /** First and Largest Contentful Paint and Total Blocking Time, ms. */
  fcp: number;
  lcp: number;
  tbt: number;
}

const score = (s: number | null | undefined): number => Math.round((s ?? 0) * 100);

/** Runs Lighthouse once per page, one page at a time, each in a fresh profile. */
export async function lighthouseScores(siteDir: string, paths = LIGHTHOUSE_PAGES): Promise<LighthouseScores[]> {
  // Served gzipped, as docs/deploy.md asks of a real server: Lighthouse times the bytes on a slow network.
  const server = createServer(staticHandler(siteDir, { compress: true }));
  const base = await listenOnFreePort(server, 0);
  const out: LighthouseScores[] = [];
  try {
    for (const path of paths) {
      const chrome = await chromeLauncher.launch({ chromePath: await chromiumPath(), chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
      try {
        const result = await lighthouse(`${base}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' });
        if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
        const { categories, audits, runtimeError } = result.lhr;
        if (runtimeError) throw new Error(`Lighthouse: ${path}: ${runtimeError.code} ${runtimeError.message}`);
        out.push({
          url: path,
          performance: score(categories.performance?.score),
          accessibility: score(categories.accessibility?.score),
          bestPractices: score(categories['best-practices']?.score),
          seo: score(categories.seo?.score),
          cls: audits['cumulative-layout-shift']?.numericValue ?? NaN,
          fcp: audits['first-contentful-paint']?.numericValue ?? NaN,
          lcp: audits['largest-contentful-paint']?.numericValue ?? NaN,
          tbt: audits['total-blocking-time']?.numericValue ?? NaN,
        });
      } finally {
        chrome.kill();
      }
    }
  } finally {
    await new Promise<void>((done) => server.close(() => done()));
  }
  return out;
}

export function lighthouseTable(rows: LighthouseScores[]): string {
  return [
    '| page | performance | CLS | FCP | LCP | TBT | accessibility | best practices | SEO |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| \`${r.url}\` | ${r.performance} | ${r.cls.toFixed(3)} | ${(r.fcp / 1000).toFixed(1)} s | ${(r.lcp / 1000).toFixed(1)} s | ${Math.round(r.tbt)} ms | ${r.accessibility} | ${r.bestPractices} | ${r.seo} |`,
    ),
  ].join('\n');
}
