import { importError } from './errors.ts';
import { stripMarkup, type Block } from './markdown.ts';
import { joinParagraphs } from './joinParagraphs.ts';
import { parseChineseDate } from './chineseDate.ts';
import { isDisclosureMarker, readDisclosure, type Disclosure } from './parseDisclosure.ts';

export interface Notice {
  header: string;
  title: string;
  addressees: string;
  body: string[];
  signature: string[];
}

export interface ParsedNotice {
  notice: Notice;
  issuer: string;
  docNumber: string;
  signedAt: string;
  disclosure: Disclosure;
  disclosureNote: string;
  /** Index of the first block after the notice: the 要点 title heading. */
  next: number;
}

/** 发文字号 such as `沈政公领发〔2021〕1号` (also with [] or （） around the year). */
const DOC_NUMBER = /^\S{1,30}[〔［\[(（]\s*\d{4}\s*[〕］\])）]\s*\d+\s*号$/u;

/**
 * Reads the 通知 that issues the 要点: 文件头 heading, 发文字号, title heading, 主送 line, body,
 * signature block (发文机关 + 成文日期) and the 公开属性 marker. It ends at the next heading, which
 * is the 要点 title. Every paragraph in that range must be one of these; anything else is an error,
 * because silently dropping it would lose published text.
 */
export function parseNotice(blocks: Block[], file: string): ParsedNotice {
  const first = blocks[0];
  if (!first || first.kind !== 'heading') {
    throw importError(file, first?.line ?? 1, 'notice.header', '文件应以版头标题开始（如“# 沈阳市政务公开领导小组文件”）', 'the document must start with the header heading (e.g. "# 沈阳市政务公开领导小组文件")', '在第一行写出版头，用 # 标记为标题。');
  }
  let i = 1;
  const docNumberBlock = blocks[i];
  if (!docNumberBlock || docNumberBlock.kind !== 'paragraph' || !DOC_NUMBER.test(stripMarkup(docNumberBlock.text))) {
    throw importError(file, docNumberBlock?.line ?? first.line, 'docNumber', '版头之后应是发文字号（如“沈政公领发〔2021〕1号”）', 'the header must be followed by the document number (e.g. "沈政公领发〔2021〕1号")', '在版头下一段写出发文字号，年份用〔〕括起。');
  }
  const docNumber = stripMarkup(docNumberBlock.text).trim();
  i++;
  const titleBlock = blocks[i];
  if (!titleBlock || titleBlock.kind !== 'heading') {
    throw importError(file, titleBlock?.line ?? docNumberBlock.line, 'notice.title', '发文字号之后应是通知标题（## 标题）', 'the document number must be followed by the notice title heading (## …)', '把通知标题写成 ## 标题。');
  }
  i++;
  const end = blocks.findIndex((b, k) => k >= i && b.kind !== 'paragraph');
  const yaodianTitle = end === -1 ? undefined : blocks[end];
  if (!yaodianTitle || yaodianTitle.kind !== 'heading') {
    throw importError(file, yaodianTitle?.line ?? titleBlock.line, 'title', '通知之后应是要点标题（# 标题）', 'the notice must be followed by the 要点 title heading (# …)', '在公开属性标注之后写出要点标题，用 # 标记。');
  }
  const paras = blocks.slice(i, end).filter((b): b is Extract<Block, { kind: 'paragraph' }> => b.kind === 'paragraph');

  const addresseesBlock = paras[0];
  if (!addresseesBlock || !/[:：]$/u.test(stripMarkup(addresseesBlock.text))) {
    throw importError(file, addresseesBlock?.line ?? titleBlock.line, 'notice.addressees', '通知标题之后应是以冒号结尾的主送机关', 'the notice title must be followed by the addressees line ending in a colon', '在标题下一段写主送机关，以“:”或“：”结尾。');
  }

  const dateIndex = paras.findIndex((p) => parseChineseDate(stripMarkup(p.lines[p.lines.length - 1] ?? '')) !== null);
  const dateBlock = paras[dateIndex];
  if (dateIndex <= 0 || !dateBlock) {
    throw importError(file, titleBlock.line, 'signedAt', '通知缺少落款的成文日期（如“2021年6月22日”）', 'the notice has no signature date (e.g. "2021年6月22日")', '在正文之后写发文机关，下一行写成文日期。');
  }
  // The issuer may share the date's paragraph (hard line break) or stand in the paragraph before it.
  let signatureStart = dateIndex;
  let signature = dateBlock.lines.map((l) => stripMarkup(l).trim()).filter((l) => l !== '');
  if (signature.length === 1) {
    const issuerBlock = paras[dateIndex - 1];
    if (!issuerBlock || dateIndex - 1 === 0) {
      throw importError(file, dateBlock.line, 'issuer', '成文日期之前缺少发文机关', 'the signature date is not preceded by the issuing authority', '在成文日期上一行写发文机关名称。');
    }
    signature = [...issuerBlock.lines.map((l) => stripMarkup(l).trim()).filter((l) => l !== ''), ...signature];
    signatureStart = dateIndex - 1;
  }
  const signedAt = parseChineseDate(signature[signature.length - 1] ?? '') ?? '';
  const issuer = signature.slice(0, -1).join('、');

  const body = joinParagraphs(
    paras.slice(1, signatureStart).map((p) => ({ text: stripMarkup(p.text), line: p.line, endLine: p.endLine })),
  ).map((p) => p.text);

  let disclosureNote: string | null = null;
  let disclosure: Disclosure | null = null;
  for (const p of paras.slice(dateIndex + 1)) {
    const text = stripMarkup(p.text).trim();
    if (!isDisclosureMarker(text)) {
      throw importError(file, p.line, 'notice', `落款之后出现无法归类的段落：“${text.slice(0, 30)}”`, `unexpected paragraph after the signature: "${text.slice(0, 30)}"`, '落款之后只能有公开属性标注，如“(此件公开发布)”；其他文字请移到正文中。');
    }
    if (disclosureNote !== null) {
      throw importError(file, p.line, 'disclosure', '公开属性标注出现了两次', 'the disclosure marker appears twice', '只保留一处公开属性标注。');
    }
    disclosure = readDisclosure(text);
    if (disclosure === null) {
      throw importError(file, p.line, 'disclosure', `无法识别的公开属性标注“${text}”`, `unknown disclosure marker "${text}"`, '写成“(此件公开发布)”“(此件依申请公开)”或“(此件不予公开)”。');
    }
    disclosureNote = text;
  }
  if (disclosure === null || disclosureNote === null) {
    throw importError(file, dateBlock.endLine, 'disclosure', '缺少公开属性标注；公开属性没有默认值', 'the disclosure marker is missing; there is no default 公开属性', '在落款之后单独一段写“(此件公开发布)”、“(此件依申请公开)”或“(此件不予公开)”。');
  }

  return {
    notice: {
      header: first.text,
      title: titleBlock.text,
      addressees: stripMarkup(addresseesBlock.text).trim(),
      body,
      signature,
    },
    issuer,
    docNumber,
    signedAt,
    disclosure,
    disclosureNote,
    next: end,
  };
}
