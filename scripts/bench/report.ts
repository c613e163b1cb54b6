/** The benchmark's figures as one Markdown table, one column per archive size. */
import { cpus, totalmem } from 'node:os';
import type { StepResult } from './measure.ts';
import type { DistStats, PageWeight } from './pageWeight.ts';
import type { SearchTiming } from './searchTiming.ts';

export interface SizeResult {
  points: number;
  years: number;
  pages: number;
  generateMs: number;
  check: StepResult;
  build: StepResult;
  buildWarnings: { lines: number; distinct: string[] };
  pagefind: StepResult;
  baseline: StepResult;
  /** HTML pages the baseline built. */
  baselinePages: number;
  dist: DistStats;
  templates: { name: string; weight: PageWeight }[];
  search: SearchTiming;
}

const KiB = 1024;
const MiB = 1024 * 1024;
const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const mib = (b: number): string => `${(b / MiB).toFixed(0)} MiB`;
const size = (b: number): string =>
  b >= 10 * MiB ? `${(b / MiB).toFixed(0)} MiB` : b >= MiB ? `${(b / MiB).toFixed(1)} MiB` : `${(b / KiB).toFixed(0)} KiB`;
const kib = (b: number): string => (b / KiB).toFixed(1);

function rows(results: SizeResult[]): [string, ...string[]][] {
  const col = (f: (r: SizeResult) => string): string[] => results.map(f);
  const astroMs = (r: SizeResult): number => r.build.wallMs - r.check.wallMs - r.pagefind.wallMs;
  const out: [string, ...string[]][] = [
    ['archive: documents (years) / point pages / HTML pages', ...col((r) => `${r.years} / ${r.points} / ${r.pages}`)],
    ['`npm run check`: time / peak RSS', ...col((r) => `${s(r.check.wallMs)} / ${mib(r.check.peakRss)}`)],
    ['`npm run build` (check + astro build + Pagefind): wall time / CPU time', ...col((r) => `${s(r.build.wallMs)} / ${s(r.build.cpuMs)}`)],
    [
      '`npm run build`: peak RSS, process tree / largest process',
      ...col((r) => `${mib(r.build.peakRss)} / ${mib(r.build.largestProcessRss)}`),
    ],
    ['rest of the build (build − check − Pagefind: astro build, the content sync beside the check), time', ...col((r) => s(astroMs(r)))],
    ['Pagefind step (run separately): time / peak RSS', ...col((r) => `${s(r.pagefind.wallMs)} / ${mib(r.pagefind.peakRss)}`)],
    [
      'bare Astro baseline (three .md pages per point): pages / wall / CPU time / peak RSS',
      ...col((r) => `${r.baselinePages} / ${s(r.baseline.wallMs)} / ${s(r.baseline.cpuMs)} / ${mib(r.baseline.peakRss)}`),
    ],
    [
      'build vs bare Astro: wall time / CPU time / peak RSS',
      ...col(
        (r) =>
          `${(r.build.wallMs / r.baseline.wallMs).toFixed(1)}× / ${r.baseline.cpuMs ? `${(r.build.cpuMs / r.baseline.cpuMs).toFixed(1)}×` : '—'} / ${(r.build.peakRss / r.baseline.peakRss).toFixed(1)}×`,
      ),
    ],
    [
      'per HTML page, build vs bare Astro: wall ms / CPU ms (ratio)',
      ...col((r) => {
        const ratio = perPageRatio(r);
        return `${(r.build.wallMs / r.pages).toFixed(1)} vs ${(r.baseline.wallMs / r.baselinePages).toFixed(1)} (${ratio.wall.toFixed(2)}×) / ${(r.build.cpuMs / r.pages).toFixed(1)} vs ${(r.baseline.cpuMs / r.baselinePages).toFixed(1)} (${ratio.cpu ? `${ratio.cpu.toFixed(2)}×` : '—'})`;
      }),
    ],
    ['rest of the build vs bare Astro, time', ...col((r) => `${(astroMs(r) / r.baseline.wallMs).toFixed(1)}×`)],
    ['build warnings: lines / distinct messages', ...col((r) => `${r.buildWarnings.lines} / ${r.buildWarnings.distinct.length}`)],
    ['dist: size / files', ...col((r) => `${size(r.dist.bytes)} / ${r.dist.files}`)],
    ['… HTML: size / files', ...col((r) => `${size(r.dist.parts.html.bytes)} / ${r.dist.parts.html.files}`)],
    ['… fonts: size / files', ...col((r) => `${size(r.dist.parts.fonts.bytes)} / ${r.dist.parts.fonts.files}`)],
    ['… Pagefind index: size / files', ...col((r) => `${size(r.dist.parts.pagefind.bytes)} / ${r.dist.parts.pagefind.files}`)],
  ];
  for (const name of results[0]?.templates.map((t) => t.name) ?? []) {
    out.push([
      `gzip KiB, HTML + CSS + JS: ${name}`,
      ...col((r) => {
        const w = r.templates.find((t) => t.name === name)!.weight;
        const label = name.startsWith('department') ? ` (${w.url})` : '';
        return `${kib(w.html)} + ${kib(w.css)} + ${kib(w.js)} = ${kib(w.html + w.css + w.js)}${label}`;
      }),
    ]);
  }
  out.push(
    [
      'search, first result shown: cold (fresh context) / warm (median of 10)',
      ...col((r) => `${r.search.coldMs.toFixed(0)} ms / ${r.search.warmMs.toFixed(0)} ms`),
    ],
    [
      'search, every index searched: cold / warm',
      ...col((r) => `${r.search.coldCompleteMs.toFixed(0)} ms / ${r.search.warmCompleteMs.toFixed(0)} ms`),
    ],
    [
      'search: bytes under /pagefind/ for one cold query, to the first result / in all',
      ...col((r) => `${size(r.search.coldBytes)} / ${size(r.search.coldCompleteBytes)}`),
    ],
  );
  return out;
}

