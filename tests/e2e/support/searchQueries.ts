import type { Page } from 'playwright-core';

/** Queries drawn from the 2021 要点, each with the point whose 原文 should come first. */
export const QUERIES: [string, number][] = [
  ['第十四个五年规划纲要', 1],
  ['国土空间规划', 1],
  ['负面清单', 2],
  ['互联网+监管', 2],
  ['预决算公开', 3],
  ['地方政府债务', 3],
  ['疫苗接种', 4],
  ['冷链物流', 4],
  ['公开属性认定', 5],
  ['政府规章', 5],
  ['风险评估', 6],
  ['集体讨论决定', 6],
  ['试点领域', 7],
  ['公共资源交易', 7],
  ['政务新媒体备案', 8],
  ['下线关停', 9],
  ['集约化', 10],
  ['数据一致性', 11],
  ['往期专题', 12],
  ['历史专题', 12],
  ['IPv6', 13],
  ['互联网协议第 6 版', 13],
  ['娱乐化', 14],
  ['媒体采访', 15],
  ['查阅点', 16],
  ['档案馆', 16],
  ['公报免费发放', 16],
  ['六稳', 17],
  ['三同步', 17],
  ['图解全覆盖', 18],
  ['简单摘抄', 18],
  ['12345', 19],
  ['一号答', 19],
  ['政务舆情', 20],
  ['回应关切', 20],
  ['好差评', 21],
  ['店小二', 21],
  ['信息处理费', 22],
  ['个性化合理需求', 22],
  ['红黄绿亮灯', 23],
  ['答复文书', 23],
  ['公报数据库', 24],
  ['赠阅范围', 24],
  ['专职人员', 25],
  ['第三方评估', 26],
  ['减轻基层负担', 26],
  ['回头看', 27],
  ['工作台账', 27],
  ['绩效考核', 28],
  ['季度通报', 28],
];

/**
 * In the page: the search has ended, every index searched (the newest index's results show
 * first, with the results region still busy), with results, none, or the index unavailable.
 */
export const searchSettled = (): boolean =>
  /找到|没有|未能/.test(document.querySelector('#search-status')?.textContent ?? '') &&
  document.querySelector('#search-region')?.getAttribute('aria-busy') === 'false';

/** Runs a query on the search page and returns the result paths, exact and loose, and the status. */
export async function searchPage(
  page: Page,
  siteUrl: string,
  query: string,
  params = '',
): Promise<{ exact: string[]; loose: string[]; status: string }> {
  await page.goto(`${siteUrl}/search/?q=${encodeURIComponent(query)}${params}`);
  await page.waitForFunction(searchSettled);
  const links = (sel: string) =>
    page.locator(`${sel} > li h3 a`).evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return {
    exact: await links('#search-results'),
    loose: await links('#search-loose'),
    status: (await page.locator('#search-status').textContent()) ?? '',
  };
}
