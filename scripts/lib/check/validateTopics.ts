import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { error, type CheckIssue } from './issue.ts';
import type { LoadedEntry } from './loadEntries.ts';
import { documentOfPoint } from '../../../src/lib/content/ids.ts';
import { DOCUMENT_TOPIC_PREFIX } from '../../../src/lib/topics/topics.ts';
import { WINDOWS_RESERVED } from '../../../src/schemas/document.ts';

type Data = Record<string, unknown>;
const asData = (e: LoadedEntry | undefined): Data => (e?.data && typeof e.data === 'object' ? (e.data as Data) : {});

/** The pages of `/zhuanti/` besides the topics themselves (`wangqi` for 往期专题), read from src/pages/zhuanti/. */
export function fixedTopicPages(): string[] {
  const dir = resolve(import.meta.dirname, '../../../src/pages/zhuanti');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.astro') && !name.startsWith('['))
    .map((name) => name.slice(0, -'.astro'.length));
}

/** Why a topic's file name cannot be its URL `/zhuanti/<name>/`, or null. */
function slugProblem(slug: string, fixed: string[]): { zh: string; en: string; fix: string } | null {
  const lower = slug.toLowerCase();
  const rename = '把文件改成另一个拼音或英文名 / rename the file to another pinyin or English name';
  if (slug.includes('/')) {
    return {
      zh: `专题文件须直接放在 src/content/topics/ 下：网址 /zhuanti/<文件名>/ 只有一级`,
      en: 'a topic file lives directly in src/content/topics/: its URL /zhuanti/<name>/ has one level',
      fix: `把文件移到 src/content/topics/ 下 / move the file into src/content/topics/`,
    };
  }
  if (lower.startsWith(DOCUMENT_TOPIC_PREFIX)) {
    return {
      zh: `文件名不能以 ${DOCUMENT_TOPIC_PREFIX} 开头：/zhuanti/${DOCUMENT_TOPIC_PREFIX}<文件编号>/ 是每份文件自动生成的专题，编辑的专题会与它冲突`,
      en: `the name may not start with ${DOCUMENT_TOPIC_PREFIX}: /zhuanti/${DOCUMENT_TOPIC_PREFIX}<id>/ is each document's own topic page, which an editor's topic would replace`,
      fix: rename,
    };
  }
  if (fixed.includes(lower)) {
    return {
      zh: `文件名 ${slug} 是网站固定页面 /zhuanti/${lower}/ 的网址`,
      en: `${slug} is the URL of the site's own page /zhuanti/${lower}/`,
      fix: rename,
    };
  }
  if (WINDOWS_RESERVED.test(lower) || slug.length > 64) {
    return {
      zh: `文件名 ${slug.slice(0, 40)} 过长（最多 64 个字符）或是 Windows 保留的设备名，查阅点终端上无法建立这个文件夹`,
      en: `the name ${slug.slice(0, 40)} is too long (at most 64 characters) or a device name Windows reserves: a 查阅点 terminal cannot hold that folder`,
      fix: rename,
    };
  }
  return null;
}

/** Why a member is not on the site in full, or null when it is. */
function memberProblem(kind: string, value: string, entries: Map<string, LoadedEntry>): [zh: string, en: string] | null {
  const disclosureOfDocument = (id: string) => asData(entries.get(`documents:${id}`)).disclosure;
  if (kind === 'document') {
    const disclosure = disclosureOfDocument(value);
    return disclosure === undefined || disclosure === '主动公开'
      ? null
      : [`文件 ${value} 是${String(disclosure)}`, `document ${value} is ${String(disclosure)}`];
  }
  if (kind === 'point') {
    const disclosure = disclosureOfDocument(documentOfPoint(value));
    return disclosure === undefined || disclosure === '主动公开'
      ? null
      : [`要点 ${value} 所在的文件是${String(disclosure)}`, `the document of point ${value} is ${String(disclosure)}`];
  }
  if (kind === 'jiedu') {
    const jiedu = entries.get(`jiedu:${value}`);
    if (!jiedu) return null;
    const own = asData(jiedu).disclosure;
    if (own !== undefined && own !== '主动公开') return [`解读 ${value} 是${String(own)}`, `解读 ${value} is ${String(own)}`];
    const target = (asData(jiedu).interprets ?? {}) as Data;
    const documentId = typeof target.point === 'string' ? documentOfPoint(target.point) : String(target.document ?? '');
    const disclosure = disclosureOfDocument(documentId);
    return disclosure === undefined || disclosure === '主动公开'
      ? null
      : [`解读 ${value} 所解读的文件是${String(disclosure)}`, `the document 解读 ${value} explains is ${String(disclosure)}`];
  }
  return null;
}

/**
 * 专题 that would break the build or publish what is not public: an editor's topic is a page
 * `/zhuanti/<file name>/`, which must not be a document's own topic (`yaodian-2021`) or a fixed
 * page (`wangqi`), and it lists only 主动公开 content (a member that is 不予公开 or 依申请公开, or
 * belongs to such a document, has no page to link to). Missing members are ZW-REF-001.
 */
export function validateTopics(entries: LoadedEntry[]): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const byKey = new Map(entries.map((e) => [`${e.collection}:${e.id}`, e]));
  const fixed = fixedTopicPages();
  for (const entry of entries.filter((e) => e.collection === 'topics')) {
    const slug = slugProblem(entry.id, fixed);
    if (slug) issues.push(error({ code: 'ZW-REF-009', file: entry.file, ...slug }));
    const members = Array.isArray(asData(entry).members) ? (asData(entry).members as unknown[]) : [];
    members.forEach((member, i) => {
      const [[kind, value] = []] = Object.entries(member && typeof member === 'object' ? member : {});
      if (typeof kind !== 'string' || typeof value !== 'string') return;
      const problem = memberProblem(kind, value, byKey);
      if (!problem) return;
      issues.push(
        error({
          code: 'ZW-REF-008',
          file: entry.file,
          line: entry.lineOf(['members', i, kind]),
          field: `members.${i}.${kind}`,
          zh: `专题成员 ${kind}: ${value} 没有主动公开：${problem[0]}，网站上没有它的页面，专题只能收录主动公开的内容`,
          en: `topic member ${kind}: ${value} is not published: ${problem[1]}, the site has no page for it, and a topic lists 主动公开 content only`,
          fix: '删除这一项，或改成主动公开的文件、要点或解读 / remove the member, or use a published document, point or 解读',
        }),
      );
    });
  }
  return issues;
}
