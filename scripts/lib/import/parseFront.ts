import { importError } from './errors.ts';
import { joinParagraphs } from './joinParagraphs.ts';
import { isDisclosureMarker, readDisclosure, type Disclosure } from './parseDisclosure.ts';
import type { Inference } from './inferences.ts';
import type { SourceBlock, SourceDocument } from './formats/types.ts';
import { issuerGovernment } from './departmentList.ts';
import { findDocNumber } from './front/docNumber.ts';
import { resolveDisclosure, type DisclosureFrom } from './front/disclosure.ts';
import { issuersOf } from './front/issuers.ts';
import { readPortalMeta } from './front/portalMeta.ts';
import { firstSignature, lastSignature, type EndSignature, type Signature } from './front/signature.ts';
import { ATTACHMENT, repeatedPageTitle, titleRun, type TitleRun } from './front/titleLines.ts';
import { documentYear } from './front/year.ts';

export { DOC_NUMBER } from './front/docNumber.ts';
export { ATTACHMENT } from './front/titleLines.ts';
export { findEndSignature, type EndSignature } from './front/signature.ts';
export type { DisclosureFrom } from './front/disclosure.ts';

export interface Notice {
  header: string;
  title: string;
  addressees: string;
  body: string[];
  signature: string[];
}

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

