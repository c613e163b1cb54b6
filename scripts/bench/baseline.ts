/**
 * The bare Astro baseline: a minimal Astro project over the same point texts, three Markdown pages
 * per point (as the site has a 原文, a 解读 and a 图解 page per point), no layout, no integrations,
 * no content collections, `astro build` only. What our build costs per page beyond it is what the
 * site's features cost (content checks, layouts, the font subset, the search index).
 */
import { linkNodeModules, writeFiles } from '../lib/workspace.ts';
import type { SyntheticPoint } from './synthetic.ts';
import { pointId } from '../../src/lib/content/ids.ts';

/** Pages the baseline builds per point: one for each of the site's per-point pages (原文, 解读, 图解). */
export const BASELINE_PAGES_PER_POINT = ['yaodian', 'jiedu', 'tujie'] as const;

/** Writes the baseline project at `target`; its packages are the project's, linked. */
export function createBaselineProject(projectRoot: string, target: string, points: SyntheticPoint[]): void {
  const files = new Map<string, string>([
    ['package.json', `${JSON.stringify({ name: 'bench-baseline', private: true, type: 'module' }, null, 2)}\n`],
    ['astro.config.mjs', 'export default {};\n'],
  ]);
  for (const p of points) {
    const title = JSON.stringify(`${p.no}. ${p.title}`);
    const page = `---\ntitle: ${title}\n---\n\n# ${p.no}. ${p.title}\n\n${p.body.join('\n\n')}\n`;
    for (const section of BASELINE_PAGES_PER_POINT) files.set(`src/pages/${section}/${pointId(String(p.year), p.no)}.md`, page);
  }
  writeFiles(target, files);
  linkNodeModules(projectRoot, target);
}

/**
 * Command line of the baseline's build, run with this Node: Astro's `build()` API with
 * `logLevel: 'warn'`, as `scripts/build.ts` calls it (the CLI prints a line per page, which would
 * cost the baseline time our build does not spend).
 */
export function baselineBuildCommand(target: string): { command: string; args: string[] } {
  const script = `import { build } from 'astro'; await build({ root: ${JSON.stringify(target)}, logLevel: 'warn' });`;
  return { command: process.execPath, args: ['--input-type=module', '--eval', script] };
}
