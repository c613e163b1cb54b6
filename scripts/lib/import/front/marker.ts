/** The 公开属性 marker a document prints (`(此件公开发布)`), once, after its 落款. */
import { importError } from '../errors.ts';
import { isDisclosureMarker, readDisclosure, type Disclosure } from '../parseDisclosure.ts';
import type { Claims } from './claims.ts';
import type { EndSignature } from './signature.ts';

export interface PrintedMarker {
  disclosure: Disclosure;
  note: string;
  line: number;
}

/**
 * The marker in the front (claimed) or right after the document's closing 落款; `at` is its
 * block in the front, or -1. An unknown or repeated marker is an error.
 */
export function readMarker(claims: Claims, file: string, endSignature?: EndSignature): { printed?: PrintedMarker; at: number } {
  const { blocks, find } = claims;
  const at = find(0, (b) => b.kind === 'paragraph' && isDisclosureMarker(b.text));
  if (at === -1) {
    const d = endSignature?.marker ? readDisclosure(endSignature.marker.text) : null;
    return d && endSignature?.marker
      ? { printed: { disclosure: d, note: endSignature.marker.text, line: endSignature.marker.line }, at }
      : { at };
  }
  const block = blocks[at]!;
  const note = block.kind === 'table' ? '' : block.text.trim();
  const d = readDisclosure(note);
  if (d === null) {
    throw importError(
      file,
      block.line,
      'disclosure',
      `无法识别的公开属性标注“${note}”`,
      `unknown disclosure marker "${note}"`,
      '写成“(此件公开发布)”“(此件依申请公开)”或“(此件不予公开)”。',
    );
  }
  const again = find(at + 1, (b) => b.kind === 'paragraph' && isDisclosureMarker(b.text));
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
  claims.claim(at);
  return { printed: { disclosure: d, note, line: block.line }, at };
}
