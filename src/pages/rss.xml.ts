import type { APIRoute } from 'astro';
import rss from '@astrojs/rss';
import { publicDocuments, publicInterpretations } from '../lib/data/collect.ts';
import { resolvePolicy } from '../lib/content/policies.ts';
import { policyKey, interpretationUrls } from '../lib/content/interpretations.ts';
import { urls } from '../lib/content/ids.ts';
import { absoluteUrl, dataUrls } from '../lib/data/paths.ts';
import { channelExtras, feedItems, type FeedEntry } from '../lib/data/feed.ts';
import { site } from '../../site.config.mjs';

/** /rss.xml: new 主动公开 documents and 文字解读, newest first. */
export const GET: APIRoute = async () => {
  const abs = (path: string) => absoluteUrl(path, site.url);
  const documents: FeedEntry[] = (await publicDocuments()).map((d) => ({
    title: d.data.title,
    link: abs(urls.document(d.id)),
    description: `${d.data.issuer}印发《${d.data.title}》${d.data.docNumber ? `（${d.data.docNumber}）` : ''}。`,
    pubDate: d.data.publishedAt,
    category: '工作要点',
  }));
  const jiedu = [...(await publicInterpretations()).jiedu.values()].sort((a, b) =>
    policyKey(a.data.interprets).localeCompare(policyKey(b.data.interprets)),
  );
  const interpretations: FeedEntry[] = await Promise.all(
    jiedu.map(async (e) => {
      const policy = await resolvePolicy(policyKey(e.data.interprets));
      return {
        title: e.data.title,
        link: abs(interpretationUrls.jiedu(e.id)),
        description: `${e.data.summary}（解读对象：${policy.title}）`,
        pubDate: e.data.publishedAt,
        category: '政策解读',
      };
    }),
  );
  const entries = [...documents, ...interpretations];
  return rss({
    title: site.name,
    description: `${site.name}：新发布的政务公开文件和政策解读`,
    site: abs('/'),
    items: feedItems(entries),
    ...channelExtras(abs(dataUrls.rss()), entries),
  });
};
