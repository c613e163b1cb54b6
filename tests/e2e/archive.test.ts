/**
 * Several documents in one site, built in a temporary copy of the project: the 2021 seed; a newer
 * document of another city (a fixture in the published format, imported); the seed issuer's next
 * document (2022, hand-written), which moves the 2021 topic to 往期专题 with every page and URL
 * intact; and another government's archive document of the seed's own year (2021-sheng,
 * hand-written: printed labels, sub-sections, no 文号/成文日期/通知/table, 未注明 deadlines).
 * Hand-written entries: tests/fixtures/content/ (README there).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { createSiteWorkspace, projectContent } from '../../scripts/lib/workspace.ts';
import { scaffold } from '../../scripts/lib/editor/scaffold.ts';
import { startStaticServer } from '../../scripts/lib/serve/staticServer.ts';
import { htmlPages } from './support/site.ts';
import { attr, headingProblems, hrefsOf, readPage, select, selectAll, textOf } from './support/html.ts';
import { launchBrowser, offlineContext } from './support/browser.ts';
import { describeViolations, runAxe } from './support/axe.ts';

const REPO = resolve(import.meta.dirname, '../..');
const FIXTURE = 'tests/fixtures/documents/linjiang-2023-yaodian.md';
/** Hand-written entries, laid out as src/content. */
const CONTENT_FIXTURES = 'tests/fixtures/content';
let root: string;
let dist: string;

/** Test-only 解读 prose: long enough, shares nothing with the fixture's text. */
const PROSE = '这是为多年份归档测试生成的说明文字，用来满足解读篇幅要求，不代表任何真实政策内容。'.repeat(12);
/** 解读 and 图解 as `npm run new` writes them, published with the policy on `date`; the 解读 with its own text. */
const interpretation = (kind: 'jiedu' | 'tujie', target: string, date: string) =>
  scaffold(
    { kind, target, policyTitle: '测试', policyPublishedAt: date, today: date },
    `## 政策背景\n\n${PROSE}\n\n## 出台目的\n\n测试。\n\n## 重要举措\n\n**测试举措**：\n\n| 举措 | 时限 |\n| --- | --- |\n| 测试举措一 | 年底 |\n\n## 谁来做、何时完成\n\n测试。\n`,
  ).text;

function read(path: string): string {
  return readFileSync(join(dist, path), 'utf8');
}

function page(path: string) {
  return readPage(join(dist, path));
}

/** 解读 and 图解 of every point and of the whole document, published on `date` (三同步). */
function interpret(documentId: string, date: string): void {
  const points = readdirSync(join(root, `src/content/points/${documentId}`)).map((f) => f.replace('.yaml', ''));
  mkdirSync(join(root, `src/content/jiedu/${documentId}`), { recursive: true });
  mkdirSync(join(root, `src/content/tujie/${documentId}`), { recursive: true });
  for (const nn of points) {
    // Plain Markdown, as an imported archive's 解读 are; the whole-document one stays MDX.
    writeFileSync(join(root, `src/content/jiedu/${documentId}/${nn}.md`), interpretation('jiedu', `${documentId}/${nn}`, date), {
      flag: 'w',
    });
    writeFileSync(join(root, `src/content/tujie/${documentId}/${nn}.yaml`), interpretation('tujie', `${documentId}/${nn}`, date));
  }
  writeFileSync(join(root, `src/content/jiedu/${documentId}/quanwen.mdx`), interpretation('jiedu', documentId, date));
  writeFileSync(join(root, `src/content/tujie/${documentId}/quanwen.yaml`), interpretation('tujie', documentId, date));
}

