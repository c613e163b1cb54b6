/**
 * Publication safety (item 5, 公开属性) and build guarantees, on a temporary copy of the project
 * with two canary documents beside 2021: a 不予公开 one and a 依申请公开 one, each carrying unique
 * marker strings. Also: two builds of the same content are byte-identical, and a failing build
 * leaves the previous dist/ untouched.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteWorkspace, projectContent } from '../../scripts/lib/workspace.ts';

const REPO = resolve(import.meta.dirname, '../..');
const FIXTURE = readFileSync(join(REPO, 'tests/fixtures/documents/linjiang-2023-yaodian.md'), 'utf8');
const SECRET = ['BUYUMARKER7F3A', 'BUYUTITLE2B8E'];
const ON_REQUEST_BODY = 'YSQBODYMARKER9C1B';
const ON_REQUEST_TITLE = 'YSQTITLE4D2E';
const AS_OF = '2021-10-01';

let root: string;
const dist = () => join(root, 'dist');

function canary(year: string, marker: string, body: string, title: string): string {
  return FIXTURE.replaceAll('2023', year)
    .replace('（此件公开发布）', marker)
    .replace('工作要点的通知', `工作要点的通知${title}`)
    .replace('意见采纳情况及时向社会反馈。', `意见采纳情况及时向社会反馈${body}。`);
}

function build(env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['scripts/build.ts'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ZW_AS_OF: AS_OF, ...env },
  });
}

/** Every file of dist/ with its text; Pagefind's gzipped index decompressed, its word breaks removed. */
function distTexts(): Map<string, string> {
  const texts = new Map<string, string>();
  for (const f of readdirSync(dist(), { recursive: true, encoding: 'utf8' })) {
    const full = join(dist(), f);
    let bytes: Buffer;
    try {
      bytes = readFileSync(full);
    } catch {
      continue; // a folder
    }
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
    texts.set(f, bytes.toString('utf8').replace(/\u200b/g, ''));
  }
  return texts;
}

function treeHash(): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const f of readdirSync(dist(), { recursive: true, encoding: 'utf8' }).sort()) {
    try {
      hashes.set(
        f,
        createHash('sha256')
          .update(readFileSync(join(dist(), f)))
          .digest('hex'),
      );
    } catch {
      /* a folder */
    }
  }
  return hashes;
}

beforeAll(() => {
  root = join(tmpdir(), `zwgk-publication-${process.pid}`);
  rmSync(root, { recursive: true, force: true });
  createSiteWorkspace(REPO, root, projectContent(REPO));
  mkdirSync(join(root, 'seeds'), { recursive: true });
  writeFileSync(join(root, 'seeds/secret-2019.md'), canary('2019', '（此件不予公开）', SECRET[0]!, SECRET[1]!));
  writeFileSync(join(root, 'seeds/on-request-2020.md'), canary('2020', '（此件依申请公开）', ON_REQUEST_BODY, ON_REQUEST_TITLE));
  for (const seed of ['seeds/secret-2019.md', 'seeds/on-request-2020.md'])
    execFileSync(process.execPath, ['scripts/import.ts', seed], { cwd: root, stdio: 'pipe' });
  const first = build();
  expect(first.status, first.stderr).toBe(0);
}, 300_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('公开属性 end to end', () => {
  it('puts no trace of a 不予公开 document anywhere in dist/, the search index included', () => {
    const leaks = [...distTexts()].filter(([, text]) => SECRET.some((m) => text.includes(m))).map(([f]) => f);
    expect(leaks).toEqual([]);
    expect(readdirSync(join(dist(), 'yaodian'))).not.toContain('2019');
  });

  it('shows a 依申请公开 document’s metadata and how to apply, never its body', () => {
    const texts = distTexts();
    const bodyLeaks = [...texts].filter(([, text]) => text.includes(ON_REQUEST_BODY)).map(([f]) => f);
    expect(bodyLeaks).toEqual([]);
    const page = texts.get('yaodian/2020/index.html')!;
    expect(page).toContain(ON_REQUEST_TITLE);
    expect(page).toContain('依申请公开');
    expect(page).toContain('沈阳市人民政府信息公开申请');
    expect(readdirSync(join(dist(), 'yaodian', '2020'))).toEqual(['index.html']);
    const titleOutsideItsPage = [...texts]
      .filter(
        ([f, t]) =>
          t.includes(ON_REQUEST_TITLE) &&
          !/^(yaodian\/2020\/index\.html|yaodian\/index\.html|zhuanti\/|pagefind\/|sitemap|index\.html)/.test(f),
      )
      .map(([f]) => f);
    expect(titleOutsideItsPage).toEqual([]);
    for (const file of ['data/2020/points.json', 'data/2020/tasks.csv', 'renwu/2020/index.html', 'jiedu/2020/index.html'])
      expect(texts.has(file), file).toBe(false);
    expect(texts.get('rss.xml')).not.toContain(ON_REQUEST_TITLE);
  });
});

describe('reproducible and atomic builds', () => {
  it('gives a byte-identical dist/ when the same commit is built twice', () => {
    const before = treeHash();
    const again = build();
    expect(again.status, again.stderr).toBe(0);
    const after = treeHash();
    const differing = [...new Set([...before.keys(), ...after.keys()])].filter((f) => before.get(f) !== after.get(f));
    expect(differing).toEqual([]);
    // The comparison covers every kind of output whose bytes a build could vary: pages, the search
    // index and its fragments, the cut font subset, the bundled scripts and the open-data exports.
    const kinds = [
      /^yaodian\/2021\/18\/index\.html$/,
      /^pagefind\/index\/.+\.pf_index$/,
      /^pagefind\/fragment\/.+\.pf_fragment$/,
      /^fonts\/site-400-[^/]+\.woff2$/,
      /^_astro\/.+\.js$/,
      /^data\/2021\/tasks\.json$/,
    ];
    for (const kind of kinds)
      expect(
        [...before.keys()].some((f) => kind.test(f)),
        String(kind),
      ).toBe(true);
  });

  it('leaves the previous dist/ untouched when the content check fails', () => {
    const before = treeHash();
    const file = join(root, 'src/content/points/2021/18.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('no: 18', 'no: [18'));
    const failed = build();
    writeFileSync(file, original);
    expect(failed.status).not.toBe(0);
    expect(failed.stderr).toContain('src/content/points/2021/18.yaml');
    expect(treeHash()).toEqual(before);
  });

  it('leaves the previous dist/ untouched when astro build itself fails', () => {
    const before = treeHash();
    const page = join(root, 'src/pages/broken.astro');
    writeFileSync(page, '---\nthrow new Error("deliberately broken page");\n---\n<p>x</p>\n');
    const failed = build();
    rmSync(page);
    expect(failed.status).not.toBe(0);
    expect(failed.stderr).toContain('构建失败，dist/ 未改动');
    expect(treeHash()).toEqual(before);
    expect(readdirSync(join(root, '.tmp')).filter((d) => d.startsWith('dist-'))).toEqual([]);
  });
});
