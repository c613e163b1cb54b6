/**
 * The one list of content collections. Each has a folder under `src/content/` (its name), the file
 * endings of its entries and a schema; an entry's id is its path in the folder without the ending
 * (`src/lib/content/ids.ts` builds the ids of points and tasks, `interpretations.ts` those of 解读
 * and 图解). Astro's `src/content.config.ts` and the Node checker (`scripts/lib/check`) both read
 * this module, so a collection is added in one place.
 *
 * References differ by runtime: Astro's `reference()` exists only inside Astro, the checker uses
 * plain id strings (whether they resolve is its own rule). So the schemas are built from the
 * references each runtime passes in, and 图解 from the `image` schema Astro hands its collections.
 */
import type { z } from 'astro/zod';
import { documentSchema } from './document.ts';
import { pointSchema } from './point.ts';
import { taskSchema } from './task.ts';
import { departmentSchema } from './department.ts';
import { jieduSchema } from './jiedu.ts';
import { tujieSchema } from './tujie.ts';
import { topicSchema } from './topic.ts';
import { progressSchema } from './progress.ts';

/** File endings a collection's entries may have; the first is the one to suggest. */
export type EntryExtensions = readonly ['.yaml'] | readonly ['.mdx', '.md'];

const YAML = ['.yaml'] as const;

/**
 * Each collection's file endings, in the order the checker reads them. A 解读 is MDX where an
 * editor uses components, else Markdown.
 */
export const COLLECTIONS = {
  documents: YAML,
  points: YAML,
  tasks: YAML,
  departments: YAML,
  jiedu: ['.mdx', '.md'],
  tujie: YAML,
  topics: YAML,
  progress: YAML,
} as const satisfies Record<string, EntryExtensions>;

export type CollectionName = keyof typeof COLLECTIONS;

/** The folder of a collection's entries, relative to the project root. */
export const collectionFolder = (collection: CollectionName): string => `src/content/${collection}`;

/** The glob of a collection's entry files: `**∕*.yaml`, `**∕*.{mdx,md}`. */
export function entryPattern(collection: CollectionName): string {
  const names = COLLECTIONS[collection].map((ext) => ext.slice(1));
  return names.length === 1 ? `**/*.${names[0]}` : `**/*.{${names.join(',')}}`;
}

/**
 * Every collection's schema, given the runtime's reference schema of each collection that entries
 * reference. Each is a function of Astro's schema
 * context, whose `image()` only 图解 uses (the checker passes a path string schema).
 */
export function collectionSchemas<
  Doc extends z.ZodType,
  Point extends z.ZodType,
  Task extends z.ZodType,
  Dept extends z.ZodType,
  Jiedu extends z.ZodType,
>(ref: { documents: Doc; points: Point; tasks: Task; departments: Dept; jiedu: Jiedu }) {
  const interprets = { point: ref.points, document: ref.documents };
  return {
    documents: () => documentSchema,
    points: () => pointSchema(ref.documents),
    tasks: () => taskSchema({ document: ref.documents, point: ref.points, department: ref.departments }),
    departments: () => departmentSchema,
    jiedu: () => jieduSchema(interprets),
    tujie: <Image extends z.ZodType>({ image }: { image: () => Image }) => tujieSchema({ ...interprets, image: image() }),
    topics: () => topicSchema({ ...interprets, jiedu: ref.jiedu }),
    progress: () => progressSchema(ref.tasks),
  } satisfies Record<CollectionName, unknown>;
}