beforeAll(() => {
  root = join(tmpdir(), `zwgk-archive-${process.pid}`);
  rmSync(root, { recursive: true, force: true });
  createSiteWorkspace(REPO, root, projectContent(REPO));
  cpSync(join(REPO, CONTENT_FIXTURES), join(root, 'src/content'), { recursive: true, filter: (f) => !f.endsWith('README.md') });
  mkdirSync(join(root, 'seeds'), { recursive: true });
  cpSync(join(REPO, FIXTURE), join(root, 'seeds/linjiang-2023-yaodian.md'));
  execFileSync(process.execPath, ['scripts/import.ts', 'seeds/linjiang-2023-yaodian.md'], { cwd: root, stdio: 'pipe' });
  interpret('2023', '2023-03-08');
  interpret('2022', '2022-05-10');
  // 2021-sheng is an archive document: it has no 解读 or 图解, and the check requires none.
  execFileSync(process.execPath, ['scripts/build.ts'], { cwd: root, stdio: 'pipe', env: { ...process.env, ZW_AS_OF: '2023-06-01' } });
  dist = join(root, 'dist');
}, 300_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a newer document of the same issuer makes 2021 an archived year', () => {
  it('builds every document', () => {
    expect(existsSync(join(dist, 'yaodian/2023/01/index.html'))).toBe(true);
    expect(existsSync(join(dist, 'yaodian/2021/18/index.html'))).toBe(true);
  });

  it('makes the newer year current on the home page, with no link into 2021', () => {
    const home = page('index.html');
    expect(textOf(home)).toContain('临江市 2023 年政务公开工作要点');
    expect(hrefsOf(home).filter((h) => /^\/(yaodian|jiedu|tujie|renwu)\/2021\//.test(h))).toEqual([]);
    expect(read('index.html')).not.toContain('/zhuanti/yaodian-2021/');
  });

  it('shows the archive notice on every 2021 page and on none of 2022’s or 2023’s (another issuer archives nothing)', () => {
    const notice = '本专题已于2022年5月10日归档，内容仅供查阅。';
    for (const path of [
      'yaodian/2021/index.html',
      'yaodian/2021/18/index.html',
      'jiedu/2021/18/index.html',
      'tujie/2021/18/index.html',
      'renwu/2021/index.html',
      'zhuanti/yaodian-2021/index.html',
    ]) {
      expect(textOf(page(path)), path).toContain(notice);
    }
    for (const path of [
      'yaodian/2023/index.html',
      'yaodian/2023/01/index.html',
      'jiedu/2023/01/index.html',
      'renwu/2023/index.html',
      'yaodian/2022/index.html',
      'jiedu/2022/01/index.html',
    ]) {
      expect(textOf(page(path)), path).not.toContain('归档，内容仅供查阅');
    }
  });

  it('lists 2021 in 往期专题 by year, not among the active topics', () => {
    const archive = page('zhuanti/wangqi/index.html');
    expect(textOf(archive)).toContain('2022年归档');
    expect(hrefsOf(archive)).toContain('/zhuanti/yaodian-2021/');
    expect(textOf(page('zhuanti/yaodian-2021/index.html'))).toContain('《沈阳市 2022 年政务公开工作要点》已发布，本文件转入往期专题。');
    const active = hrefsOf(page('zhuanti/index.html'));
    expect(active).not.toContain('/zhuanti/yaodian-2021/');
    expect(active).toContain('/zhuanti/yaodian-2023/');
    expect(active).toContain('/zhuanti/yaodian-2022/');
    expect(active).toContain('/zhuanti/wangqi/');
  });

  it('gives each department one page per year, the newest at its usual address', () => {
    const current = textOf(page('bumen/shi-cai-zheng-ju/index.html'));
    expect(current).toContain('2022年：牵头');
    const earlier = page('bumen/shi-cai-zheng-ju/2021/index.html');
    expect(textOf(earlier)).toContain('2021年：牵头');
    expect(hrefsOf(earlier)).toContain('/bumen/shi-cai-zheng-ju/');
  });

  it("keeps another government's 市政府办公室 apart from the site's own", () => {
    expect(textOf(page('bumen/lin-jiang-shi-zheng-fu-ban-gong-shi/index.html'))).toContain('2023年：牵头');
    const own = textOf(page('bumen/shi-zheng-fu-ban-gong-shi/index.html'));
    expect(own).toContain('2022年：牵头');
    // No 2023 year, link or list (the as-of date, 2023年6月1日, may of course be printed).
    expect(own).not.toMatch(/2023年(：|（)/);
  });

  it('renders a Markdown (.md) 解读 like an MDX one', () => {
    for (const path of ['jiedu/2023/01/index.html', 'jiedu/2023/index.html']) {
      const tree = page(path);
      expect(selectAll('strong', tree).map(textOf), path).toContain('测试举措');
      expect(selectAll('table td', tree).map(textOf), path).toContain('测试举措一');
      expect(textOf(tree), path).toContain(PROSE.slice(0, 30));
      expect(
        hrefsOf(tree).some((h) => h.startsWith('/yaodian/2023/')),
        path,
      ).toBe(true);
    }
  });

  it('keeps every URL of the 2021-only site', () => {
    const before = htmlPages().filter((p) => !['/', '/404.html'].includes(p));
    const missing = before.filter((p) => !existsSync(join(dist, p, p.endsWith('/') ? 'index.html' : '')));
    expect(before.length).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });
});

describe('another government’s archive document of the same year (2021-sheng)', () => {
  const text = (path: string) => textOf(page(path)).replace(/\s+/g, ' ');
  const NO_JIEDU = '本文件在本站建立之前发布，本站没有发布它的文字解读和图解。';

  it('has every page under its own id, beside the seed’s unchanged 2021 URLs', () => {
    for (const path of [
      'yaodian/2021-sheng/index.html',
      'yaodian/2021-sheng/01/index.html',
      'yaodian/2021-sheng/04/index.html',
      'renwu/2021-sheng/index.html',
      'renwu/2021-sheng/huitoukan/index.html',
      'data/2021-sheng/points.json',
      'data/2021-sheng/tasks.json',
      'data/2021-sheng/tasks.csv',
      'zhuanti/yaodian-2021-sheng/index.html',
    ]) {
      expect(existsSync(join(dist, path)), path).toBe(true);
    }
    expect(existsSync(join(dist, 'jiedu/2021-sheng'))).toBe(false);
    expect(hrefsOf(page('yaodian/2021-sheng/01/index.html'))).toContain('/yaodian/2021-sheng/');
    expect(hrefsOf(page('yaodian/2021/18/index.html'))).toContain('/yaodian/2021/');
  });

  it('keeps the two documents of 2021 apart in every list', () => {
    const ledgers = text('renwu/index.html');
    expect(ledgers).toContain('《沈阳市 2021 年政务公开工作要点》任务分解表');
    expect(ledgers).toContain('《福建省2021年政务公开工作要点》任务分解表');
    const list = hrefsOf(page('yaodian/index.html'));
    expect(list).toContain('/yaodian/2021/');
    expect(list).toContain('/yaodian/2021-sheng/');
    expect(text('renwu/2021-sheng/index.html')).toContain('《福建省2021年政务公开工作要点》任务分解表');
    // One year filter for both, not two “2021年” options.
    expect(selectAll('option[value="2021"]', page('search/index.html'))).toHaveLength(1);
  });

  it('shows the printed labels, restarting per section, and the sub-section headings at the right levels', () => {
    const document = page('yaodian/2021-sheng/index.html');
    // No 通知: the 要点 is the page, so sections are h2 and sub-sections h3.
    expect(textOf(select('h1', document))).toBe('福建省2021年政务公开工作要点');
    expect(textOf(select('h2#section-2', document))).toBe('二、围绕服务群众，提升公开质效');
    expect(textOf(select('h3#subsection-1', document))).toBe('（一）优化政务服务公开');
    expect(textOf(select('h3#subsection-2', document))).toBe('（二）加强政策解读回应');
    const body = text('yaodian/2021-sheng/index.html');
    expect(body).toContain('（一）公开规划编制信息。');
    expect(body).toContain('（二）公开财政资金信息。');
    expect(body).toContain('1.推进办事指南公开。');
    expect(body).not.toContain('3. 推进办事指南公开');
    expect(textOf(select('h1', page('yaodian/2021-sheng/03/index.html')))).toBe('1. 推进办事指南公开');
    expect(text('yaodian/2021-sheng/03/index.html')).toContain('所属部分：二、围绕服务群众，提升公开质效 › （一）优化政务服务公开');
    expect(text('yaodian/2021-sheng/03/index.html')).toContain('第二部分（一）1.');
    expect(text('yaodian/2021-sheng/01/index.html')).toContain('第一部分（一）');
    expect(text('yaodian/2021-sheng/01/index.html')).not.toContain('第1项');
    const points = JSON.parse(read('data/2021-sheng/points.json')) as {
      points: { label: string | null; subsection: { heading: string } | null }[];
    };
    expect(points.points.map((p) => [p.label, p.subsection?.heading ?? null])).toEqual([
      ['（一）', null],
      ['（二）', null],
      ['1.', '（一）优化政务服务公开'],
      ['1.', '（二）加强政策解读回应'],
    ]);
  });

  it('lists only what the document states in its metadata, and where the 发布日期 came from', () => {
    const meta = select('dl.gov-meta', page('yaodian/2021-sheng/index.html'));
    expect(selectAll('dt', meta).map(textOf)).toEqual(['主题分类', '发文机关', '发布日期', '公开属性']);
    expect(textOf(meta)).toContain('2021年4月30日（取自发布网页，文件未注明成文日期）');
    for (const dd of selectAll('dd', meta)) expect(textOf(dd).trim()).not.toBe('');
    // The seed keeps its full block.
    const seedRows = selectAll('dl.gov-meta dt', page('yaodian/2021/index.html')).map(textOf);
    expect(seedRows).toContain('发文字号');
    expect(seedRows.indexOf('成文日期')).toBeGreaterThan(seedRows.indexOf('发文字号'));
  });

  it('prints 未注明 for a deadline the document does not state, with no light, and notes a deadline read from the task', () => {
    const ledger = page('renwu/2021-sheng/index.html');
    const row = (task: string) => selectAll('tr', ledger).find((r) => textOf(r).includes(task))!;
    const unspecified = row('全面公开“十四五”规划纲要');
    expect(attr(unspecified, 'data-deadline')).toBe('unspecified');
    expect(textOf(unspecified)).toContain('未注明');
    expect(selectAll('.light--red, .light--yellow, .light--green', unspecified)).toEqual([]);
    expect(textOf(row('财政预决算公开专栏'))).toContain('（时限见任务原文）');
    // Every state is counted, 未报送 included: the totals add up to the 3 tasks.
    const counts = [...textOf(ledger).matchAll(/(红灯|黄灯|绿灯|不亮灯|未报送) (\d+) 项/g)].slice(0, 5).map((m) => Number(m[2]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(3);
    expect(text('yaodian/2021-sheng/01/index.html')).toContain('未注明');
    // A point without a responsible unit says so.
    expect(text('yaodian/2021-sheng/04/index.html')).toContain('没有为这项要点列出任务');
  });

  it('says plainly that no 解读 or 图解 was published, where the links would be', () => {
    for (const path of ['yaodian/2021-sheng/index.html', 'yaodian/2021-sheng/01/index.html', 'jiedu/index.html'])
      expect(text(path), path).toContain(NO_JIEDU);
    expect(text('yaodian/2021-sheng/index.html')).not.toContain('（暂无）');
    expect(text('yaodian/2021/index.html')).not.toContain(NO_JIEDU);
  });

  it('belongs to 往期专题 from the start, and the seed issuer’s topics are not touched by it', () => {
    expect(hrefsOf(page('zhuanti/wangqi/index.html'))).toContain('/zhuanti/yaodian-2021-sheng/');
    expect(text('yaodian/2021-sheng/index.html')).toContain('本专题已于2021年4月30日归档');
    const home = read('index.html');
    expect(home).not.toContain('2021-sheng');
  });

  it('names other governments’ departments with their government, apart from the site’s own', () => {
    const list = text('bumen/index.html');
    expect(list).toContain('福州市的部门和单位');
    expect(list).toContain('市财政局（福州市）');
    expect(list).toContain('省发展改革委（福建省）');
    expect(selectAll('a[href="/bumen/shi-cai-zheng-ju/"]', page('bumen/index.html')).map(textOf)).toContain('市财政局');
    expect(text('renwu/2021-sheng/index.html')).toContain('市财政局（福州市）');
    expect(text('bumen/fujian-shi-cai-zheng-ju/index.html')).toContain('福州市的部门和单位');
  });

  it('has a heading outline that never skips a level', () => {
    const paths = [
      'yaodian/2021-sheng/index.html',
      'yaodian/2021-sheng/03/index.html',
      'renwu/2021-sheng/index.html',
      'bumen/index.html',
      'jiedu/index.html',
      'yaodian/2022/index.html',
    ];
    expect(paths.flatMap((p) => headingProblems(p, read(p)))).toEqual([]);
  });

  describe('axe-core (WCAG 2.1 A/AA + best practices)', () => {
    let browser: Browser;
    let server: Server;
    let url: string;
    beforeAll(async () => {
      ({ server, url } = await startStaticServer(dist));
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await new Promise((done) => server?.close(() => done(undefined)));
    });
    it.each(['/yaodian/2021-sheng/', '/yaodian/2021-sheng/03/', '/renwu/2021-sheng/', '/bumen/', '/jiedu/'])(
      '%s has no violation',
      async (path) => {
        const { context, blocked } = await offlineContext(browser, { viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        await page.goto(url + path, { waitUntil: 'load' });
        expect(describeViolations(path, await runAxe(page))).toBe('');
        expect(blocked).toEqual([]);
        await context.close();
      },
    );
  });
});
