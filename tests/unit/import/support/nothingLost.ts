/** The "nothing is lost" check of the import tests: every Han character of a source reaches a field. */
import type { ParsedDocument } from '../../../../scripts/lib/import/parseDocument.ts';

/** Every text field the importer extracted, for the "nothing is lost" check. */
export function extractedText(doc: ParsedDocument): string {
  return [
    doc.notice ? [doc.notice.header, doc.notice.title, doc.notice.addressees, ...doc.notice.body, ...doc.notice.signature].join('\n') : '',
    doc.docNumber ?? '',
    doc.disclosureNote,
    doc.title,
    ...doc.intro,
    ...doc.sections.flatMap((s) => [s.heading, ...(s.intro ?? []), ...(s.subsections ?? []).map((x) => x.heading)]),
    ...doc.points.flatMap((p) => [p.label, p.title, ...p.body]),
    ...doc.closing,
    doc.attachment ?? '',
    doc.taskTable
      ? [
          doc.taskTable.title,
          ...doc.taskTable.headerLines.flatMap(() => doc.taskTable!.columns),
          ...doc.taskTable.sectionRows.map((s) => s.text),
        ].join('\n')
      : '',
    ...doc.tasks.flatMap((t) => [t.text, t.leadRaw, t.unitsRaw, t.deadline.inherited ? '' : t.deadline.raw]),
    // A table's 事项名称, printed on the first row of its item.
    ...[
      ...new Map(
        doc.tasks.filter((t) => t.printedLabel && t.labelLine === t.sourceLine).map((t) => [t.sourceLine, t.printedLabel!.title]),
      ).values(),
    ],
  ].join('\n');
}

/** Han characters of `text` that `extracted` does not hold (as a multiset); empty when nothing is lost. */
export function lostHan(text: string, extracted: string): string {
  const counts = new Map<string, number>();
  for (const ch of extracted.match(/\p{Script=Han}/gu) ?? []) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let lost = '';
  for (const ch of text.match(/\p{Script=Han}/gu) ?? []) {
    const n = counts.get(ch) ?? 0;
    if (n === 0) lost += ch;
    else counts.set(ch, n - 1);
  }
  return lost;
}
