import { readFile } from 'node:fs/promises';
import * as pagefind from 'pagefind';

/**
 * Index the built site with Pagefind. Chinese needs `lang="zh-CN"` on the pages: Pagefind picks
 * its segmenter from it, and without it recall on Chinese queries collapses.
 */
export async function writeSearchIndex(siteDir: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind 无法启动 / Pagefind did not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) throw new Error(`Pagefind 索引失败 / indexing failed: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    if (written.errors.length) throw new Error(`Pagefind 写入失败 / writing the index failed: ${written.errors.join('; ')}`);
    const entry = JSON.parse(await readFile(`${siteDir}/pagefind/pagefind-entry.json`, 'utf8')) as { languages: Record<string, { page_count: number }> };
    return { pages: Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0) };
  } finally {
    await pagefind.close();
  }
}
