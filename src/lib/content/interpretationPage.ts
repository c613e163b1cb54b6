/**
 * What a 文字解读 page and a 图解 page share: their routes, the policy they explain, its
 * counterpart interpretation, and the page shell's metadata (search filters, breadcrumb, archive
 * notice). `src/layouts/InterpretationLayout.astro` renders the shell from this.
 */
import { interpretationUrls, policyKey } from './interpretations.ts';
import { leadNames, resolvePolicy, sectionOf, type Policy } from './policies.ts';
import { getArchiveNotice, getInterpretations, type JieduEntry, type TujieEntry } from './queries.ts';

export type InterpretationKind = 'jiedu' | 'tujie';
type EntryOf<K extends InterpretationKind> = K extends 'jiedu' ? JieduEntry : TujieEntry;

/** The name each kind goes by in breadcrumbs and search filters. */
export const INTERPRETATION_TYPE = { jiedu: '文字解读', tujie: '图解' } as const;

/** `getStaticPaths` of `/jiedu/[...path]` and `/tujie/[...path]`: one page per published entry. */
export async function interpretationPaths<K extends InterpretationKind>(
  kind: K,
): Promise<{ params: { path: string }; props: { entry: EntryOf<K> } }[]> {
  const entries = (await getInterpretations())[kind] as Map<string, EntryOf<K>>;
  return [...entries.values()].map((entry) => ({
    params: { path: interpretationUrls[kind](entry.id).slice(`/${kind}/`.length, -1) },
    props: { entry },
  }));
}

export interface InterpretationPage {
  kind: InterpretationKind;
  title: string;
  publishedAt: string;
  key: string;
  policy: Policy;
  /** Both interpretations of the policy, this page's entry among them, for the links between them. */
  jiedu: JieduEntry | undefined;
  tujie: TujieEntry | undefined;
  archived: { archivedAt: string } | null;
  /** Pagefind's filters and metadata for the page (`SearchMeta`). */
  search: {
    kind: InterpretationKind;
    type: (typeof INTERPRETATION_TYPE)[InterpretationKind];
    year: number;
    section: ReturnType<typeof sectionOf>;
    departments: string[];
    date: string;
  };
}

export async function interpretationPage<K extends InterpretationKind>(kind: K, entry: EntryOf<K>): Promise<InterpretationPage> {
  const key = policyKey(entry.data.interprets);
  const policy = await resolvePolicy(key);
  const interpretations = await getInterpretations();
  const { year } = policy.document.data;
  const { title, publishedAt } = entry.data;
  return {
    kind,
    title,
    publishedAt,
    key,
    policy,
    jiedu: kind === 'jiedu' ? (entry as JieduEntry) : interpretations.jiedu.get(key),
    tujie: kind === 'tujie' ? (entry as TujieEntry) : interpretations.tujie.get(key),
    archived: await getArchiveNotice({ document: policy.document.id, point: policy.point?.id }),
    search: {
      kind,
      type: INTERPRETATION_TYPE[kind],
      year,
      section: sectionOf(policy),
      departments: await leadNames(policy),
      date: publishedAt,
    },
  };
}
