/**
 * Item 3 of the attack issue: every page reads content through the one gate,
 * `src/lib/content/queries.ts`. ESLint (the project's own `eslint.config.js`, as `npm run lint`
 * runs it) refuses `astro:content` anywhere else, in TypeScript and in Astro components.
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: ROOT });

/** The rule ids ESLint reports for `code` as if it were the file `path` of the project. */
async function ruleIds(code: string, path: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, path) });
  return result!.messages.map((m) => m.ruleId);
}

describe('the content gate lint rule', () => {
  it('fails a page that reads a collection directly, as the QR route once did', async () => {
    const page = `import { getCollection } from 'astro:content';\nexport const urls = async () => (await getCollection('progress')).length;\n`;
    expect(await ruleIds(page, 'src/pages/qr/[hash].svg.ts')).toEqual(['no-restricted-imports']);
  });

  it('fails a dynamic import and an import in an Astro component', async () => {
    expect(await ruleIds(`export const load = () => import('astro:content');\n`, 'src/lib/data/probe.ts')).toEqual([
      'no-restricted-syntax',
    ]);
    const component = `---\nimport { render } from 'astro:content';\nconst r = render;\n---\n<p>{String(r)}</p>\n`;
    expect(await ruleIds(component, 'src/components/Probe.astro')).toEqual(['no-restricted-imports']);
  });

  it('allows the gate itself and the collections definition', async () => {
    const read = `import { getCollection } from 'astro:content';\nexport const all = () => getCollection('documents');\n`;
    expect(await ruleIds(read, 'src/lib/content/queries.ts')).toEqual([]);
    const define = `import { defineCollection } from 'astro:content';\nexport const collections = { a: defineCollection({}) };\n`;
    expect(await ruleIds(define, 'src/content.config.ts')).toEqual([]);
  });
});