/** A 通知/意见/函 title: the notice that issues the 要点. */
const NOTICE_TITLE = /关于.+的(?:通知|意见|函)|(?:通知|意见|函)$/u;
/** The 要点's own title. */
const YAODIAN_TITLE = /要点|任务|工作安排|分工|清单|重点工作|实施方案/u;
const ISO_OR_CHINESE_DATE = /(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/u;
/** Blocks after the notice title that may still print its 文号. */
const DOC_NUMBER_AFTER_TITLE = 2;
/** Blocks at the top of a document without a notice that may print its 文号. */
const DOC_NUMBER_AT_TOP = 6;

type Para = Extract<SourceBlock, { kind: 'paragraph' }>;
const isPara = (b: SourceBlock | undefined): b is Para => b?.kind === 'paragraph';
const blockText = (b: SourceBlock): string => (b.kind === 'table' ? '' : b.text.trim());

function dateOf(text: string): string | null {
  const m = ISO_OR_CHINESE_DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The first run of title lines from `from` on that `accept` takes. */
function findRun(blocks: SourceBlock[], from: number, free: (i: number) => boolean, accept: (run: TitleRun) => boolean): TitleRun | null {
  for (let i = from; i < blocks.length; i++) {
    const run = titleRun(blocks, i, free);
    if (run && accept(run)) return run;
  }
  return null;
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
  const blocks = source.blocks.slice(0, end);
  const inferences: Inference[] = [];
  const used = new Set<number>();
  if (repeatedPageTitle(blocks) === 0) used.add(0);
  const portal = readPortalMeta(blocks, source.meta.infoBox);
  portal.blocks.forEach((i) => used.add(i));
  const metaValue = portal.value;

  let attachment: string | undefined;
  blocks.forEach((b, i) => {
    if (!used.has(i) && b.kind === 'paragraph' && ATTACHMENT.test(b.text.trim()) && attachment === undefined) {
      attachment = b.text.trim();
      used.add(i);
    }
  });
  const free = (i: number) => !used.has(i);
  const find = (from: number, test: (b: SourceBlock, i: number) => boolean) => {
    for (let i = from; i < blocks.length; i++) if (free(i) && test(blocks[i]!, i)) return i;
    return -1;
  };

  // The 通知 title (over one or more lines), then the 文号 printed near it.
  const noticeRun = findRun(blocks, 0, free, (run) => NOTICE_TITLE.test(run.text));
  const noticeIdx = noticeRun?.blocks[0] ?? -1;
  const noticeEnd = noticeRun ? noticeRun.blocks[noticeRun.blocks.length - 1]! : -1;
  const near = noticeRun
    ? [...blocks.keys()].filter((i) => free(i) && (i < noticeIdx || (i > noticeEnd && i <= noticeEnd + DOC_NUMBER_AFTER_TITLE)))
    : [...blocks.keys()].filter((i) => free(i) && i < DOC_NUMBER_AT_TOP);
  const foundNumber = findDocNumber(blocks, near);
  foundNumber?.blocks.forEach((i) => used.add(i));
  let docNumber = foundNumber?.text;
  if (!docNumber && metaValue('发文字号', '文号')) {
    docNumber = metaValue('发文字号', '文号')!.replace(/\s+/gu, '');
    inferences.push({ kind: 'docNumber', line: 1, text: `文号取自网页信息栏：${docNumber}` });
  }

  // 公开属性 marker.
  let printed: { disclosure: Disclosure; note: string; line: number } | undefined;
  let afterNotice = 0;
  const markerIdx = find(0, (b) => b.kind === 'paragraph' && isDisclosureMarker(b.text));
  if (markerIdx === -1 && endSignature?.marker) {
    const d = readDisclosure(endSignature.marker.text);
    if (d) printed = { disclosure: d, note: endSignature.marker.text, line: endSignature.marker.line };
  }
  if (markerIdx !== -1) {
    const note = blockText(blocks[markerIdx]!);
    const d = readDisclosure(note);
    if (d === null) {
      throw importError(
        file,
        blocks[markerIdx]!.line,
        'disclosure',
        `无法识别的公开属性标注“${note}”`,
        `unknown disclosure marker "${note}"`,
        '写成“(此件公开发布)”“(此件依申请公开)”或“(此件不予公开)”。',
      );
    }
    const again = find(markerIdx + 1, (b) => b.kind === 'paragraph' && isDisclosureMarker(b.text));
    if (again !== -1) {
      throw importError(
        file,
        blocks[again]!.line,
        'disclosure',
        '公开属性标注出现了两次',
        'the disclosure marker appears twice',
        '只保留一处公开属性标注。',
      );
    }
    printed = { disclosure: d, note, line: blocks[markerIdx]!.line };
    used.add(markerIdx);
  }

  // 主送, body, 落款 (issuers + date) of the 通知.
  let notice: Notice | undefined;
  let signature: Signature | null = null;
  if (noticeRun) {
    const header = blocks.slice(0, noticeIdx).flatMap((b, i) => (free(i) && b.kind !== 'table' ? [blockText(b)] : []));
    for (let i = 0; i <= noticeEnd; i++) used.add(i);
    const limit = markerIdx !== -1 && markerIdx > noticeEnd ? markerIdx : blocks.length;
    signature = firstSignature(blocks, noticeEnd, limit, free);
    let stop = signature ? signature.start : limit;
    if (!signature) {
      // Without a 落款 the notice body stops at the 要点 title.
      const title = findRun(blocks, noticeEnd + 1, free, (run) => YAODIAN_TITLE.test(run.text) && !NOTICE_TITLE.test(run.text));
      stop = title ? title.blocks[0]! : limit;
    }
    const paras: Para[] = [];
    for (let i = noticeEnd + 1; i < stop; i++) if (free(i) && isPara(blocks[i])) paras.push(blocks[i] as Para);
    afterNotice = signature ? signature.end : stop;
    for (let i = noticeEnd + 1; i < afterNotice; i++) used.add(i);
    const addressees = paras[0] && /[:：]$/u.test(paras[0].text) ? paras[0].text.trim() : '';
    const bodyParas = addressees === '' ? paras : paras.slice(1);
    notice = {
      header: header.join('\n'),
      title: noticeRun.text,
      addressees,
      body: joinTexts(source, bodyParas),
      signature: signature ? signature.lines : [],
    };
    if (markerIdx !== -1) afterNotice = Math.max(afterNotice, markerIdx + 1);
    // Lines between the 落款 and the 要点 title that are not the marker (联系人、附件、抄送…) stay with the signature.
    if (signature) {
      const title = findRun(blocks, afterNotice, free, () => true);
      const until = title ? title.blocks[0]! : afterNotice;
      for (let i = signature.end; i < until; i++) {
        if (!free(i) || blocks[i]!.kind === 'table') continue;
        notice.signature.push(blockText(blocks[i]!));
        used.add(i);
      }
      afterNotice = Math.max(afterNotice, until);
    }
  } else if (markerIdx !== -1) {
    afterNotice = markerIdx + 1;
  }

  // The 要点 title: the first title lines after the notice; else the notice's 《…》; else the page's.
  let title: string;
  const titleRunFound = findRun(
    blocks,
    afterNotice,
    free,
    (run) => notice !== undefined || YAODIAN_TITLE.test(run.text) || blocks[run.blocks[0]!]!.kind === 'heading',
  );
  if (titleRunFound) {
    title = titleRunFound.text;
    titleRunFound.blocks.forEach((i) => used.add(i));
  } else {
    const quoted = /《([^《》]+)》/u.exec(notice?.title ?? '')?.[1] ?? /印发(.+?)的通知$/u.exec(notice?.title ?? '')?.[1];
    const fromPage = source.meta.title ?? source.meta.infoBox?.title;
    title = quoted ?? fromPage ?? '';
    if (title !== '')
      inferences.push({
        kind: 'title',
        line: noticeRun?.line ?? 1,
        text: `要点标题取自${quoted ? '通知标题' : '网页标题'}：${title}`,
      });
  }
  if (title === '') {
    throw importError(
      file,
      blocks[0]?.line ?? 1,
      'title',
      '找不到要点标题',
      'no title of the 要点 was found',
      '在要点正文之前单独一段写标题，如“××市2023年政务公开工作要点”。',
    );
  }

  // A document reposted without a recognisable 通知 title may still print its 落款 in the front.
  const frontSignature = !notice && !endSignature ? lastSignature(blocks, -1, blocks.length, free) : null;

  const introStart = titleRunFound ? titleRunFound.blocks[titleRunFound.blocks.length - 1]! + 1 : afterNotice;
  const introParas: Para[] = [];
  const leftovers: string[] = [];
  for (let i = 0; i < blocks.length; i++) {
    if (!free(i)) continue;
    const b = blocks[i]!;
    if (i >= introStart && isPara(b)) introParas.push(b);
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
    used.add(i);
  }
  const intro = joinTexts(source, introParas);
  // Blocks nothing else claims (a 版头 above the notice, a page heading above the article) are
  // kept: in the notice's header when there is a notice, else before the intro.
  if (notice) notice.header = [notice.header, ...leftovers].filter((s) => s !== '').join('\n');
  else intro.unshift(...leftovers);

  // Issuers and dates: the 通知's 落款, else the document's own at its end or in its front.
  let issuers = signature?.issuers ?? [];
  let signedAt = signature?.signedAt;
  if (issuers.length === 0 && endSignature) issuers = endSignature.issuers;
  if (signedAt === undefined && endSignature) signedAt = endSignature.signedAt;
  if (frontSignature && signedAt === undefined) {
    signedAt = frontSignature.signedAt;
    if (issuers.length === 0) issuers = frontSignature.issuers;
    inferences.push({
      kind: 'date',
      line: frontSignature.paragraphs[0]!.line,
      text: `没有找到通知标题，发文机关和成文日期取自落款：${frontSignature.lines.join(' ')}`,
    });
  }
  if (issuers.length === 0) {
    const candidates: [string | undefined, string][] = [
      [metaValue('发文机关'), '网页的发文机关栏'],
      [notice?.header.replace(/文件$/u, '').trim(), '版头'],
      [metaValue('信息来源', '来源'), '网页的“来源”'],
      [source.meta.contentSource, '网页 <meta> ContentSource'],
      [issuerGovernment(title), '标题中的地名'],
    ];
    const found = candidates.find(([value]) => value !== undefined && value !== '');
    if (found) {
      issuers = issuersOf(found[0]!.split('\n'));
      inferences.push({ kind: 'issuer', line: 1, text: `文件未写落款，发文机关取自${found[1]}：${issuers.join('、')}` });
    }
  }
  if (signedAt === undefined) {
    const metaSigned = metaValue('成文日期');
    if (metaSigned && dateOf(metaSigned)) {
      signedAt = dateOf(metaSigned)!;
      inferences.push({ kind: 'date', line: 1, text: `文件未写成文日期，成文日期取自网页信息栏：${signedAt}` });
    }
  }
  let publishedAt = signedAt;
  let publishedAtFrom: 'meta' | 'text' | undefined;
  if (publishedAt === undefined) {
    const textDate = metaValue('发布日期', '发布时间');
    if (textDate && dateOf(textDate)) {
      publishedAt = dateOf(textDate)!;
      publishedAtFrom = 'text';
    } else if (source.meta.publishedAt) {
      publishedAt = source.meta.publishedAt;
      publishedAtFrom = 'meta';
    }
    if (publishedAt)
      inferences.push({
        kind: 'date',
        line: 1,
        text: `文件未写成文日期，发布日期取自${publishedAtFrom === 'meta' ? '网页 <meta> PubDate' : '网页上的“发布日期”'}：${publishedAt}`,
      });
  }
  if (!publishedAt) {
    throw importError(
      file,
      blocks[0]?.line ?? 1,
      'publishedAt',
      '找不到成文日期或发布日期',
      'neither a signature date nor a publication date was found',
      '在落款写成文日期（如“2023年3月8日”），或导入从政府网站保存的网页（带发布日期）。',
    );
  }
  const year = documentYear(title, docNumber, publishedAt);

  if (issuers.length === 0) {
    throw importError(
      file,
      blocks[0]?.line ?? 1,
      'issuer',
      '找不到发文机关（落款、版头或网页信息中都没有）',
      'no issuing authority was found (no signature, header or page metadata)',
      '在落款写发文机关，下一行写成文日期。',
    );
  }
  const disclosure = resolveDisclosure({
    file,
    format: source.format,
    ...(printed ? { printed } : {}),
    ...(metaValue('公开方式', '公开属性') ? { portal: metaValue('公开方式', '公开属性')! } : {}),
    ...(options.statedDisclosure ? { stated: options.statedDisclosure } : {}),
    lastLine: source.blocks[source.blocks.length - 1]?.line ?? 1,
  });
  if (disclosure.inference) inferences.push(disclosure.inference);
  if (!docNumber) inferences.push({ kind: 'docNumber', line: 1, text: '文件没有发文字号 No document number' });

  return {
    ...(notice ? { notice } : {}),
    title,
    issuer: issuers.join('、'),
    issuers,
    ...(docNumber ? { docNumber } : {}),
    ...(signedAt ? { signedAt } : {}),
    publishedAt,
    ...(publishedAtFrom ? { publishedAtFrom } : {}),
    year,
    disclosure: disclosure.disclosure,
    disclosureNote: disclosure.disclosureNote,
    disclosureFrom: disclosure.disclosureFrom,
    ...(metaValue('索引号') ? { indexNo: metaValue('索引号')! } : {}),
    ...(metaValue('主题分类') ? { category: metaValue('主题分类')! } : {}),
    intro,
    ...(attachment ? { attachment } : {}),
    inferences,
  };
}

/** Paragraph texts; in a text converted page by page, a paragraph broken at a page end is joined again. */
function joinTexts(source: SourceDocument, paras: Para[]): string[] {
  return source.pageBreaks
    ? joinParagraphs(paras.map((p) => ({ text: p.text, line: p.line, endLine: p.endLine }))).map((p) => p.text.trim())
    : paras.map((p) => p.text.trim());
}
