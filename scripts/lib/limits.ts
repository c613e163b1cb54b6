/**
 * Input limits of the importer and the 工作台账 import, in one place (listed in the editors' guide,
 * docs/editor-guide.md, 九 and 四). Each is far above what a real 要点 document or a department's
 * sheet holds, and low enough that a broken or hostile file is refused in a second, not read for
 * minutes into gigabytes of memory.
 */

const MB = 1024 * 1024;

/** A document to import (.html, .docx, .doc/.wps, .md/.txt): a 要点 with its table is well under 2 MB. */
export const IMPORT_FILE_MAX = 20 * MB;

/** A returned 工作台账 sheet (.xlsx, .csv): a template of 1,000 tasks is about 100 KB. */
export const SHEET_FILE_MAX = 10 * MB;

/**
 * How many bytes the XML parts of one .docx or .xlsx may inflate to, together. A 要点 with its task
 * table is well under 2 MB of XML; a zip that inflates beyond this is broken or hostile (a zip bomb).
 */
export const INFLATED_LIMIT = 50 * MB;

/**
 * The longest paragraph (or table cell) of an imported document, in characters. A whole 要点 typed
 * as one paragraph with line breaks is about 30,000; a longer one is not a document's paragraph.
 */
export const PARAGRAPH_MAX = 100_000;

/** Rows of one sheet, header and title rows included: one row per task. */
export const SHEET_ROWS_MAX = 10_000;

/** Errors printed by the importer, the content check and the progress import; the total is always given. */
export const PRINTED_ERRORS_MAX = 100;

/** `20 MB` */
export const megabytes = (bytes: number): string => `${Math.round(bytes / MB)} MB`;
