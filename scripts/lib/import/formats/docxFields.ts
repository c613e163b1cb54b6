/**
 * Word fields keep their displayed result. A simple field (`w:fldSimple`, e.g. a date or a page
 * reference WPS writes) wraps the runs showing its result, and mammoth drops the element with
 * everything inside; unwrapping it leaves the result runs where they were printed. (Complex
 * fields – `w:fldChar` begin/separate/end with `w:instrText` – mammoth reads itself: it drops the
 * instruction and keeps the result runs.)
 */
import { applyEdits, xmlTags } from './xmlTags.ts';

/** `xml` without the `w:fldSimple` tags, their result runs left in place. */
export function unwrapSimpleFields(xml: string): string {
  if (!xml.includes('fldSimple')) return xml;
  const edits = [...xmlTags(xml)].filter((t) => t.name === 'w:fldSimple').map((t) => ({ start: t.start, end: t.end, text: '' }));
  return applyEdits(xml, edits);
}
