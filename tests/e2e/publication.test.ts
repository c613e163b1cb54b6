/**
 * Publication safety (item 5, 公开属性) and build guarantees, on a temporary copy of the project
 * with two canary documents beside 2021: a 不予公开 one and a 依申请公开 one, each carrying unique
 * marker strings, and each with progress reports whose notes and evidence links are markers too
 * (attack issue, item 3: evidence links became QR codes past the gate). A 2021 report dated after
 * the as-of date is a canary as well. Also: two builds of the same content are byte-identical, and
 * a failing build leaves the previous dist/ untouched.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteWorkspace, projectContent } from '../../scripts/lib/workspace.ts';
import { qrPath } from '../../src/lib/kiosk/qr.ts';

const REPO = resolve(import.meta.dirname, '../..');
const FIXTURE = readFileSync(join(REPO, 'tests/fixtures/documents/linjiang-2023-yaodian.md'), 'utf8');
const SECRET = ['BUYUMARKER7F3A', 'BUYUTITLE2B8E'];
const ON_REQUEST_BODY = 'YSQBODYMARKER9C1B';
const ON_REQUEST_TITLE = 'YSQTITLE4D2E';
const AS_OF = '2021-10-01';
/** Progress reports of the canaries: evidence addresses and notes that must never be published. */
const SECRET_EVIDENCE = 'https://www.example.gov.cn/zwgk/BUYUEVIDENCE5A1C.html';
const SECRET_NOTE = 'BUYUNOTE8D4F';
const ON_REQUEST_EVIDENCE = 'https://www.example.gov.cn/zwgk/YSQEVIDENCE6B2D.html';
const LATE_EVIDENCE = 'https://www.example.gov.cn/zwgk/LATEEVIDENCE3E7F.html';
/** A 2021 report on or before the as-of date: its evidence is published, with its QR code. */
const SHOWN_EVIDENCE = 'https://www.example.gov.cn/zwgk/SHOWNEVIDENCE1A9B.html';
const UNPUBLISHED = [SECRET_EVIDENCE, SECRET_NOTE, ON_REQUEST_EVIDENCE, LATE_EVIDENCE];

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
  return folderTexts(dist());
}

/**
 * Every file under `dir` with its text; gzipped files (Pagefind's index) decompressed, word breaks
 * removed. A package's Node binary (`app/node`, 100 MB that no build writes into) is left out.
 */
function folderTexts(dir: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (f === 'app/node') continue;
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(dir, f));
    } catch {
      continue; // a folder
    }
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
    texts.set(f, bytes.toString('utf8').replace(/\u200b/g, ''));
  }
  return texts;
}

/** A progress file for the first task of `documentId` (as imported): one report per update. */
function writeProgress(documentId: string, updates: { date: string; note: string; evidence: string }[]): void {
  const task = readdirSync(join(root, 'src/content/tasks', documentId))
    .sort()[0]!
    .replace(/\.yaml$/, '');
  const lines = updates.map((u) => `  - date: ${u.date}\n    status: 推进中\n    note: ${u.note}\n    evidence: ${u.evidence}\n`);
  mkdirSync(join(root, 'src/content/progress', documentId), { recursive: true });
  writeFileSync(join(root, 'src/content/progress', documentId, `${task}.yaml`), `task: ${documentId}/${task}\nupdates:\n${lines.join('')}`);
}

/** The 查阅点 package of the canary build (linux-x64), reusing the project's cached Node tarballs. */
function packKiosk(): string {
  const cache = join(REPO, '.tmp/kiosk-node');
  mkdirSync(join(root, '.tmp/kiosk-node'), { recursive: true });
  if (existsSync(cache))
    for (const f of readdirSync(cache).filter((f) => /\.tgz(\.integrity)?$/.test(f)))
      copyFileSync(join(cache, f), join(root, '.tmp/kiosk-node', f));
  const out = join(root, 'kiosk-out');
  const packed = spawnSync(process.execPath, ['scripts/kiosk-pack.ts', '--platform', 'linux-x64', '--out', out], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(packed.status, packed.stderr).toBe(0);
  return join(
    out,
    readdirSync(out).find((f) => f.endsWith('-linux-x64'))!,
  );
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
  writeProgress('2019', [{ date: '2020-03-02', note: `已完成${SECRET_NOTE}`, evidence: SECRET_EVIDENCE }]);
  writeProgress('2020', [{ date: '2021-03-02', note: '已启动。', evidence: ON_REQUEST_EVIDENCE }]);
  writeProgress('2021', [
    { date: '2021-09-01', note: '已启动。', evidence: SHOWN_EVIDENCE },
    { date: '2021-11-01', note: '已推进。', evidence: LATE_EVIDENCE },
  ]);
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

  it('publishes no report of a 不予公开 or 依申请公开 document, nor one after the as-of date: no QR code, page, export or index', () => {
    const texts = distTexts();
    for (const marker of UNPUBLISHED)
      expect(
        [...texts].filter(([, text]) => text.includes(marker)).map(([f]) => f),
        marker,
      ).toEqual([]);
    for (const url of [SECRET_EVIDENCE, ON_REQUEST_EVIDENCE, LATE_EVIDENCE]) expect(texts.has(qrPath(url).slice(1)), url).toBe(false);
    // The control: a report the ledger shows has its evidence link on the page and its QR code.
    expect(texts.has(qrPath(SHOWN_EVIDENCE).slice(1))).toBe(true);
    expect(texts.get('yaodian/2021/01/index.html')).toContain(`href="${SHOWN_EVIDENCE}"`);
  });

  it('puts none of them in the 查阅点 package either', () => {
    const folder = packKiosk();
    const texts = folderTexts(folder);
    expect(texts.has(`site/${qrPath(SHOWN_EVIDENCE).slice(1)}`)).toBe(true);
    for (const marker of [...UNPUBLISHED, ...SECRET])
      expect(
        [...texts].filter(([, text]) => text.includes(marker)).map(([f]) => f),
        marker,
      ).toEqual([]);
    for (const url of [SECRET_EVIDENCE, ON_REQUEST_EVIDENCE, LATE_EVIDENCE])
      expect(texts.has(`site/${qrPath(url).slice(1)}`), url).toBe(false);
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
