/**
 * The 政府信息公开 info box portals print around an article: `索引号：… 主题分类：… 发文机关：…
 * 成文日期：… 标题：… 发文字号：… 发布日期：…`, as `<li>label<font>value</font></li>`, as table
 * cells (`<td>索引号：</td><td>…</td>`), as `<dt>`/`<dd>` or as one line of text.
 */
import type { Element, Root, RootContent } from 'hast';
import type { InfoBox } from './types.ts';

/** Each label a portal prints, by the info box field it fills. */
export const INFO_BOX_LABELS: Record<string, keyof InfoBox> = {
  索引号: 'indexNo',
  主题分类: 'category',
  发文机关: 'issuer',
  发布机构: 'issuer',
  成文日期: 'signedAt',
  标题: 'title',
  发文字号: 'docNumber',
  文号: 'docNumber',
  发布日期: 'publishedAt',
  公开方式: 'disclosure',
  公开属性: 'disclosure',
  公开类型: 'disclosure',
};
const SPACE = '[\\s\\u00a0\\u2000-\\u200b\\u3000]*';
/** A label with spaces between its characters (`标    题：`) and its colon. */
const LABEL = new RegExp(
  `(${Object.keys(INFO_BOX_LABELS)
    .map((l) => [...l].join(SPACE))
    .join('|')})${SPACE}[:：]`,
  'gu',
);
const LABEL_START = new RegExp(`^${LABEL.source}`, 'u');
const startsWithLabel = (text: string) => LABEL_START.test(text);
/** Values that mean "none". */
const EMPTY = /^(?:无|暂无|空|-+|—+|\/)?$/u;

function textOf(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') return node.children.map(textOf).join('');
  return '';
}
const clean = (s: string) => s.replace(/[\s\u00a0\u2000-\u200b\u3000]+/gu, ' ').trim();
const labelKey = (label: string) => INFO_BOX_LABELS[label.replace(/[\s\u00a0\u2000-\u200b\u3000]/gu, '')];

/** The labelled pairs in one text: each label's value runs to the next label. */
function pairsIn(text: string): [keyof InfoBox, string][] {
  const found = [...text.matchAll(LABEL)];
  return found.map((m, k) => [labelKey(m[1]!)!, clean(text.slice(m.index + m[0].length, found[k + 1]?.index ?? text.length))]);
}

/** `2017-09-28`, `2017年9月28日` → `2017-09-28`. */
function isoDate(value: string): string | undefined {
  const m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/u.exec(value);
  if (!m) return undefined;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

/**
 * Reads the info box of a page: every innermost element whose text starts with a known label
 * gives that label's value (its own text after the label, else its next sibling's text). The first
 * value of a label wins. Undefined when the page has fewer than two labelled fields.
 */
export function readInfoBox(tree: Root): InfoBox | undefined {
  const box: InfoBox = {};
  let count = 0;
  const set = (key: keyof InfoBox, raw: string) => {
    const value = key === 'signedAt' || key === 'publishedAt' ? isoDate(raw) : raw;
    if (value === undefined || EMPTY.test(value) || box[key] !== undefined) return;
    box[key] = value;
    count++;
  };
  /** Returns true when the subtree holds a labelled element. */
  const visit = (el: Element, siblings: Element[], at: number): boolean => {
    const kids = el.children.filter((c): c is Element => c.type === 'element');
    let inner = false;
    kids.forEach((k, i) => {
      if (visit(k, kids, i)) inner = true;
    });
    if (inner || ['script', 'style', 'head'].includes(el.tagName)) return inner;
    const text = clean(textOf(el));
    if (!startsWithLabel(text) || text.length > 300) return false;
    for (const [key, value] of pairsIn(text)) {
      if (value !== '') set(key, value);
      else if (siblings[at + 1] && !startsWithLabel(clean(textOf(siblings[at + 1]!)))) set(key, clean(textOf(siblings[at + 1]!)));
    }
    return true;
  };
  const roots = tree.children.filter((c): c is Element => c.type === 'element');
  roots.forEach((r, i) => visit(r, roots, i));
  return count >= 2 ? box : undefined;
}
