/**
 * Where the open-data files live (item 24 of the 2021 要点: 公报数据库, digital reuse).
 * Paths are site-relative; `absoluteUrl` makes the public address from the configured site URL.
 */
export type SchemaName = 'points' | 'tasks';

export const dataUrls = {
  index: () => '/data/',
  points: (documentId: string) => `/data/${documentId}/points.json`,
  tasks: (documentId: string) => `/data/${documentId}/tasks.json`,
  tasksCsv: (documentId: string) => `/data/${documentId}/tasks.csv`,
  progressCsv: (documentId: string) => `/data/${documentId}/progress.csv`,
  schema: (name: SchemaName) => `/data/schema/${name}.schema.json`,
  rss: () => '/rss.xml',
  sitemap: () => '/sitemap-index.xml',
};

/** Licence note carried by every data file and printed on /data/. */
export const DATA_LICENCE = '可自由下载使用，请注明来源';

/** `/yaodian/2021/` → `https://zwgk.example.gov.cn/yaodian/2021/`. */
export function absoluteUrl(path: string, siteUrl: string): string {
  return new URL(path, siteUrl).href;
}
