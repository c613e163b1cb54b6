import { copyScore, COPY_LIMITS, isCopied, type CopyScore } from '../../../src/lib/jiedu/copyScore.ts';
import { normalizeForComparison } from '../../../src/lib/text/normalize.ts';
import { ownProse, proseLength, quotes } from '../../../src/lib/jiedu/mdxText.ts';
import { expectedEntryId } from '../../../src/lib/content/interpretations.ts';
import { error, type CheckIssue } from './issue.ts';
import type { LoadedEntry } from './loadEntries.ts';

type Data = Record<string, unknown>;
const asData = (e: LoadedEntry): Data => (e.data && typeof e.data === 'object' ? (e.data as Data) : {});

/** Own prose a 解读 must have, beyond headings, tables and quotes (docs/jiedu-rules.md). */
export const MIN_PROSE = 400;
export const MAX_QUOTE = 60;
export const REQUIRED_HEADINGS = ['政策背景', '出台目的', '重要举措', '谁来做、何时完成'] as const;

export interface InterpretationStats {
  policies: number;
  jieduCovered: number;
  tujieCovered: number;
  highestCopy: { file: string; score: CopyScore } | null;
}

interface Policy {
  key: string;
  label: string;
  file: string;
  publishedAt: string;
  disclosure: string;
  /** Of an archive document (`archive: true`): no 解读 or 图解 is required, and 三同步 does not apply. */
  archive: boolean;
  text: string;
}

function policies(entries: LoadedEntry[]): Map<string, Policy> {
  const map = new Map<string, Policy>();
  const documents = new Map(entries.filter((e) => e.collection === 'documents').map((e) => [e.id, e]));
  const pointTexts = new Map<string, string[]>();
  for (const p of entries.filter((e) => e.collection === 'points')) {
    const d = asData(p);
    const doc = documents.get(String(d.document));
    const docData = doc ? asData(doc) : {};
    const text = `${String(d.title ?? '')}。${((d.body as string[] | undefined) ?? []).join('')}`;
    const texts = pointTexts.get(String(d.document));
    if (texts) texts.push(text);
    else pointTexts.set(String(d.document), [text]);
    map.set(`point:${p.id}`, {
      key: `point:${p.id}`,
      label: `要点 ${p.id}`,
      file: p.file,
      publishedAt: String(docData.publishedAt ?? ''),
      disclosure: String(docData.disclosure ?? ''),
      archive: docData.archive === true,
      text,
    });
  }
  for (const [id, doc] of documents) {
    const d = asData(doc);
    const notice = (d.notice ?? {}) as Data;
    const text = [
      notice.title,
      ...((notice.body as string[]) ?? []),
      d.title,
      ...((d.intro as string[]) ?? []),
      ...(pointTexts.get(id) ?? []),
      ...((d.closing as string[]) ?? []),
    ].join('');
    map.set(`document:${id}`, {
      key: `document:${id}`,
      label: `文件 ${id}`,
      file: doc.file,
      publishedAt: String(d.publishedAt ?? ''),
      disclosure: String(d.disclosure ?? ''),
      archive: d.archive === true,
      text,
    });
  }
  return map;
}

function policyKey(data: Data): string | null {
  const target = data.interprets as Data | undefined;
  if (target && typeof target.point === 'string') return `point:${target.point}`;
  if (target && typeof target.document === 'string') return `document:${target.document}`;
  return null;
}

/** Line of the first occurrence of `needle` in an MDX body, as a file line. */
function bodyLineOf(entry: LoadedEntry, needle: string): number | undefined {
  const index = entry.body?.indexOf(needle) ?? -1;
  return index < 0 || entry.bodyLine === undefined ? entry.bodyLine : entry.bodyLine + entry.body!.slice(0, index).split('\n').length - 1;
}

/**
 * Rules of items 17 and 18 of the 2021 要点: every public policy has a 文字解读 and a 图解
 * (coverage), published with it (三同步, unless `lateReason` says why not), and a 解读 explains
 * in its own words (copy score, quotes verified, enough prose, the four required parts).
 * Policies of archive documents (`archive: true`: published before the site existed) need
 * neither, and 三同步 does not apply to them; a 解读 written for one still follows the writing rules.
 */
