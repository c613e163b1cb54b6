import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { DIST, distPath } from './support/site.ts';
import { hrefsOf, readPage, selectAll, textOf } from './support/html.ts';
import { site } from '../../site.config.mjs';

const CONTENT = resolve(import.meta.dirname, '../../src/content');
const SITE = site.url.replace(/\/$/, '');
const CSV_COLUMNS = [
  '编号',
  '要点编号',
  '要点标题',
  '主要任务',
  '牵头部门',
  '责任单位',
  '完成时限',
  '完成日期',
  '状态',
  '报送日期',
  '报送的完成日期',
  '进展情况',
  '佐证链接',
];

/** YAML (or MDX front matter) entries of a collection folder, with their ids. */
function entries<T>(collection: string, ext = '.yaml'): { id: string; data: T }[] {
  const dir = join(CONTENT, collection);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const yaml = ext === '.mdx' ? text.split(/^---\s*$/m)[1]! : text;
      return { id: f.slice(0, -ext.length).split('\\').join('/'), data: parse(yaml) as T };
    });
}

/**
 * A strict RFC 4180 parser: records end with CRLF, fields may be quoted ("" for a quote inside);
 * a bare CR or LF outside quotes, a quote inside an unquoted field or an open quote is an error.
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const field = (): string => {
    if (text[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          return value;
        }
        value += text[i++];
      }
    }
    const start = i;
    while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
      if (text[i] === '"') throw new Error(`quote inside an unquoted field at ${i}`);
      i++;
    }
    return text.slice(start, i);
  };
  while (i < text.length) {
    row.push(field());
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text.startsWith('\r\n', i)) {
      i += 2;
      rows.push(row);
      row = [];
      continue;
    }
    throw new Error(`expected , or CRLF at ${i}, found ${JSON.stringify(text[i] ?? 'end of file')}`);
  }
  if (row.length) throw new Error('last record is not ended by CRLF');
  return rows;
}

/** `https://site/yaodian/2021/` → the built file that serves it, or null. */
function distFileOf(url: string): string | null {
  if (!url.startsWith(`${SITE}/`)) return null;
  const path = decodeURI(url.slice(SITE.length));
  const file = path.endsWith('/') ? distPath(path, 'index.html') : distPath(path);
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

function readXml(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  expect(SyntaxValidator.validate(text), path).toBe(true);
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (name) => ['item', 'url', 'sitemap'].includes(name),
  }).parse(text);
}

const documents = entries<{ year: number; disclosure: string }>('documents');
const publicDocuments = documents.filter((d) => d.data.disclosure === '主动公开');
const jiedu = entries<{ disclosure: string; interprets: { point?: string; document?: string } }>('jiedu', '.mdx');
const tasks2021 = entries<{ text: string; point: string }>('tasks/2021');
const points2021 = entries<{ no: number; title: string }>('points/2021');

type TasksJson = {
  $schema: string;
  document: { year: number; disclosure: string };
  tasks: {
    id: string;
    text: string;
    point: { no: number; title: string };
    lead: { name: string }[];
    units: { name: string }[];
    deadline: { raw: string; date: string | null };
    url: string;
    status: {
      progress: string | null;
      light: 'red' | 'yellow' | 'green' | 'grey' | 'unreported';
      label: string;
      reportedAt: string | null;
      completedAt: string | null;
      note: string | null;
      evidence: string | null;
    };
  }[];
};
type PointsJson = {
  $schema: string;
  document: { year: number; disclosure: string; url: string; jieduUrl: string | null; tujieUrl: string | null };
  points: { no: number; url: string; jieduUrl: string | null; tujieUrl: string | null }[];
};
const readJson = <T>(...parts: string[]) => JSON.parse(readFileSync(distPath(...parts), 'utf8')) as T;

