import { importError } from './errors.ts';
import type { Disclosure } from './parseDisclosure.ts';
import type { Inference } from './inferences.ts';
import type { SourceBlock, SourceDocument } from './formats/types.ts';
import { claimsOf, type Claims } from './front/claims.ts';
import { findDocNumber, type FoundDocNumber } from './front/docNumber.ts';
import { resolveDisclosure, type DisclosureFrom } from './front/disclosure.ts';
import { readMarker } from './front/marker.ts';
import { findRun, joinTexts, NOTICE_TITLE, readNotice, YAODIAN_TITLE, type Notice } from './front/notice.ts';
import { readOrigin } from './front/origin.ts';
import { readPortalMeta } from './front/portalMeta.ts';
import { lastSignature, type EndSignature, type Signature } from './front/signature.ts';
import { ATTACHMENT, repeatedPageTitle, type TitleRun } from './front/titleLines.ts';
import { documentYear } from './front/year.ts';

export { DOC_NUMBER } from './front/docNumber.ts';
export { ATTACHMENT } from './front/titleLines.ts';
export { findEndSignature, type EndSignature } from './front/signature.ts';
export type { DisclosureFrom } from './front/disclosure.ts';
export type { Notice } from './front/notice.ts';

export interface ParsedFront {
  /** The 通知 that issues the 要点, when the document has one. */
  notice?: Notice;
  /** The 要点's own title. */
  title: string;
  /** The issuers as one display string: joint issuers (联合发文) joined with 、. */
  issuer: string;
  /** Each issuer as printed; two or more for a 联合发文. */
  issuers: string[];
  docNumber?: string;
  signedAt?: string;
  publishedAt: string;
  publishedAtFrom?: 'meta' | 'text';
  year: number;
  disclosure: Disclosure;
  disclosureNote: string;
  /** Where the 公开属性 was read: the document's marker, the portal, publication, the editor. */
  disclosureFrom: DisclosureFrom;
  /** 索引号 and 主题分类 from a page's metadata table, when present. */
  indexNo?: string;
  category?: string;
  intro: string[];
  /** The `附件：…` line naming the task table, when it stands before the body (table-only documents). */
  attachment?: string;
  inferences: Inference[];
}

export interface FrontOptions {
  /** The editor's `--disclosure`, for a file that prints no 公开属性 marker. */
  statedDisclosure?: Disclosure;
}

/** Blocks after the notice title that may still print its 文号. */
const DOC_NUMBER_AFTER_TITLE = 2;
/** Blocks at the top of a document without a notice that may print its 文号. */
const DOC_NUMBER_AT_TOP = 6;

type Para = Extract<SourceBlock, { kind: 'paragraph' }>;
const isPara = (b: SourceBlock | undefined): b is Para => b?.kind === 'paragraph';
const blockText = (b: SourceBlock): string => (b.kind === 'table' ? '' : b.text.trim());

/** The first `附件：…` line of the front (claimed). */
function readAttachment(claims: Claims): string | undefined {
  const at = claims.find(0, (b) => b.kind === 'paragraph' && ATTACHMENT.test(b.text.trim()));
  if (at === -1) return undefined;
  claims.claim(at);
  return blockText(claims.blocks[at]!);
}

/** The 文号 near the notice title (above it, or just under it), else at the top of the document. */
function docNumberNear(claims: Claims, notice: TitleRun | null): FoundDocNumber | null {
  const first = notice?.blocks[0] ?? -1;
  const last = notice?.blocks[notice.blocks.length - 1] ?? -1;
  const near = [...claims.blocks.keys()].filter(
    (i) => claims.free(i) && (notice ? i < first || (i > last && i <= last + DOC_NUMBER_AFTER_TITLE) : i < DOC_NUMBER_AT_TOP),
  );
  const found = findDocNumber(claims.blocks, near);
  found?.blocks.forEach(claims.claim);
  return found;
}

/** The 要点 title: the first title lines after the notice; else the notice's 《…》; else the page's. */
function readTitle(source: SourceDocument, claims: Claims, from: number, notice: Notice | undefined, file: string, noticeLine = 1) {
  const run = findRun(
    claims,
    from,
    (r) => notice !== undefined || YAODIAN_TITLE.test(r.text) || claims.blocks[r.blocks[0]!]!.kind === 'heading',
  );
  if (run) {
    run.blocks.forEach(claims.claim);
    return { title: run.text, introStart: run.blocks[run.blocks.length - 1]! + 1 };
  }
  const quoted = /《([^《》]+)》/u.exec(notice?.title ?? '')?.[1] ?? /印发(.+?)的通知$/u.exec(notice?.title ?? '')?.[1];
  const title = quoted ?? source.meta.title ?? source.meta.infoBox?.title ?? '';
  if (title === '') {
    throw importError(
      file,
      claims.blocks[0]?.line ?? 1,
      'title',
      '找不到要点标题',
      'no title of the 要点 was found',
      '在要点正文之前单独一段写标题，如“××市2023年政务公开工作要点”。',
    );
  }
  const inference: Inference = { kind: 'title', line: noticeLine, text: `要点标题取自${quoted ? '通知标题' : '网页标题'}：${title}` };
  return { title, introStart: from, inference };
}

