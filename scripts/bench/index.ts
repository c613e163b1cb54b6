/**
 * `npm run bench [-- --quick | --pages N] [--keep] [--seed S]`: generates a synthetic archive,
 * builds it with the real generator in a temporary copy of the project, measures the build, the
 * output and search in a real browser, and compares with a bare Astro build of the same text.
 * Sizes: 1,000 and 10,000 points by default, 200 with --quick.
 * `npm run bench -- --lighthouse`: Lighthouse on three pages of the built site in dist/ instead.
 * See docs/performance.md.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadVocabulary } from './vocabulary.ts';
import { generateArchive, type SyntheticArchive } from './synthetic.ts';
import { createRunFolder, createSiteWorkspace, removeRunFolder } from '../lib/workspace.ts';
import { assertSucceeded, runStep } from './measure.ts';
import { pointId, urls } from '../../src/lib/content/ids.ts';
import { interpretationUrls } from '../../src/lib/content/interpretations.ts';
import { distStats, largestPage, pageWeight } from './pageWeight.ts';
import { searchTiming } from './searchTiming.ts';
import { BASELINE_PAGES_PER_POINT, baselineBuildCommand, createBaselineProject } from './baseline.ts';
import { markdownTable, reportHeader, targetsTable, type SizeResult } from './report.ts';
import { lighthouseScores, lighthouseTable } from './lighthouse.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const NODE = process.execPath;
const log = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

function parseCli(argv: string[]): { sizes: number[]; keep: boolean; seed: number; lighthouse: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean' },
      pages: { type: 'string' },
      keep: { type: 'boolean' },
      seed: { type: 'string' },
      lighthouse: { type: 'boolean' },
    },
    strict: true,
  });
  const pages = values.pages === undefined ? undefined : Number(values.pages);
  if (pages !== undefined && !(Number.isInteger(pages) && pages > 0))
    throw new Error(`--pages needs a positive whole number, got ${values.pages}`);
  const seed = values.seed === undefined ? 20210622 : Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed needs a whole number, got ${values.seed}`);
  return {
    sizes: pages ? [pages] : values.quick ? [200] : [1000, 10000],
    keep: values.keep ?? false,
    seed,
    lighthouse: values.lighthouse ?? false,
  };
}

/** Astro and Vite warnings in a step's output, as lines and as distinct messages (timestamps removed). */
function warnings(output: string): { lines: number; distinct: string[] } {
  const lines = output.split('\n').filter((l) => /\[WARN\]|^\(!\)/.test(l));
  return { lines: lines.length, distinct: [...new Set(lines.map((l) => l.replace(/^\d\d:\d\d:\d\d\s+/, '').trim()))] };
}

/** A representative page of each template, in the newest document. */
function templateUrls(archive: SyntheticArchive, dist: string): { name: string; url: string }[] {
  const year = archive.years.at(-1)!;
  const count = archive.points.filter((p) => p.year === year).length;
  const documentId = String(year);
  const mid = Math.ceil(count / 2);
  return [
    { name: 'home', url: urls.home() },
    { name: 'document (通知 + 要点)', url: urls.document(documentId) },
    { name: 'point (原文)', url: urls.point(documentId, mid) },
    { name: '解读', url: interpretationUrls.jiedu(pointId(documentId, mid)) },
    { name: '图解', url: interpretationUrls.tujie(pointId(documentId, mid)) },
    { name: 'task ledger (任务分解表)', url: urls.ledger(documentId) },
    { name: 'department (largest)', url: largestPage(dist, '/bumen/') },
    { name: 'search', url: '/search/' },
  ];
}