describe('open data: /data/2021/tasks.csv', () => {
  const bytes = readFileSync(distPath('data', '2021', 'tasks.csv'));
  const text = bytes.toString('utf8');
  const rows = parseCsv(text.slice(1));

  it('is UTF-8 with a byte-order mark and CRLF line endings', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // No field holds a line break, so every CR or LF in the file is one record's CRLF.
    expect(rows.flat().some((f) => /[\r\n]/.test(f))).toBe(false);
    expect(text.match(/\r\n/g)?.length).toBe(rows.length);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('has the agreed columns and one row per task of the 2021 table, matching the tasks collection', () => {
    expect(tasks2021.length).toBeGreaterThan(0);
    expect(rows[0]).toEqual(CSV_COLUMNS);
    const body = rows.slice(1);
    expect(body).toHaveLength(tasks2021.length);
    for (const row of body) expect(row).toHaveLength(CSV_COLUMNS.length);
    const byId = new Map(body.map((r) => [r[0]!, r]));
    expect([...byId.keys()].sort()).toEqual(tasks2021.map((t) => `2021/${t.id}`).sort());
    for (const task of tasks2021) expect(byId.get(`2021/${task.id}`)![3], task.id).toBe(task.data.text);
  });

  it('agrees row by row with tasks.json, with each task’s ledger status', () => {
    const json = readJson<TasksJson>('data', '2021', 'tasks.json');
    const body = rows.slice(1);
    expect(body.map((r) => r[0])).toEqual(json.tasks.map((t) => t.id));
    for (const [i, t] of json.tasks.entries()) {
      expect(body[i]).toEqual([
        t.id,
        String(t.point.no),
        t.point.title,
        t.text,
        t.lead.map((d) => d.name).join('、'),
        t.units.map((d) => d.name).join('、'),
        t.deadline.raw,
        t.deadline.date ?? '',
        t.status.progress === null
          ? '未报送'
          : `${t.status.progress}（${{ red: '红灯', yellow: '黄灯', green: '绿灯', grey: '不亮灯', unreported: '' }[t.status.light]}：${t.status.label}）`,
        t.status.reportedAt ?? '',
        t.status.completedAt ?? '',
        t.status.note ?? '',
        t.status.evidence ?? '',
      ]);
    }
  });
});

describe('open data: /data/2021/progress.csv', () => {
  it('has the history columns and, with no report committed, no rows', () => {
    const rows = parseCsv(readFileSync(distPath('data', '2021', 'progress.csv'), 'utf8').slice(1));
    expect(rows).toEqual([
      ['任务编号', '要点编号', '主要任务', '牵头部门', '完成时限', '填报日期', '进展状态', '完成日期', '进展情况', '佐证链接'],
    ]);
  });
});

describe('open data: JSON files and their schemas', () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  const schemaOf = (name: string) => readJson<Record<string, unknown>>('data', 'schema', `${name}.schema.json`);

  for (const name of ['points', 'tasks'] as const) {
    it(`${name}.json of every public document validates against /data/schema/${name}.schema.json (draft 2020-12)`, () => {
      const schema = schemaOf(name);
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.$id).toBe(`${SITE}/data/schema/${name}.schema.json`);
      const validate = ajv.getSchema(schema.$id as string) ?? ajv.compile(schema);
      expect(publicDocuments.length).toBeGreaterThan(0);
      for (const document of publicDocuments) {
        const data = readJson<{ $schema: string }>('data', String(document.data.year), `${name}.json`);
        expect(data.$schema).toBe(schema.$id);
        expect(validate(data), JSON.stringify(validate.errors, null, 2)).toBe(true);
      }
    });
  }

  it('tasks.json has every 2021 task with its text; points.json every 2021 point', () => {
    const tasks = readJson<TasksJson>('data', '2021', 'tasks.json');
    expect(new Map(tasks.tasks.map((t) => [t.id, t.text]))).toEqual(new Map(tasks2021.map((t) => [`2021/${t.id}`, t.data.text])));
    const points = readJson<PointsJson>('data', '2021', 'points.json');
    expect(points.points.map((p) => p.no)).toEqual(points2021.map((p) => p.data.no).sort((a, b) => a - b));
  });

  it('links only to pages that exist in dist/', () => {
    const points = readJson<PointsJson>('data', '2021', 'points.json');
    const tasks = readJson<TasksJson>('data', '2021', 'tasks.json');
    const urls = [points.document, ...points.points].flatMap((p) => [p.url, p.jieduUrl, p.tujieUrl]).concat(tasks.tasks.map((t) => t.url));
    for (const url of urls.filter((u): u is string => u !== null)) expect(distFileOf(url), url).not.toBeNull();
  });
});

