/**
 * Something the importer concluded rather than read: a restored department prefix, a date taken
 * from a page's `<meta>`, a section printed again after a page break, a deadline found inside a
 * task's text. Every one is listed in the import report for editors to confirm.
 */
export interface Inference {
  kind:
    | 'title'
    | 'issuer'
    | 'date'
    | 'disclosure'
    | 'docNumber'
    | 'prefix'
    | 'deadlineInText'
    | 'deadlineUnspecified'
    | 'deadlineUnreadable'
    | 'sectionRepeated'
    | 'leadFirstListed'
    | 'extraColumn'
    /** A table column whose role was read from its cells, its header being unknown or absent. */
    | 'columnByContent'
    /** Points standing directly under a printed heading, grouped in one section without a numeral. */
    | 'sectionFromTitle'
    /** Points under no `一、` section: their one section is named by the printed heading above them. */
    | 'unnumberedSection';
  /** Line (or paragraph) of the source it concerns. */
  line: number;
  text: string;
}
