import { importError } from './errors.ts';
import { joinParagraphs } from './joinParagraphs.ts';
import { parseChineseDate } from './chineseDate.ts';
import { isDisclosureMarker, readDisclosure, type Disclosure } from './parseDisclosure.ts';
import type { Inference } from './inferences.ts';
import type { SourceBlock, SourceDocument } from './formats/types.ts';
import { issuerGovernment } from './departmentList.ts';

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
  issuer: string;
  docNumber?: string;
  signedAt?: string;
  publishedAt: string;
  publishedAtFrom?: 'meta' | 'text';
  year: number;
  disclosure: Disclosure;
  disclosureNote: string;
  /** 索引号 and 主题分类 from a page's metadata table, when present. */
  indexNo?: string;
  category?: string;
  intro: string[];
  /** The `附件：…` line naming the task table, when it stands before the body (table-only documents). */
  attachment?: string;
  inferences: Inference[];
}

/** 发文字号 such as `沈政公领发〔2021〕1号` (also with [] or （） around the year). */
export const DOC_NUMBER = /^\S{1,30}[〔［[(（]\s*\d{4}\s*[〕］\])）]\s*\d+\s*号$/u;
/** A 通知/意见/函 title: the notice that issues the 要点. */
const NOTICE_TITLE = /关于.+的(?:通知|意见|函)|(?:通知|意见|函)$/u;
/** The 要点's own title. */
const YAODIAN_TITLE = /要点|任务|工作安排|分工|清单|重点工作|实施方案/u;
/** Labelled metadata as gov.cn-style pages print it above the article (`发布日期：2022-03-15`). */
const META_LABEL = /^(索引号|主题分类|发文机关|成文日期|标\s*题|发文字号|文\s*号|发布日期|发布时间|来源|信息来源)\s*[:：]\s*(.*)$/u;
/** `附件：…` / `附件1：…`: the line that names the attached task table. */
export const ATTACHMENT = /^附件\s*\d*\s*[:：]/u;
/** Page tools printed beside the metadata line (`【字体：大 中 小】`, `打印本页`): not part of the document. */
const PAGE_TOOL = /^[【[]?\s*(?:字体|字号|打印|关闭|分享|收藏|浏览次数|点击数|访问量|阅读次数|大\s*中\s*小)/u;
const ISO_OR_CHINESE_DATE = /(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/u;

type Para = Extract<SourceBlock, { kind: 'paragraph' }>;

/** A 落款 at the end of the document (issuer and date), for documents without a notice. */
export interface EndSignature {
  /** Block indexes of the signature: [start, end). */
  start: number;
  end: number;
  issuer: string;
  signedAt: string;
  /** A 公开属性 marker right after the 落款. */
  marker?: { text: string; line: number };
  paragraphs: { text: string; line: number }[];
}

/**
 * The 落款 that ends a document signed at its end: a paragraph among the last three text blocks
 * whose last line is a full date (`2022年3月10日`), with the issuer on the line or paragraph before.
 */
export function findEndSignature(blocks: SourceBlock[], from: number): EndSignature | null {
  let seen = 0;
  for (let k = blocks.length - 1; k > from && seen < 3; k--) {
    const b = blocks[k]!;
    if (b.kind !== 'paragraph') continue;
    seen++;
    const lines = b.lines.map((l) => l.trim()).filter((l) => l !== '');
    const signedAt = parseChineseDate(lines[lines.length - 1] ?? '');
    if (!signedAt || lines.length > 3) continue;
    const prev = blocks[k - 1];
    const next = blocks[k + 1];
    const marker = isPara(next) && isDisclosureMarker(next.text) ? { text: next.text.trim(), line: next.line } : undefined;
    const end = k + 1 + (marker ? 1 : 0);
    if (lines.length === 1 && isPara(prev) && k - 1 > from && [...prev.text].length <= 40 && !/[。；;：:，,]$/u.test(prev.text.trim())) {
      return {
        start: k - 1,
        end,
        issuer: prev.text.trim(),
        signedAt,
        ...(marker ? { marker } : {}),
        paragraphs: [prev, b].map((p) => ({ text: (p as Para).text.trim(), line: p.line })),
      };
    }
    return {
      start: k,
      end,
      issuer: lines.slice(0, -1).join('、'),
      signedAt,
      ...(marker ? { marker } : {}),
      paragraphs: [{ text: lines.join('\n'), line: b.line }],
    };
  }
  return null;
}
const isPara = (b: SourceBlock | undefined): b is Para => b?.kind === 'paragraph';
const blockText = (b: SourceBlock): string => (b.kind === 'table' ? '' : b.text.trim());

/** A heading, or a short paragraph that does not end a sentence: what a title looks like. */
function titleLike(b: SourceBlock | undefined): boolean {
  if (!b || b.kind === 'table') return false;
  if (b.kind === 'heading') return b.text.trim() !== '';
  const t = b.text.trim();
  return t.length > 0 && t.length <= 80 && !/[。；;：:，,]$/u.test(t) && !isDisclosureMarker(t);
}

function dateOf(text: string): string | null {
  const chinese = parseChineseDate(text.trim());
  if (chinese) return chinese;
  const m = ISO_OR_CHINESE_DATE.exec(text);
  if (!m) return null;
  return parseChineseDate(`${m[1]}年${m[2]}月${m[3]}日`);
}

/**
 * Reads what stands before the 要点's first section or point: the 通知 (版头, 文号, title, 主送,
 * body, 落款, 公开属性) when there is one, the 要点 title and its intro, and a portal's labelled
 * metadata. Every part may be missing; nothing is invented. What is inferred (a date from the
 * page's `<meta>`, 公开属性 from publication on a portal) is returned as an inference for the
 * report. Every paragraph lands in exactly one field, so nothing published is lost.
 */
export function parseFront(source: SourceDocument, end: number, file: string, endSignature?: EndSignature): ParsedFront {
  const blocks = source.blocks.slice(0, end);
  const inferences: Inference[] = [];
  const used = new Set<number>();
  const meta = new Map<string, { value: string; line: number }>();

  // Labelled metadata lines and tables (索引号 / 发文机关 / 成文日期 / 发布日期 …).
  blocks.forEach((b, i) => {
    const pairs: { key: string; value: string; line: number }[] = [];
    if (b.kind === 'table') {
      for (const row of b.rows) {
        const cells = row.cells.filter((c) => !c.spanOf);
        for (let k = 0; k < cells.length; k++) {
          const m = META_LABEL.exec(cells[k]!.text);
          if (m && m[2]) pairs.push({ key: m[1]!, value: m[2], line: row.line });
          else if (m && cells[k + 1]) pairs.push({ key: m[1]!, value: cells[k + 1]!.text, line: row.line });
        }
      }
      if (pairs.length >= 2) used.add(i);
    } else if (b.kind === 'paragraph') {
      const parts = b.lines
        .flatMap((l) => l.split(/\s{2,}|\u3000+|(?=【)/u))
        .map((s) => s.trim())
        .filter((s) => s !== '');
      const found = parts.filter((p) => !PAGE_TOOL.test(p)).map((p) => META_LABEL.exec(p));
      if (found.length > 0 && found.every((m) => m !== null)) {
        for (const m of found) pairs.push({ key: m![1]!, value: m![2]!.trim(), line: b.line });
        used.add(i);
      }
    }
    for (const p of pairs)
      if (!meta.has(p.key.replace(/\s/g, ''))) meta.set(p.key.replace(/\s/g, ''), { value: p.value.trim(), line: p.line });
  });
  const metaValue = (...keys: string[]) => keys.map((k) => meta.get(k)?.value).find((v) => v !== undefined && v !== '');

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

  // 文号
  let docNumber = metaValue('发文字号', '文号');
  const docNumberIdx = find(0, (b) => b.kind !== 'table' && DOC_NUMBER.test(b.text.trim()));
  if (docNumberIdx !== -1) {
    docNumber = blockText(blocks[docNumberIdx]!);
    used.add(docNumberIdx);
  }

  // 通知 title, then 主送, body, 落款 (issuer + date) and 公开属性.
  const noticeIdx = find(0, (b) => titleLike(b) && NOTICE_TITLE.test(blockText(b)));
  let notice: Notice | undefined;
  let signedAt: string | undefined;
  let issuer = '';
  let disclosure: Disclosure | null = null;
  let disclosureNote = '';
  let afterNotice = 0;
  const markerIdx = find(0, (b) => b.kind === 'paragraph' && isDisclosureMarker(b.text));
  if (markerIdx === -1 && endSignature?.marker) {
    disclosureNote = endSignature.marker.text;
    disclosure = readDisclosure(disclosureNote);
  }
  if (markerIdx !== -1) {
    disclosureNote = blockText(blocks[markerIdx]!);
    disclosure = readDisclosure(disclosureNote);
    if (disclosure === null) {
      throw importError(
        file,
        blocks[markerIdx]!.line,
        'disclosure',
        `无法识别的公开属性标注“${disclosureNote}”`,
        `unknown disclosure marker "${disclosureNote}"`,
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
    used.add(markerIdx);
  }

  if (noticeIdx !== -1) {
    const header = blocks.slice(0, noticeIdx).flatMap((b, i) => (free(i) && b.kind !== 'table' ? [blockText(b)] : []));
    blocks.slice(0, noticeIdx).forEach((_, i) => used.add(i));
    used.add(noticeIdx);
    // The 落款: the last paragraph before the marker (or the 要点 title) whose last line is a date.
    const limit = markerIdx !== -1 && markerIdx > noticeIdx ? markerIdx : blocks.length;
    let dateIdx = -1;
    for (let i = noticeIdx + 1; i < limit; i++) {
      const b = blocks[i]!;
      if (!free(i) || !isPara(b)) continue;
      const last = b.lines[b.lines.length - 1] ?? '';
      if (parseChineseDate(last.trim()) !== null) {
        dateIdx = i;
        break;
      }
    }
    let signature: string[] = [];
    let bodyEnd = noticeIdx + 1;
    if (dateIdx !== -1) {
      const dateBlock = blocks[dateIdx] as Para;
      signature = dateBlock.lines.map((l) => l.trim()).filter((l) => l !== '');
      bodyEnd = dateIdx;
      const prev = blocks[dateIdx - 1];
      if (signature.length === 1 && isPara(prev) && dateIdx - 1 > noticeIdx + 1 && free(dateIdx - 1) && titleLike(prev)) {
        signature = [...prev.lines.map((l) => l.trim()).filter((l) => l !== ''), ...signature];
        bodyEnd = dateIdx - 1;
      }
      signedAt = parseChineseDate(signature[signature.length - 1] ?? '') ?? undefined;
      issuer = signature.slice(0, -1).join('、');
      afterNotice = dateIdx + 1;
    }
    const paras: Para[] = [];
    for (let i = noticeIdx + 1; i < bodyEnd; i++) if (free(i) && isPara(blocks[i])) paras.push(blocks[i] as Para);
    // Paragraphs of the notice body stop at the 要点 title when the notice has no 落款.
    if (dateIdx === -1) {
      const titleAt = find(noticeIdx + 1, (b) => titleLike(b) && YAODIAN_TITLE.test(blockText(b)) && !NOTICE_TITLE.test(blockText(b)));
      const stop = titleAt === -1 ? limit : titleAt;
      paras.length = 0;
      for (let i = noticeIdx + 1; i < stop; i++) if (free(i) && isPara(blocks[i])) paras.push(blocks[i] as Para);
      afterNotice = stop;
    }
    for (let i = noticeIdx + 1; i < afterNotice; i++) used.add(i);
    const addressees = paras[0] && /[:：]$/u.test(paras[0].text) ? paras[0].text.trim() : '';
    const bodyParas = addressees === '' ? paras : paras.slice(1);
    const join = (ps: Para[]) =>
      source.pageBreaks
        ? joinParagraphs(ps.map((p) => ({ text: p.text, line: p.line, endLine: p.endLine }))).map((p) => p.text.trim())
        : ps.map((p) => p.text.trim());
    notice = { header: header.join('\n'), title: blockText(blocks[noticeIdx]!), addressees, body: join(bodyParas), signature };
    if (markerIdx !== -1) afterNotice = Math.max(afterNotice, markerIdx + 1);
    // Lines between the 落款 and the 要点 title that are not the marker (联系人、抄送…) stay with the signature.
    if (dateIdx !== -1) {
      const titleAt = find(afterNotice, (b) => titleLike(b));
      const stop = titleAt === -1 ? afterNotice : titleAt;
      for (let i = dateIdx + 1; i < stop; i++) {
        if (!free(i) || blocks[i]!.kind === 'table') continue;
        notice.signature.push(blockText(blocks[i]!));
        used.add(i);
      }
      afterNotice = Math.max(afterNotice, stop);
    }
  } else if (markerIdx !== -1) {
    afterNotice = markerIdx + 1;
  }

  // The 要点 title: the first title-like block after the notice; else the notice's 《…》; else the page's.
  let title: string;
  const titleIdx = find(
    afterNotice,
    (b) =>
      titleLike(b) && !ATTACHMENT.test(blockText(b)) && (notice !== undefined || YAODIAN_TITLE.test(blockText(b)) || b.kind === 'heading'),
  );
  if (titleIdx !== -1) {
    title = blockText(blocks[titleIdx]!);
    used.add(titleIdx);
  } else {
    const quoted = /《([^《》]+)》/u.exec(notice?.title ?? '')?.[1] ?? /印发(.+?)的通知$/u.exec(notice?.title ?? '')?.[1];
    title = quoted ?? source.meta.title ?? '';
    if (title !== '')
      inferences.push({
        kind: 'title',
        line: blocks[noticeIdx]?.line ?? 1,
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
  const introStart = titleIdx === -1 ? afterNotice : titleIdx + 1;
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
  const intro = source.pageBreaks
    ? joinParagraphs(introParas.map((p) => ({ text: p.text, line: p.line, endLine: p.endLine }))).map((p) => p.text.trim())
    : introParas.map((p) => p.text.trim());
  // Blocks nothing else claims (a 版头 above the notice, a page heading above the article) are
  // kept: in the notice's header when there is a notice, else before the intro.
  if (notice) notice.header = [notice.header, ...leftovers].filter((s) => s !== '').join('\n');
  else intro.unshift(...leftovers);

  // Issuer, dates, year. A 要点 without a notice may be signed at its end.
  if (issuer === '' && endSignature) issuer = endSignature.issuer;
  if (signedAt === undefined && endSignature) signedAt = endSignature.signedAt;
  if (issuer === '') {
    const candidates: [string | undefined, string][] = [
      [metaValue('发文机关'), '网页的发文机关栏'],
      [notice?.header.replace(/文件$/u, '').trim(), '版头'],
      [metaValue('信息来源', '来源'), '网页的“来源”'],
      [source.meta.contentSource, '网页 <meta> ContentSource'],
      [issuerGovernment(title), '标题中的地名'],
    ];
    const found = candidates.find(([value]) => value !== undefined && value !== '');
    if (found) {
      issuer = found[0]!;
      inferences.push({ kind: 'issuer', line: 1, text: `文件未写落款，发文机关取自${found[1]}：${issuer}` });
    }
  }
  if (signedAt === undefined) {
    const metaSigned = metaValue('成文日期');
    if (metaSigned && dateOf(metaSigned)) signedAt = dateOf(metaSigned)!;
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
  const year = Number(
    /(\d{4})\s*年/u.exec(title.normalize('NFKC'))?.[1] ?? /[〔［[(（]\s*(\d{4})/u.exec(docNumber ?? '')?.[1] ?? publishedAt.slice(0, 4),
  );

  if (issuer === '') {
    throw importError(
      file,
      blocks[0]?.line ?? 1,
      'issuer',
      '找不到发文机关（落款、版头或网页信息中都没有）',
      'no issuing authority was found (no signature, header or page metadata)',
      '在落款写发文机关，下一行写成文日期。',
    );
  }
  if (disclosure === null) {
    if (source.format === 'text') {
      throw importError(
        file,
        blocks[blocks.length - 1]?.line ?? 1,
        'disclosure',
        '缺少公开属性标注；公开属性没有默认值',
        'the disclosure marker is missing; there is no default 公开属性',
        '在落款之后单独一段写“(此件公开发布)”、“(此件依申请公开)”或“(此件不予公开)”。',
      );
    }
    disclosure = '主动公开';
    inferences.push({
      kind: 'disclosure',
      line: 1,
      text: `文件没有公开属性标注；它已在${source.format === 'html' ? '政府网站上' : '政府网站附件中'}公开发布，按主动公开导入`,
    });
  }
  if (!docNumber) inferences.push({ kind: 'docNumber', line: 1, text: '文件没有发文字号 No document number' });

  return {
    ...(notice ? { notice } : {}),
    title,
    issuer,
    ...(docNumber ? { docNumber } : {}),
    ...(signedAt ? { signedAt } : {}),
    publishedAt,
    ...(publishedAtFrom ? { publishedAtFrom } : {}),
    year,
    disclosure,
    disclosureNote,
    ...(metaValue('索引号') ? { indexNo: metaValue('索引号')! } : {}),
    ...(metaValue('主题分类') ? { category: metaValue('主题分类')! } : {}),
    intro,
    ...(attachment ? { attachment } : {}),
    inferences,
  };
}