async function benchSize(folder: string, points: number, seed: number, keep: boolean): Promise<SizeResult> {
  const started = performance.now();
  const archive = generateArchive({ points, seed, root: ROOT, vocabulary: loadVocabulary(ROOT) });
  const site = join(folder, `site-${points}`);
  createSiteWorkspace(ROOT, site, archive.files);
  const generateMs = performance.now() - started;
  log(`N=${points}: ${archive.files.size} content files in ${site} (${(generateMs / 1000).toFixed(1)} s)`);

  log(`N=${points}: npm run check`);
  const check = await runStep(NODE, ['scripts/check.ts'], { cwd: site });
  assertSucceeded('npm run check on the synthetic archive', check);
  log(`N=${points}: npm run build (the real scripts/build.ts)`);
  const build = await runStep(NODE, ['scripts/build.ts'], { cwd: site });
  const buildLog = join(ROOT, '.tmp', `bench-build-${points}.log`);
  mkdirSync(dirname(buildLog), { recursive: true });
  writeFileSync(buildLog, build.output, 'utf8');
  log(`N=${points}: build output in .tmp/bench-build-${points}.log`);
  assertSucceeded('npm run build on the synthetic archive', build);
  const dist = join(site, 'dist');
  log(`N=${points}: Pagefind step alone`);
  const pagefind = await runStep(NODE, ['scripts/bench/indexChild.ts', dist], { cwd: site });
  assertSucceeded('Pagefind indexing', pagefind);

  log(`N=${points}: page weights and search timing`);
  const stats = distStats(dist);
  const templates = templateUrls(archive, dist).map(({ name, url }) => ({ name, weight: pageWeight(dist, url) }));
  const search = await searchTiming(dist);

  log(`N=${points}: bare Astro baseline`);
  const baselineDir = join(folder, `baseline-${points}`);
  createBaselineProject(ROOT, baselineDir, archive.points);
  const { command, args } = baselineBuildCommand(baselineDir);
  const baseline = await runStep(command, args, { cwd: baselineDir });
  assertSucceeded('bare Astro build', baseline);

  if (!keep) {
    removeRunFolder(site);
    removeRunFolder(baselineDir);
  }
  return {
    points,
    years: archive.years.length,
    pages: stats.htmlPages,
    generateMs,
    check,
    build,
    buildWarnings: warnings(build.output),
    pagefind,
    baseline,
    baselinePages: archive.points.length * BASELINE_PAGES_PER_POINT.length,
    dist: stats,
    templates,
    search,
  };
}

/** Lighthouse on the project's own built site: the figures docs/performance.md records. */
async function benchLighthouse(): Promise<void> {
  const dist = join(ROOT, 'dist');
  if (!existsSync(join(dist, 'index.html')))
    throw new Error('dist/ 中没有构建好的网站，请先运行 npm run build / no built site in dist/: run npm run build first');
  const started = loadavg()[0] ?? 0;
  log('Lighthouse 12, mobile defaults, on dist/ (about a minute a page)');
  const rows = await lighthouseScores(dist);
  const report = `Lighthouse ${new Date().toISOString().slice(0, 10)}, load average ${started.toFixed(1)} → ${(loadavg()[0] ?? 0).toFixed(1)}\n\n${lighthouseTable(rows)}\n`;
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  writeFileSync(join(ROOT, '.tmp', 'bench-lighthouse.md'), report, 'utf8');
  console.log(`\n${report}`);
  log('written to .tmp/bench-lighthouse.md');
}

async function main(): Promise<void> {
  const { sizes, keep, seed, lighthouse } = parseCli(process.argv.slice(2));
  if (lighthouse) return benchLighthouse();
  const folder = createRunFolder();
  log(`sizes ${sizes.join(', ')}; seed ${seed}; working in ${folder}${keep ? ' (kept)' : ''}`);
  const results: SizeResult[] = [];
  let maxLoad = loadavg()[0] ?? 0;
  const loadTimer = setInterval(() => (maxLoad = Math.max(maxLoad, loadavg()[0] ?? 0)), 5000);
  try {
    for (const points of sizes) results.push(await benchSize(folder, points, seed, keep));
  } finally {
    clearInterval(loadTimer);
    if (keep) log(`kept ${folder}`);
    else removeRunFolder(folder);
  }
  const report = `${reportHeader({ seed, date: new Date(), maxLoad })}\n\n${markdownTable(results)}\n\nTargets:\n\n${targetsTable(results)}\n`;
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  writeFileSync(join(ROOT, '.tmp', 'bench-latest.md'), report, 'utf8');
  console.log(`\n${report}`);
  log('written to .tmp/bench-latest.md');
}

main().catch((error: unknown) => {
  console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