export function validateInterpretations(entries: LoadedEntry[]): { issues: CheckIssue[]; stats: InterpretationStats } {
  const issues: CheckIssue[] = [];
  const byKey = policies(entries);
  const covered = { jiedu: new Set<string>(), tujie: new Set<string>() };
  const unpublished = {
    jiedu: new Map<string, { file: string; disclosure: string }>(),
    tujie: new Map<string, { file: string; disclosure: string }>(),
  };
  let highestCopy: InterpretationStats['highestCopy'] = null;

  for (const entry of entries.filter((e) => e.collection === 'jiedu' || e.collection === 'tujie')) {
    const data = asData(entry);
    const kind = entry.collection as 'jiedu' | 'tujie';
    const name = kind === 'jiedu' ? '文字解读' : '图解';
    const key = policyKey(data);
    if (!key) continue; // the schema already reported it
    const policy = byKey.get(key);
    if (!policy) {
      const [collection, id] = key.split(':');
      issues.push(
        error({
          code: 'ZW-JIEDU-001',
          file: entry.file,
          line: entry.lineOf(['interprets']),
          field: `interprets.${collection}`,
          zh: `${name}的解读对象 ${id} 不存在`,
          en: `interprets.${collection} refers to "${id}", which does not exist`,
          fix: `改成已有的要点（如 point: 2021/18）或文件（如 document: "2021"） / use an existing point (point: 2021/18) or document (document: "2021")`,
        }),
      );
      continue;
    }
    // Only a published 解读 or 图解 covers its policy: a 不予公开 one is nowhere on the site, a
    // 依申请公开 one shows its title and how to apply. (A missing or misspelt one is the schema's finding.)
    if (data.disclosure === '不予公开' || data.disclosure === '依申请公开')
      unpublished[kind].set(key, { file: entry.file, disclosure: data.disclosure });
    else covered[kind].add(key);
    const expected = expectedEntryId(key);
    if (entry.id !== expected) {
      const ext = entry.format ?? 'yaml';
      issues.push(
        error({
          code: 'ZW-JIEDU-002',
          file: entry.file,
          line: entry.lineOf(['interprets']),
          field: 'interprets',
          zh: `文件名与解读对象不符：应为 src/content/${kind}/${expected}.${ext}`,
          en: `the file name does not match what it interprets: expected src/content/${kind}/${expected}.${ext}`,
          fix: '重命名文件（网址由文件名决定），或更正 interprets / rename the file (it fixes the URL) or correct interprets',
        }),
      );
    }

    if (
      !policy.archive &&
      typeof data.publishedAt === 'string' &&
      policy.publishedAt &&
      data.publishedAt !== policy.publishedAt &&
      !data.lateReason
    ) {
      issues.push(
        error({
          code: 'ZW-JIEDU-003',
          file: entry.file,
          line: entry.lineOf(['publishedAt']),
          field: 'publishedAt',
          zh: `违反“三同步”：${name}发布日期 ${data.publishedAt} 与政策发布日期 ${policy.publishedAt} 不同，且没有说明原因`,
          en: `三同步 (publish together): published ${data.publishedAt}, the policy ${policy.publishedAt}, and no lateReason`,
          fix: `把 publishedAt 改为 ${policy.publishedAt}，或添加 lateReason: 说明晚发布的原因 / set publishedAt to ${policy.publishedAt} or add lateReason explaining the delay`,
        }),
      );
    }

    if (kind !== 'jiedu' || entry.body === undefined) continue;
    const body = entry.body;
    const score = copyScore(ownProse(body), policy.text);
    if (!highestCopy || score.longestRun > highestCopy.score.longestRun) highestCopy = { file: entry.file, score };
    if (isCopied(score)) {
      issues.push(
        error({
          code: 'ZW-JIEDU-004',
          file: entry.file,
          line: entry.bodyLine,
          zh: `解读照抄了原文：最长相同片段 ${score.longestRun} 字（上限 ${COPY_LIMITS.longestRun}），8 字片段重合 ${(score.shingleShare * 100).toFixed(0)}%（上限 ${COPY_LIMITS.shingleShare * 100}%）。相同片段：“${score.run.slice(0, 40)}”`,
          en: `the 解读 copies its 原文: longest shared run ${score.longestRun} characters (limit ${COPY_LIMITS.longestRun}), ${(score.shingleShare * 100).toFixed(0)}% of 8-character shingles shared (limit ${COPY_LIMITS.shingleShare * 100}%)`,
          fix: '用自己的话解释政策背景、目的和举措；必须引用原文时放在 <Quote>…</Quote> 中 / explain in your own words; put a necessary citation in <Quote>…</Quote>',
        }),
      );
    }
    const source = normalizeForComparison(policy.text);
    for (const quote of quotes(body)) {
      const plain = normalizeForComparison(quote);
      if ([...plain].length > MAX_QUOTE || !source.includes(plain)) {
        issues.push(
          error({
            file: entry.file,
            line: bodyLineOf(entry, quote),
            code: [...plain].length > MAX_QUOTE ? 'ZW-JIEDU-005' : 'ZW-JIEDU-006',
            zh:
              [...plain].length > MAX_QUOTE
                ? `<Quote> 引文过长（${[...plain].length} 字，上限 ${MAX_QUOTE} 字）`
                : `<Quote> 中的文字在原文中找不到：“${quote.slice(0, 30)}”`,
            en:
              [...plain].length > MAX_QUOTE
                ? `a <Quote> is too long (${[...plain].length} characters, limit ${MAX_QUOTE})`
                : 'the text in a <Quote> is not found in the 原文',
            fix: '引文须逐字摘自原文，且只引关键的一句 / quote the 原文 word for word, one key sentence only',
          }),
        );
      }
    }
    const length = proseLength(body);
    if (length < MIN_PROSE) {
      issues.push(
        error({
          code: 'ZW-JIEDU-007',
          file: entry.file,
          line: entry.bodyLine,
          zh: `解读正文过短：自己撰写的文字 ${length} 字，至少需要 ${MIN_PROSE} 字`,
          en: `the 解读 is too short: ${length} characters of own prose, at least ${MIN_PROSE} needed`,
          fix: '补充政策背景、出台目的、重要举措的实质性解释 / explain the background, purpose and key measures more fully',
        }),
      );
    }
    const headings = new Set([...body.matchAll(/^##\s+(.+?)\s*$/gm)].map((m) => m[1]));
    const missing = REQUIRED_HEADINGS.filter((h) => !headings.has(h));
    if (missing.length) {
      issues.push(
        error({
          code: 'ZW-JIEDU-008',
          file: entry.file,
          line: entry.bodyLine,
          zh: `缺少二级标题：${missing.map((h) => `“## ${h}”`).join('、')}`,
          en: `missing section heading(s): ${missing.map((h) => `## ${h}`).join(', ')}`,
          fix: '解读须包含“政策背景”“出台目的”“重要举措”“谁来做、何时完成”四部分 / a 解读 has these four ## sections',
        }),
      );
    }
  }

  const publicPolicies = [...byKey.values()].filter((p) => p.disclosure === '主动公开' && !p.archive);
  for (const policy of publicPolicies) {
    for (const kind of ['jiedu', 'tujie'] as const) {
      if (covered[kind].has(policy.key)) continue;
      const [collection, id] = policy.key.split(':') as [string, string];
      const file = `src/content/${kind}/${id.includes('/') ? id : `${id}/quanwen`}.${kind === 'jiedu' ? 'mdx' : 'yaml'}`;
      const hidden = unpublished[kind].get(policy.key);
      issues.push(
        error({
          code: 'ZW-JIEDU-009',
          file: policy.file,
          zh: `${policy.label} 缺少${kind === 'jiedu' ? '文字解读' : '图解'}（文字解读和图解须全覆盖）${hidden ? `：${hidden.file} 是${hidden.disclosure}，不在网站上公开，不算覆盖` : ''}`,
          en: `${policy.label} has no ${kind === 'jiedu' ? '文字解读 (text interpretation)' : '图解 (graphic interpretation)'}; every public policy needs both${hidden ? `: ${hidden.file} is ${hidden.disclosure}, not published, and does not count` : ''}`,
          fix: hidden
            ? `把 ${hidden.file} 的 disclosure 改为 主动公开（内容可以公开时），或另写一篇主动公开的 / set disclosure: 主动公开 in ${hidden.file} if it may be published, or write a published one`
            : `运行 npm run new -- ${kind} ${id}，或新建 ${file}（interprets: { ${collection}: ${id} }） / run npm run new -- ${kind} ${id}, or create ${file}`,
        }),
      );
    }
  }
  const count = (kind: 'jiedu' | 'tujie') => publicPolicies.filter((p) => covered[kind].has(p.key)).length;
  return { issues, stats: { policies: publicPolicies.length, jieduCovered: count('jiedu'), tujieCovered: count('tujie'), highestCopy } };
}
