import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as pagefind from 'pagefind';
import { DIST } from './support/site.ts';
import { splitCjkInHtml } from '../../src/lib/search/segment.ts';
import { indexerInput } from '../../src/lib/search/indexerInput.ts';

/**
 * The build gives Pagefind only the parts of a page it reads (`indexerInput`). On the built site,
 * that must give exactly the index the whole pages give: every file, byte for byte, so every
 * search finds the same pages with the same excerpts, metadata and filters.
 */
const pages = readdirSync(DIST, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.html') && !f.startsWith(`pagefind${sep}`))
  .sort()
  .map((file) => ({ url: `/${file.split(sep).join('/')}`.replace(/index\.html$/, ''), html: readFileSync(join(DIST, file), 'utf8') }))
  .filter((p) => p.html.includes('data-pagefind-body'));

async function indexFiles(prepare: (html: string) => string): Promise<Map<string, string>> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join('; '));
  try {
    for (const p of pages) {
      const added = await index.addHTMLFile({ url: p.url, content: splitCjkInHtml(prepare(p.html)) });
      expect(added.errors).toEqual([]);
    }
    const { files } = await index.getFiles();
    return new Map(files.map((f) => [f.path, Buffer.from(f.content).toString('base64')]));
  } finally {
    await pagefind.close();
  }
}

afterAll(() => pagefind.close());

describe('what the search indexer is given', () => {
  it('is half or less of each page and gives the same index, file for file, byte for byte', async () => {
    expect(pages.length).toBeGreaterThan(50);
    const sent = pages.reduce((n, p) => n + indexerInput(p.html).length, 0);
    expect(sent).toBeLessThan(pages.reduce((n, p) => n + p.html.length, 0) / 2);
    const whole = await indexFiles((html) => html);
    const reduced = await indexFiles(indexerInput);
    expect([...reduced.keys()].sort()).toEqual([...whole.keys()].sort());
    for (const [path, content] of whole) expect(reduced.get(path), path).toBe(content);
  }, 120_000);
});
