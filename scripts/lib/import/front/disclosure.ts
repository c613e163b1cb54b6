/**
 * The 公开属性 of a document and where it was read: a marker the document prints
 * (`(此件公开发布)`), the portal's info box (`公开方式：主动公开`), the editor's `--disclosure`, or
 * publication on a portal. A text transcription has no default: without a marker it needs the
 * editor's statement.
 */
import { importError } from '../errors.ts';
import { readDisclosure, type Disclosure } from '../parseDisclosure.ts';
import type { Inference } from '../inferences.ts';
import type { SourceFormat } from '../formats/types.ts';

/** Where the 公开属性 comes from: printed marker, portal info box, publication on a portal, editor. */
export type DisclosureFrom = 'document' | 'portal' | 'published' | 'editor';

export const DISCLOSURES: readonly Disclosure[] = ['主动公开', '依申请公开', '不予公开'];

export interface DisclosureInput {
  file: string;
  format: SourceFormat;
  /** The marker printed in the document, already read. */
  printed?: { disclosure: Disclosure; note: string; line: number };
  /** The 公开方式 a portal states beside the article, as printed. */
  portal?: string;
  /** The editor's `--disclosure`. */
  stated?: Disclosure;
  /** Line for an error that concerns the whole document (its last line). */
  lastLine: number;
}

export interface ResolvedDisclosure {
  disclosure: Disclosure;
  disclosureNote: string;
  disclosureFrom: DisclosureFrom;
  inference?: Inference;
}

function conflict(input: DisclosureInput, where: string, whereEn: string, found: Disclosure, line: number): never {
  throw importError(
    input.file,
    line,
    'disclosure',
    `${where}的公开属性是“${found}”，与 --disclosure ${input.stated} 不一致`,
    `the ${whereEn} says ${found}, which contradicts --disclosure ${input.stated}`,
    `去掉 --disclosure，或核实后改为 --disclosure ${found}。`,
  );
}

export function resolveDisclosure(input: DisclosureInput): ResolvedDisclosure {
  const { printed, stated } = input;
  if (printed) {
    if (stated && stated !== printed.disclosure) conflict(input, '文件标注', 'marker in the document', printed.disclosure, printed.line);
    return { disclosure: printed.disclosure, disclosureNote: printed.note, disclosureFrom: 'document' };
  }
  const portal = input.portal ? readDisclosure(input.portal) : null;
  if (portal) {
    if (stated && stated !== portal) conflict(input, '网页信息栏', "portal's info box", portal, 1);
    return {
      disclosure: portal,
      disclosureNote: '',
      disclosureFrom: 'portal',
      inference: { kind: 'disclosure', line: 1, text: `文件没有公开属性标注，公开属性取自网页信息栏：${input.portal}` },
    };
  }
  if (stated) {
    return {
      disclosure: stated,
      disclosureNote: '',
      disclosureFrom: 'editor',
      inference: { kind: 'disclosure', line: 1, text: `文件没有公开属性标注，公开属性由编辑声明（--disclosure ${stated}）` },
    };
  }
  if (input.format === 'text') {
    throw importError(
      input.file,
      input.lastLine,
      'disclosure',
      '缺少公开属性标注；公开属性没有默认值',
      'the disclosure marker is missing; there is no default 公开属性',
      '在落款之后单独一段写“(此件公开发布)”、“(此件依申请公开)”或“(此件不予公开)”；或在导入时声明：--disclosure 主动公开|依申请公开|不予公开。',
    );
  }
  return {
    disclosure: '主动公开',
    disclosureNote: '',
    disclosureFrom: 'published',
    inference: {
      kind: 'disclosure',
      line: 1,
      text: `文件没有公开属性标注；它已在${input.format === 'html' ? '政府网站上' : '政府网站附件中'}公开发布，按主动公开导入`,
    },
  };
}
