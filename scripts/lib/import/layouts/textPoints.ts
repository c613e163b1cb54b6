/** The numbered points in a document's text, read once per input and shared by the text layouts. */
import { ImportError } from '../errors.ts';
import { parsePoints, type ParsedPoints } from '../parsePoints.ts';
import type { LayoutInput, Recognition } from './types.ts';

const cache = new WeakMap<LayoutInput, Map<number, ParsedPoints | ImportError>>();

/** The points from the first section to `end`, or the ImportError that stops reading them. */
export function textPoints(input: LayoutInput, end: number): ParsedPoints | ImportError {
  let byEnd = cache.get(input);
  if (!byEnd) cache.set(input, (byEnd = new Map()));
  let read = byEnd.get(end);
  if (!read) {
    try {
      read = parsePoints(input.doc, input.body.pointsAt, end, input.source, input.body.heading ? { heading: input.body.heading } : {});
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      read = error;
    }
    byEnd.set(end, read);
  }
  return read;
}

/** Points as `build` needs them: what `textPoints` read, or its error thrown. */
export function pointsOrThrow(read: ParsedPoints | ImportError): ParsedPoints {
  if (read instanceof ImportError) throw read;
  return read;
}

/** A zero score for a document whose text holds no readable numbered points. */
export function noPoints(input: LayoutInput, read?: ImportError): Recognition {
  if (read)
    return {
      score: 0,
      reasons: [`要点无法读取 points unreadable: ${read.zh}`],
      missing: { zh: read.zh, en: read.en, fix: read.fix },
      error: read,
    };
  return {
    score: 0,
    reasons: ['正文中没有“一、”部分标题下的编号要点 no numbered points under “一、” headings in the text'],
    missing: {
      zh: input.body.tableAt === -1 ? '没有找到编号要点' : '任务表之前没有编号要点',
      en: input.body.tableAt === -1 ? 'no numbered points were found' : 'no numbered points stand before the task table',
      fix: '部分标题写成“一、……”，每条要点单独一段，以“1.”或“（一）”开头。',
    },
  };
}
