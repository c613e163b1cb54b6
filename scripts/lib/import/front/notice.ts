/**
 * The 通知 that issues a 要点: 版头 above its title, 主送, body, 落款 and the lines after it
 * (联系人、附件、抄送) up to the 要点's own title.
 */
import { joinParagraphs } from '../joinParagraphs.ts';
import type { SourceBlock, SourceDocument } from '../formats/types.ts';
import type { Claims } from './claims.ts';
import { firstSignature, type Signature } from './signature.ts';
import { titleRun, type TitleRun } from './titleLines.ts';

export interface Notice {
  header: string;
  title: string;
  addressees: string;
  body: string[];
  signature: string[];
}

/** A 通知/意见/函 title: the notice that issues the 要点. */
export const NOTICE_TITLE = /关于.+的(?:通知|意见|函)|(?:通知|意见|函)$/u;
/** The 要点's own title. */
export const YAODIAN_TITLE = /要点|任务|工作安排|分工|清单|重点工作|实施方案/u;

type Para = Extract<SourceBlock, { kind: 'paragraph' }>;
const isPara = (b: SourceBlock | undefined): b is Para => b?.kind === 'paragraph';
const blockText = (b: SourceBlock): string => (b.kind === 'table' ? '' : b.text.trim());

/** The first run of title lines from `from` on that `accept` takes. */
export function findRun(claims: Claims, from: number, accept: (run: TitleRun) => boolean): TitleRun | null {
  for (let i = from; i < claims.blocks.length; i++) {
    const run = titleRun(claims.blocks, i, claims.free);
    if (run && accept(run)) return run;
  }
  return null;
}

/** Paragraph texts; in a text converted page by page, a paragraph broken at a page end is joined again. */
export function joinTexts(source: SourceDocument, paras: Para[]): string[] {
  return source.pageBreaks
    ? joinParagraphs(paras.map((p) => ({ text: p.text, line: p.line, endLine: p.endLine }))).map((p) => p.text.trim())
    : paras.map((p) => p.text.trim());
}

export interface ReadNotice {
  notice: Notice;
  signature: Signature | null;
  /** The first block after the notice (and its marker and trailing lines). */
  after: number;
}

/**
 * Reads the notice whose title is `title`, claiming its blocks. `markerAt` is the 公开属性
 * marker's block (-1 when none): the notice ends there at the latest.
 */
export function readNotice(source: SourceDocument, claims: Claims, title: TitleRun, markerAt: number): ReadNotice {
  const { blocks, free, claim } = claims;
  const start = title.blocks[0]!;
  const end = title.blocks[title.blocks.length - 1]!;
  const header = blocks.slice(0, start).flatMap((b, i) => (free(i) && b.kind !== 'table' ? [blockText(b)] : []));
  for (let i = 0; i <= end; i++) claim(i);
  const limit = markerAt > end ? markerAt : blocks.length;
  const signature = firstSignature(blocks, end, limit, free);
  let stop = signature ? signature.start : limit;
  if (!signature) {
    // Without a 落款 the notice body stops at the 要点 title.
    const yaodian = findRun(claims, end + 1, (run) => YAODIAN_TITLE.test(run.text) && !NOTICE_TITLE.test(run.text));
    stop = yaodian ? yaodian.blocks[0]! : limit;
  }
  const paras: Para[] = [];
  for (let i = end + 1; i < stop; i++) if (free(i) && isPara(blocks[i])) paras.push(blocks[i] as Para);
  let after = signature ? signature.end : stop;
  for (let i = end + 1; i < after; i++) claim(i);
  const addressees = paras[0] && /[:：]$/u.test(paras[0].text) ? paras[0].text.trim() : '';
  const notice: Notice = {
    header: header.join('\n'),
    title: title.text,
    addressees,
    body: joinTexts(source, addressees === '' ? paras : paras.slice(1)),
    signature: signature ? [...signature.lines] : [],
  };
  if (markerAt !== -1) after = Math.max(after, markerAt + 1);
  // Lines between the 落款 and the 要点 title that are not the marker (联系人、附件、抄送…) stay with the signature.
  if (signature) {
    const next = findRun(claims, after, () => true);
    const until = next ? next.blocks[0]! : after;
    for (let i = signature.end; i < until; i++) {
      if (!free(i) || blocks[i]!.kind === 'table') continue;
      notice.signature.push(blockText(blocks[i]!));
      claim(i);
    }
    after = Math.max(after, until);
  }
  return { notice, signature, after };
}