describe('RSS and sitemap', () => {
  it('/rss.xml is well-formed RSS 2.0, newest first, every item a page of the site', () => {
    const rss = (
      readXml(distPath('rss.xml')) as { rss: { '@version': string; channel: { link: string; item: Record<string, unknown>[] } } }
    ).rss;
    expect(rss['@version']).toBe('2.0');
    expect(rss.channel.link).toBe(`${SITE}/`);
    const items = rss.channel.item as { title: string; link: string; guid: { '#text': string }; pubDate: string; description: string }[];
    const publicJiedu = jiedu.filter((j) => j.data.disclosure === '主动公开');
    expect(items).toHaveLength(publicDocuments.length + publicJiedu.length);
    for (const item of items) {
      expect(item.title, item.link).toBeTruthy();
      expect(item.description, item.link).toBeTruthy();
      expect(item.guid['#text']).toBe(item.link);
      expect(item.pubDate).toMatch(
        /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} 16:00:00 GMT$/,
      ); // midnight in Beijing
      expect(distFileOf(item.link), item.link).not.toBeNull();
    }
    const times = items.map((i) => Date.parse(i.pubDate));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    for (const document of publicDocuments) expect(items.map((i) => i.link)).toContain(`${SITE}/yaodian/${document.data.year}/`);
  });

  it('/sitemap-index.xml and its sitemaps are well-formed and list only pages that exist, without 404 and search', () => {
    const index = readXml(distPath('sitemap-index.xml')) as { sitemapindex: { sitemap: { loc: string }[] } };
    const pages: string[] = [];
    for (const { loc } of index.sitemapindex.sitemap) {
      const file = distFileOf(loc);
      expect(file, loc).not.toBeNull();
      pages.push(...(readXml(file!) as { urlset: { url: { loc: string }[] } }).urlset.url.map((u) => u.loc));
    }
    expect(pages).toContain(`${SITE}/`);
    expect(pages).toContain(`${SITE}/yaodian/2021/01/`);
    expect(pages).toContain(`${SITE}/data/`);
    for (const page of pages) {
      expect(distFileOf(page), page).not.toBeNull();
      expect(page, page).not.toMatch(/\/(404|search)\//);
    }
  });

  it('robots.txt points at the sitemap on the configured site', () => {
    expect(readFileSync(distPath('robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
  });
});

describe('公开属性: nothing that is not 主动公开 is exported', () => {
  const dataYears = readdirSync(distPath('data'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d{4}$/.test(d.name))
    .map((d) => d.name);

  it('every document with data files is 主动公开 in the content, and says so in its files', () => {
    expect(dataYears.sort()).toEqual(publicDocuments.map((d) => String(d.data.year)).sort());
    for (const year of dataYears) {
      const source = documents.find((d) => String(d.data.year) === year);
      expect(source?.data.disclosure, year).toBe('主动公开');
      expect(readJson<PointsJson>('data', year, 'points.json').document.disclosure).toBe('主动公开');
      expect(readJson<TasksJson>('data', year, 'tasks.json').document.disclosure).toBe('主动公开');
    }
  });

  it('no page of a document, 解读 or 图解 that is not 主动公开 is in the feed, the sitemap or the data', () => {
    // A document's pages are whole subtrees; a 解读 or 图解 is one page (`/jiedu/2021/` is the whole document's).
    const hiddenTrees = documents
      .filter((d) => d.data.disclosure !== '主动公开')
      .flatMap((d) => ['yaodian', 'jiedu', 'tujie', 'renwu', 'data'].map((kind) => `${SITE}/${kind}/${d.data.year}/`));
    const hiddenPages = [
      ...jiedu.filter((j) => j.data.disclosure !== '主动公开').map((j) => `/jiedu/${j.id.replace(/\/quanwen$/, '')}/`),
      ...entries<{ disclosure: string }>('tujie')
        .filter((t) => t.data.disclosure !== '主动公开')
        .map((t) => `/tujie/${t.id.replace(/\/quanwen$/, '')}/`),
    ].map((path) => `${SITE}${path}`);
    const exported = [
      readFileSync(distPath('rss.xml'), 'utf8'),
      ...readdirSync(DIST)
        .filter((f) => /^sitemap.*\.xml$/.test(f))
        .map((f) => readFileSync(distPath(f), 'utf8')),
      ...dataYears.flatMap((y) => ['points.json', 'tasks.json', 'tasks.csv'].map((f) => readFileSync(distPath('data', y, f), 'utf8'))),
    ].join('\n');
    expect(exported.length).toBeGreaterThan(1000);
    for (const tree of hiddenTrees) expect(exported, tree).not.toContain(tree);
    const exactly = (url: string) => new RegExp(`${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[<",\\s]|$)`);
    for (const page of hiddenPages) expect(exported, page).not.toMatch(exactly(page));
  });
});

describe('links to the open data', () => {
  it('/data/ lists every data file, the schemas, the feed and the sitemap, with the licence note', () => {
    const page = readPage(distPath('data', 'index.html'));
    const files = [
      ...publicYears().flatMap((y) => [`/data/${y}/points.json`, `/data/${y}/tasks.json`, `/data/${y}/tasks.csv`]),
      '/data/schema/points.schema.json',
      '/data/schema/tasks.schema.json',
      '/rss.xml',
      '/sitemap-index.xml',
    ];
    for (const file of files) expect(hrefsOf(page), file).toContain(file);
    expect(textOf(page)).toContain('可自由下载使用，请注明来源');
    expect(selectAll('[data-pagefind-body]', page)).toEqual([]);
  });

  it('the footer of every page links /data/ and /rss.xml', () => {
    for (const page of ['index.html', 'yaodian/2021/01/index.html', '404.html']) {
      const footer = selectAll('footer', readPage(distPath(page))).flatMap(hrefsOf);
      expect(footer, page).toContain('/data/');
      expect(footer, page).toContain('/rss.xml');
    }
  });
});

function publicYears(): string[] {
  return publicDocuments.map((d) => String(d.data.year));
}
