/**
 * A document's outline as pages print it: sections (`一、…`), their sub-sections (`（一）…`,
 * numbered through the document) and the points of each, in number order. Points of a section
 * that belong to no sub-section come before its first sub-section, as printed.
 */
export interface Heading {
  no: number;
  /** Absent for a group printed without a numeral (its heading is then its printed text). */
  numeral?: string | undefined;
  heading: string;
}
export interface OutlinePoint {
  data: { no: number; section: number; subsection?: number | undefined };
}
export interface OutlineSection<S extends Heading, P> {
  section: S;
  points: P[];
  subsections: { subsection: Heading; points: P[] }[];
}

export function outline<S extends Heading & { subsections?: Heading[] | undefined }, P extends OutlinePoint>(
  sections: S[],
  points: P[],
): OutlineSection<S, P>[] {
  const ordered = [...points].sort((a, b) => a.data.no - b.data.no);
  return sections.map((section) => {
    const own = ordered.filter((p) => p.data.section === section.no);
    return {
      section,
      points: own.filter((p) => p.data.subsection === undefined),
      subsections: (section.subsections ?? []).map((subsection) => ({
        subsection,
        points: own.filter((p) => p.data.subsection === subsection.no),
      })),
    };
  });
}

/** The sub-section a point belongs to, if any. */
export function subsectionOf<H extends Heading>(
  section: { subsections?: H[] | undefined } | undefined,
  point: OutlinePoint,
): H | undefined {
  return point.data.subsection === undefined ? undefined : section?.subsections?.find((s) => s.no === point.data.subsection);
}