/**
 * The intro: unclaimed paragraphs from `introStart` on. Other unclaimed blocks (a 版头 above the
 * notice, a page heading above the article) are kept: in the notice's header when there is a
 * notice, else before the intro.
 */
function readIntro(source: SourceDocument, claims: Claims, introStart: number, notice: Notice | undefined): string[] {
  const paras: Para[] = [];
  const leftovers: string[] = [];
  claims.blocks.forEach((b, i) => {
    if (!claims.free(i)) return;
    if (i >= introStart && isPara(b)) paras.push(b);
    else if (b.kind !== 'table') leftovers.push(blockText(b));
    else
      leftovers.push(
        ...b.rows.map((r) =>
          r.cells
            .filter((c) => !c.spanOf)
            .map((c) => c.text)
            .join(' '),
        ),
      );
    claims.claim(i);
  });
  const intro = joinTexts(source, paras);
  if (notice) notice.header = [notice.header, ...leftovers].filter((s) => s !== '').join('\n');
  else intro.unshift(...leftovers);
  return intro;
}

/**
 * Reads what stands before the 要点's first section or point: the 通知 (版头, 文号, title, 主送,
 * body, 落款, 公开属性) when there is one, the 要点 title and its intro, and a portal's labelled
 * metadata. Every part may be missing; nothing is invented. What is inferred (a date from the
 * page's `<meta>`, 公开属性 from publication on a portal, a 落款 read without a 通知 title) is
 * returned as an inference for the report. Every paragraph of the document lands in exactly one
 * field, so nothing published is lost; a portal heading repeating the printed title is dropped.
 */
export function parseFront(
  source: SourceDocument,
  end: number,
  file: string,
  endSignature?: EndSignature,
  options: FrontOptions = {},
): ParsedFront {
  const claims = claimsOf(source.blocks.slice(0, end));
  const inferences: Inference[] = [];
  if (repeatedPageTitle(claims.blocks) === 0) claims.claim(0);
  const portal = readPortalMeta(claims.blocks, source.meta.infoBox);
  portal.blocks.forEach(claims.claim);
  const attachment = readAttachment(claims);

  // The 通知 title (over one or more lines), then the 文号 printed near it.
  const noticeTitle = findRun(claims, 0, (run) => NOTICE_TITLE.test(run.text));
  let docNumber = docNumberNear(claims, noticeTitle)?.text;
  if (!docNumber && portal.value('发文字号', '文号')) {
    docNumber = portal.value('发文字号', '文号')!.replace(/\s+/gu, '');
    inferences.push({ kind: 'docNumber', line: 1, text: `文号取自网页信息栏：${docNumber}` });
  }
  const marker = readMarker(claims, file, endSignature);
  const read = noticeTitle ? readNotice(source, claims, noticeTitle, marker.at) : null;
  const notice = read?.notice;
  const { title, introStart, inference } = readTitle(source, claims, read ? read.after : marker.at + 1, notice, file, noticeTitle?.line);
  if (inference) inferences.push(inference);
  // A document reposted without a recognisable 通知 title may still print its 落款 in the front;
  // its lines stay in the intro.
  const frontSignature: Signature | null =
    !notice && !endSignature ? lastSignature(claims.blocks, -1, claims.blocks.length, claims.free) : null;
  const intro = readIntro(source, claims, introStart, notice);

  const origin = readOrigin({
    file,
    line: claims.blocks[0]?.line ?? 1,
    title,
    ...(notice ? { header: notice.header } : {}),
    signature: read?.signature ?? null,
    ...(endSignature ? { endSignature } : {}),
    frontSignature,
    metaValue: portal.value,
    meta: source.meta,
  });
  inferences.push(...origin.inferences);
  const disclosure = resolveDisclosure({
    file,
    format: source.format,
    ...(marker.printed ? { printed: marker.printed } : {}),
    ...(portal.value('公开方式', '公开属性') ? { portal: portal.value('公开方式', '公开属性')! } : {}),
    ...(options.statedDisclosure ? { stated: options.statedDisclosure } : {}),
    lastLine: source.blocks[source.blocks.length - 1]?.line ?? 1,
  });
  if (disclosure.inference) inferences.push(disclosure.inference);
  if (!docNumber) inferences.push({ kind: 'docNumber', line: 1, text: '文件没有发文字号 No document number' });

  return {
    ...(notice ? { notice } : {}),
    title,
    issuer: origin.issuers.join('、'),
    issuers: origin.issuers,
    ...(docNumber ? { docNumber } : {}),
    ...(origin.signedAt ? { signedAt: origin.signedAt } : {}),
    publishedAt: origin.publishedAt,
    ...(origin.publishedAtFrom ? { publishedAtFrom: origin.publishedAtFrom } : {}),
    year: documentYear(title, docNumber, origin.publishedAt),
    disclosure: disclosure.disclosure,
    disclosureNote: disclosure.disclosureNote,
    disclosureFrom: disclosure.disclosureFrom,
    ...(portal.value('索引号') ? { indexNo: portal.value('索引号')! } : {}),
    ...(portal.value('主题分类') ? { category: portal.value('主题分类')! } : {}),
    intro,
    ...(attachment ? { attachment } : {}),
    inferences,
  };
}
