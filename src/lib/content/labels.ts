/**
 * How points, sections and documents are named on pages. A point's printed label (`（三）`) is
 * shown where the document has one; `no` (1..N through the document) only fixes the URL and the
 * order, so a document whose points restart in every section never shows a number it did not print.
 * A point or section printed without any number is named by its position or its heading instead.
 */
export interface PointLabelled {
  data: { no: number; label?: string | undefined; unlabelled?: true | undefined };
}

/** A 部分 or 小部分 as printed: its numeral (`一`), absent when the group has none. */
export interface SectionLabelled {
  numeral?: string | undefined;
  heading: string;
}

/** `第3项`: a point's position in the document, for a point printed without a number. */
export function pointPosition(point: PointLabelled): string {
  return `第${point.data.no}项`;
}

/** `（三）` as printed, else `18.`; `第3项` for a point printed without a number. */
export function pointLabel(point: PointLabelled): string {
  if (point.data.unlabelled) return pointPosition(point);
  return point.data.label ?? `${point.data.no}.`;
}

/**
 * The text before a point's title in a list of points: none where the list's own numbers are the
 * printed ones (`<li value="18">`), the printed label (`（三）`), or the position (`第3项 `) of a
 * point printed without a number, which a list number would show as if printed.
 */
export function pointListLabel(point: PointLabelled): string | undefined {
  return point.data.unlabelled ? `${pointPosition(point)} ` : point.data.label;
}

/** `（三）创新政策解读形式` / `18. 创新政策解读形式` / `第3项 创新政策解读形式` */
export function pointHeading(point: PointLabelled & { data: { title: string } }): string {
  return `${pointLabel(point)} ${point.data.title}`;
}

/**
 * Where a point stands, in words that stay true when labels restart per section:
 * `第18项` for points numbered through the document or printed without a number,
 * `第一部分（三）` for printed labels, and `第二部分（一）1.` for a point printed `1.` in
 * sub-section （一） of part 二. A printed label in a section or sub-section printed without a
 * numeral cannot be placed in printed numbers, so the point's position (`第18项`) stands instead.
 */
export function pointPlace(
  point: PointLabelled & { data: { subsection?: number | undefined } },
  section: { numeral?: string | undefined; subsections?: { no: number; numeral?: string | undefined }[] | undefined } | undefined,
): string {
  if (point.data.label === undefined || point.data.unlabelled) return pointPosition(point);
  if (!section) return point.data.label;
  const subsection = section.subsections?.find((s) => s.no === point.data.subsection);
  if (section.numeral === undefined || (subsection && subsection.numeral === undefined)) return pointPosition(point);
  return `第${section.numeral}部分${subsection ? `（${subsection.numeral}）` : ''}${point.data.label}`;
}

/** `第一部分` for a numbered section; a section printed without a numeral is named by its heading. */
export function sectionName(section: SectionLabelled): string {
  return section.numeral === undefined ? section.heading : `第${section.numeral}部分`;
}

/** `《沈阳市 2021 年政务公开工作要点》`: a document named so that two of one year differ. */
export function documentName(document: { data: { title: string } }): string {
  return `《${document.data.title}》`;
}

/** `《沈阳市 2021 年政务公开工作要点》任务分解表`: the ledger page of a document. */
export function ledgerTitle(document: { data: { title: string } }): string {
  return `${documentName(document)}任务分解表`;
}

interface DepartmentLike {
  data: { name: string; government?: string | undefined; owner?: string | undefined };
}

/**
 * `市财政局`, or `省发展改革委（福建省）` for another government's department, so two 市财政局 never read
 * alike; an internal office with its department: `办公室（平潭综合实验区环境与国土资源局）`.
 */
export function departmentName(department: DepartmentLike): string {
  const of = department.data.owner ?? department.data.government;
  return of ? `${department.data.name}（${of}）` : department.data.name;
}

/** The name of the department with this id, or the id itself when it is unknown. */
export function departmentNameOf(departments: Map<string, DepartmentLike>, id: string): string {
  const department = departments.get(id);
  return department ? departmentName(department) : id;
}