/** Build cost per HTML page over the baseline's per page: wall time and CPU time (0 when unknown). */
function perPageRatio(r: SizeResult): { wall: number; cpu: number } {
  const per = (ms: number, pages: number): number => ms / pages;
  return {
    wall: per(r.build.wallMs, r.pages) / per(r.baseline.wallMs, r.baselinePages),
    cpu: r.baseline.cpuMs ? per(r.build.cpuMs, r.pages) / per(r.baseline.cpuMs, r.baselinePages) : 0,
  };
}

/** The issue's targets (“Build and search at archive scale”). 2.0 GB is read as 2 GiB, as before. */
export const TARGETS = { perPageRatio: 2, processBytes: 2 * 1024 * MiB, coldMs: 600, warmMs: 100, coldBytes: 400 * KiB } as const;

const mark = (ok: boolean): string => (ok ? '✓' : '✗');

/** One row per target and size: the measured figure, the target and ✓/✗. */
export function targetsTable(results: SizeResult[]): string {
  const lines: string[][] = [['target', 'N', 'measured', 'target', '']];
  for (const r of results) {
    const ratio = perPageRatio(r);
    const largest = Math.max(r.check.largestProcessRss, r.build.largestProcessRss, r.pagefind.largestProcessRss);
    lines.push(
      [
        'build cost per HTML page vs bare Astro per page, wall time',
        String(r.points),
        `${ratio.wall.toFixed(2)}×`,
        `≤ ${TARGETS.perPageRatio}×`,
        mark(ratio.wall <= TARGETS.perPageRatio),
      ],
      [
        'build cost per HTML page vs bare Astro per page, CPU time',
        String(r.points),
        ratio.cpu ? `${ratio.cpu.toFixed(2)}×` : '—',
        `≤ ${TARGETS.perPageRatio}×`,
        ratio.cpu ? mark(ratio.cpu <= TARGETS.perPageRatio) : '—',
      ],
      [
        'peak memory of any process (check, build, Pagefind)',
        String(r.points),
        mib(largest),
        `≤ ${mib(TARGETS.processBytes)}`,
        mark(largest <= TARGETS.processBytes),
      ],
      [
        'search, first result cold',
        String(r.points),
        `${r.search.coldMs.toFixed(0)} ms`,
        `≤ ${TARGETS.coldMs} ms`,
        mark(r.search.coldMs <= TARGETS.coldMs),
      ],
      [
        'search, first result warm',
        String(r.points),
        `${r.search.warmMs.toFixed(0)} ms`,
        `≤ ${TARGETS.warmMs} ms`,
        mark(r.search.warmMs <= TARGETS.warmMs),
      ],
      [
        'search, bytes for a cold query to the first result',
        String(r.points),
        size(r.search.coldBytes),
        `≤ ${size(TARGETS.coldBytes)}`,
        mark(r.search.coldBytes <= TARGETS.coldBytes),
      ],
    );
  }
  const [head, ...body] = lines;
  return [head!, ['---', '--:', '--:', '--:', ':-:'], ...body].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

export function markdownTable(results: SizeResult[]): string {
  const header = ['', ...results.map((r) => `N = ${r.points}`)];
  const lines = [header, header.map((_, i) => (i === 0 ? '---' : '--:')), ...rows(results)];
  const table = lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
  const messages = [...new Set(results.flatMap((r) => r.buildWarnings.distinct))];
  if (!messages.length) return table;
  const shown = messages.slice(0, 10).map((m) => `- ${m}`);
  if (messages.length > 10) shown.push(`- … and ${messages.length - 10} more (full output in .tmp/bench-build-<N>.log)`);
  return `${table}\n\nBuild warnings:\n${shown.join('\n')}`;
}

export function reportHeader(options: { seed: number; date: Date; maxLoad: number }): string {
  const cpu = cpus();
  return [
    `Benchmark ${options.date.toISOString().slice(0, 16).replace('T', ' ')} UTC · seed ${options.seed} · Node ${process.version}`,
    `Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, ${process.platform}; ` +
      `highest 1-minute load average seen during the run: ${options.maxLoad.toFixed(1)} (above ${cpu.length} means other work shared the CPUs and wall times are inflated)`,
  ].join('\n');
}
