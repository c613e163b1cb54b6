/**
 * Labelled metadata a portal prints inside the article area (`发布日期：2022-03-15  来源：…`, a
 * table of 索引号/发文机关/成文日期…), merged with the info box the HTML reader found around it.
 */
import type { InfoBox, SourceBlock } from '../formats/types.ts';
import { INFO_BOX_LABELS } from '../formats/infoBox.ts';

/** Labelled metadata as gov.cn-style pages print it above the article (`发布日期：2022-03-15`). */
const META_LABEL =
  /^(索引号|主题分类|发文机关|成文日期|标\s*题|发文字号|文\s*号|发布日期|发布时间|来源|信息来源|公开方式|公开属性)\s*[:：]\s*(.*)$/u;
/** Page tools printed beside the metadata line (`【字体：大 中 小】`, `打印本页`): not part of the document. */
const PAGE_TOOL = /^[【[]?\s*(?:字体|字号|打印|关闭|分享|收藏|浏览次数|点击数|访问量|阅读次数|大\s*中\s*小)/u;

interface Pair {
  key: string;
  value: string;
  line: number;
}

function pairsOf(b: SourceBlock): Pair[] | null {
  const pairs: Pair[] = [];
  if (b.kind === 'table') {
    for (const row of b.rows) {
      const cells = row.cells.filter((c) => !c.spanOf);
      for (let k = 0; k < cells.length; k++) {
        const m = META_LABEL.exec(cells[k]!.text);
        if (m && m[2]) pairs.push({ key: m[1]!, value: m[2], line: row.line });
        else if (m && cells[k + 1]) pairs.push({ key: m[1]!, value: cells[k + 1]!.text, line: row.line });
      }
    }
    return pairs.length >= 2 ? pairs : null;
  }
  if (b.kind !== 'paragraph') return null;
  const parts = b.lines
    .flatMap((l) => l.split(/\s{2,}|\u3000+|(?=【)/u))
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const found = parts.filter((p) => !PAGE_TOOL.test(p)).map((p) => META_LABEL.exec(p));
  if (found.length === 0 || !found.every((m) => m !== null)) return null;
  return found.map((m) => ({ key: m![1]!, value: m![2]!.trim(), line: b.line }));
}

export interface PortalMeta {
  /** Blocks that are metadata, not document text. */
  blocks: number[];
  /** The first non-empty value of the first key that has one: the page's text first, then the info box. */
  value: (...keys: string[]) => string | undefined;
}

export function readPortalMeta(blocks: SourceBlock[], infoBox: InfoBox | undefined): PortalMeta {
  const meta = new Map<string, string>();
  const used: number[] = [];
  blocks.forEach((b, i) => {
    const pairs = pairsOf(b);
    if (!pairs) return;
    used.push(i);
    for (const p of pairs) {
      const key = p.key.replace(/\s/g, '');
      if (!meta.has(key) && p.value.trim() !== '') meta.set(key, p.value.trim());
    }
  });
  const value = (...keys: string[]) =>
    keys
      .map((k) => meta.get(k) ?? (INFO_BOX_LABELS[k] ? infoBox?.[INFO_BOX_LABELS[k]] : undefined))
      .find((v) => v !== undefined && v !== '');
  return { blocks: used, value };
}
