/**
 * The bare Astro baseline: a minimal Astro project over the same point texts, one Markdown page
 * per point, no layout, no integrations, no content collections, `astro build` only. What our
 * build costs beyond it is what the site's features cost (content checks, 解读 and 图解 pages,
 * raster images, the font subset, the search index).
 */
import { linkNodeModules, writeFiles } from '../lib/workspace.ts';
import type { SyntheticPoint } from './synthetic.ts';
import { pointId } from '../../src/lib/content/ids.ts';

/** Writes the baseline project at `target`; its packages are the project's, linked. */
export function createBaselineProject(projectRoot: string, target: string, points: SyntheticPoint[]): void {
  const files = new Map<string, string>([
    ['package.json', `${JSON.stringify({ name: 'bench-baseline', private: true, type: 'module' }, null, 2)}\n`],
    ['astro.config.mjs', 'export default {};\n'],
  ]);
  for (const p of points) {
    const title = JSON.stringify(`${p.no}. ${p.title}`);
    files.set(
      `src/pages/${pointId(String(p.year), p.no)}.md`,
      `---\ntitle: ${title}\n---\n\n# ${p.no}. ${p.title}\n\n${p.body.join('\n\n')}\n`,
    );
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
