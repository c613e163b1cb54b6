/**
 * Front matter of real portal pages (tests/fixtures/real, pages nobody on the project wrote), read
 * by parseFront directly: several of these pages stop later in the importer, the front must not.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../../scripts/lib/import/formats/readSource.ts';
import { findEndSignature, parseFront } from '../../../scripts/lib/import/parseFront.ts';

const DIR = 'tests/fixtures/real';

/** The front of a page ends at its first `一、` line or its first table of more than three rows. */
async function front(name: string) {
  const path = `${DIR}/${name}`;
  const doc = await readSource(path, readFileSync(path));
  const end = doc.blocks.findIndex((b) => (b.kind === 'table' ? b.rows.length > 3 : /^一、/u.test(b.text.trim())));
  return parseFront(doc, end, path, findEndSignature(doc.blocks, end) ?? undefined);
}

const squeeze = (s: string | undefined) => s?.replace(/\s/gu, '');

describe('front matter of real pages', () => {
  it.each([
    [
      '02-pingtan-huantuju-2016-zwgk-fangan.html',
      '平潭综合实验区环境与国土资源局关于印发《2016年政务公开工作实施方案》的通知',
      '平潭综合实验区环境与国土资源局2016年政务公开工作实施方案',
      ['平潭综合实验区环境与国土资源局'],
      '岚环土综〔2016〕64号',
      2016,
      '2016-07-09',
    ],
    [
      '04-pingtan-haiguan-12tiao-renwu-fenjie.html',
      '平潭综合实验区管委会办公室关于印发《福州海关支持平潭新一轮开放开发十二条措施任务分解方案》的通知',
      '福州海关支持平潭新一轮开放开发十二条措施任务分解方案',
      ['平潭综合实验区管委会办公室'],
      '岚综管办〔2019〕61号',
      2019,
      '2019-07-18',
    ],
    [
      '06-pingtan-2016-lixiang-guapai-banli-renwu-fenjiebiao.html',
      '平潭综合实验区管委会办公室关于印发2016年省政府“立项挂牌办理”任务分解表的通知',
      '2016年省政府“立项挂牌办理”任务分解表',
      ['平潭综合实验区管委会办公室'],
      '岚综管办〔2016〕20号',
      2016,
      '2016-02-03',
    ],
    [
      '07-pingtan-2016-huanjing-zhenggai-renwu-fenjiebiao.html',
      '平潭综合实验区管委会办公室印发全省经济运行暨“行动计划”督查落实专题会议通报环境问题整改任务分解表的通知',
      '全省经济运行暨“行动计划”督查落实专题会议通报环境问题整改任务分解表',
      ['平潭综合实验区管委会办公室'],
      '岚综管办〔2016〕88号',
      2016,
      '2016-05-10',
    ],
    [
      '09-pingtan-2017-sanjian-erhua-yitisheng-liuxiang-cuoshi.html',
      '平潭综合实验区管委会关于印发《2017年平潭综合实验区深化“三减二化一提升”改革创新六项措施》的通知',
      '2017年平潭综合实验区深化“三减二化一提升”改革创新六项措施',
      ['平潭综合实验区管委会'],
      '岚综管综〔2017〕192号',
      2017,
      '2017-09-28',
    ],
    [
      '10-pingtan-2015-xinyong-tixi-renwu-fengong.html',
      '平潭综合实验区管委会办公室关于印发平潭综合实验区社会信用体系建设规划（2015-2020）任务分工实施方案的通知',
      '平潭综合实验区社会信用体系建设规划（2015-2020年）任务分工实施方案',
      ['平潭综合实验区管委会办公室'],
      '岚综管办〔2015〕165号',
      2015,
      '2015-08-31',
    ],
    [
      '13-pingtan-2020-chengxiang-ronghe-zhidao-yijian.html',
      '平潭综合实验区党工委平潭综合实验区管委会关于印发《平潭综合实验区建设国家城乡融合发展试验区的指导意见》的通知',
      '平潭综合实验区建设国家城乡融合发展试验区的指导意见',
      ['平潭综合实验区党工委', '平潭综合实验区管委会'],
      '岚综委〔2020〕52号',
      2020,
      '2020-07-03',
    ],
  ])('%s', async (name, noticeTitle, title, issuers, docNumber, year, signedAt) => {
    const f = await front(name);
    expect(squeeze(f.notice?.title)).toBe(noticeTitle);
    expect(f).toMatchObject({ title, issuers, issuer: issuers.join('、'), docNumber, year, signedAt, disclosure: '主动公开' });
    expect(f.disclosureFrom).toBe('published');
  });

  it('page 13: the red 发文机关 header between the halves of the 文号 stays in the notice header', async () => {
    const f = await front('13-pingtan-2020-chengxiang-ronghe-zhidao-yijian.html');
    expect(f.notice?.header).toBe('中共福建省委平潭综合实验区工作委员会');
    // The 落款 is printed with no-break spaces between the two issuers.
    expect(f.notice?.signature.map((l) => l.replace(/\s+/gu, ' '))).toEqual(['平潭综合实验区党工委 平潭综合实验区管委会', '2020年7月3日']);
  });

  it('page 07: the bare 附件 label above the table title stays with the signature, not in the title', async () => {
    const f = await front('07-pingtan-2016-huanjing-zhenggai-renwu-fenjiebiao.html');
    expect(f.notice?.signature).toEqual(['平潭综合实验区管委会办公室', '2016年5月10日', '附件']);
    expect(f.intro).toEqual([]);
  });

  it('page 09: the 政府信息公开 info box gives the 索引号 and agrees with the printed front', async () => {
    const path = `${DIR}/09-pingtan-2017-sanjian-erhua-yitisheng-liuxiang-cuoshi.html`;
    const doc = await readSource(path, readFileSync(path));
    expect(doc.meta.infoBox).toEqual({
      indexNo: 'PZ00101-3000-2017-00046',
      issuer: '中国平潭',
      signedAt: '2017-09-28',
      title: '平潭综合实验区管委会关于印发《2017年平潭综合实验区深化“三减二化一提升”改革创新六项措施》的通知',
      docNumber: '岚综管综〔2017〕192号',
      publishedAt: '2017-09-29',
    });
    const f = await front('09-pingtan-2017-sanjian-erhua-yitisheng-liuxiang-cuoshi.html');
    // The box's 发文机关 is the portal's name; the printed 落款 wins.
    expect(f.issuer).toBe('平潭综合实验区管委会');
    expect(f.indexNo).toBe('PZ00101-3000-2017-00046');
    expect(f.category).toBeUndefined();
  });
});
