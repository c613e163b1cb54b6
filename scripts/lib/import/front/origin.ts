/**
 * Who issued a document and when: the 落款 of its 通知, else its own 落款 (at its end, or in a
 * front whose 通知 title was not recognised), else the portal's fields, each fallback recorded
 * as an inference.
 */
import { parseChineseDate } from '../chineseDate.ts';
import { importError } from '../errors.ts';
import { issuerGovernment } from '../departmentList.ts';
import type { Inference } from '../inferences.ts';
import type { PageMeta } from '../formats/types.ts';
import { isOrgName, issuersOf } from './issuers.ts';
import type { EndSignature, Signature } from './signature.ts';

const ISO_OR_CHINESE_DATE = /(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/u;

/** `2021-06-22`, `2021年6月22日`, `二〇二一年六月二十二日` → `2021-06-22`; null when no valid date. */
function dateOf(text: string): string | null {
  const chinese = parseChineseDate(text.trim());
  if (chinese) return chinese;
  const m = ISO_OR_CHINESE_DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The issuers a 版头 names (`某市人民政府办公室文件`, `中共某县委员会  某县人民政府`): its lines that
 * are bodies' names once 文件 is cut off, one per line; other header lines (签发人…) are not.
 */
function headerIssuers(header: string): string | undefined {
  const names = header
    .split('\n')
    .map((l) => l.trim().replace(/文件$/u, ''))
    .filter((l) => l !== '' && l.split(/[\s\u00a0\u3000]+/u).every(isOrgName));
  return names.length > 0 ? names.join('\n') : undefined;
}

export interface OriginInput {
  file: string;
  /** Line for errors about the whole front. */
  line: number;
  title: string;
  /** The 通知's 版头, when there is a notice. */
  header?: string;
  /** The 通知's 落款. */
  signature: Signature | null;
  /** The document's own 落款 at its end. */
  endSignature?: EndSignature;
  /** A 落款 in a front without a recognised 通知 title. */
  frontSignature: Signature | null;
  metaValue: (...keys: string[]) => string | undefined;
  meta: PageMeta;
}

export interface Origin {
  issuers: string[];
  signedAt?: string;
  publishedAt: string;
  publishedAtFrom?: 'meta' | 'text';
  inferences: Inference[];
}

export function readOrigin(input: OriginInput): Origin {
  const { signature, endSignature, frontSignature, metaValue } = input;
  const inferences: Inference[] = [];
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
      [headerIssuers(input.header ?? ''), '版头'],
      [metaValue('信息来源', '来源'), '网页的“来源”'],
      [input.meta.contentSource, '网页 <meta> ContentSource'],
      [issuerGovernment(input.title), '标题中的地名'],
    ];
    const found = candidates.find(([value]) => value !== undefined && value !== '');
    if (found) {
      issuers = issuersOf(found[0]!.split('\n'));
      inferences.push({ kind: 'issuer', line: 1, text: `文件未写落款，发文机关取自${found[1]}：${issuers.join('、')}` });
    }
  }
  if (signedAt === undefined) {
    const metaSigned = dateOf(metaValue('成文日期') ?? '');
    if (metaSigned) {
      signedAt = metaSigned;
      inferences.push({ kind: 'date', line: 1, text: `文件未写成文日期，成文日期取自网页信息栏：${signedAt}` });
    }
  }
  let publishedAt = signedAt;
  let publishedAtFrom: 'meta' | 'text' | undefined;
  if (publishedAt === undefined) {
    const textDate = dateOf(metaValue('发布日期', '发布时间') ?? '');
    if (textDate) {
      publishedAt = textDate;
      publishedAtFrom = 'text';
    } else if (input.meta.publishedAt) {
      publishedAt = input.meta.publishedAt;
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
      input.file,
      input.line,
      'publishedAt',
      '找不到成文日期或发布日期',
      'neither a signature date nor a publication date was found',
      '在落款写成文日期（如“2023年3月8日”），或导入从政府网站保存的网页（带发布日期）。',
    );
  }
  if (issuers.length === 0) {
    throw importError(
      input.file,
      input.line,
      'issuer',
      '找不到发文机关（落款、版头或网页信息中都没有）',
      'no issuing authority was found (no signature, header or page metadata)',
      '在落款写发文机关，下一行写成文日期。',
    );
  }
  return { issuers, ...(signedAt ? { signedAt } : {}), publishedAt, ...(publishedAtFrom ? { publishedAtFrom } : {}), inferences };
}
