import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { collectionFolder, collectionSchemas, entryPattern, type CollectionName } from './schemas/collections.ts';

/**
 * The collections of `src/schemas/collections.ts`, with Astro's references. Entries are read by
 * the glob loader, one file per entry; the id is the path without extension, e.g. `2021/01`.
 * No loader keeps the raw file text beside the parsed entry (`retainBody: false`): pages never
 * read it, and a 10,000-point archive's content store was 123 MB with it. 解读 are MDX where
 * editors use the components, Markdown (`.md`) otherwise, e.g. an imported archive: each MDX file
 * becomes a module of the build, Markdown is rendered into the content store, which keeps large
 * archives light.
 */
const loader = (collection: CollectionName) =>
  glob({ pattern: entryPattern(collection), base: `./${collectionFolder(collection)}`, retainBody: false });
const schemas = collectionSchemas({
  documents: reference('documents'),
  points: reference('points'),
  tasks: reference('tasks'),
  departments: reference('departments'),
  jiedu: reference('jiedu'),
});

/**
 * Schemas are built once here: Astro calls a schema given as a function again for every entry,
 * and building the task or point schema anew for each of a large archive's entries cost the
 * content sync more than validating them. Only 图解 needs the function: its `image()` resolves a
 * path against the entry's own file.
 */
export const collections = {
  documents: defineCollection({ loader: loader('documents'), schema: schemas.documents() }),
  points: defineCollection({ loader: loader('points'), schema: schemas.points() }),
  tasks: defineCollection({ loader: loader('tasks'), schema: schemas.tasks() }),
  departments: defineCollection({ loader: loader('departments'), schema: schemas.departments() }),
  jiedu: defineCollection({ loader: loader('jiedu'), schema: schemas.jiedu() }),
  /** 图解: generated from the data, or a hand-made image beside the entry. */
  tujie: defineCollection({ loader: loader('tujie'), schema: (context) => schemas.tujie(context) }),
  /** 专题 set up by editors; yearly topics are derived from the documents (src/lib/topics). */
  topics: defineCollection({ loader: loader('topics'), schema: schemas.topics() }),
  /** 工作台账: editors' progress reports per task (`2021/02-1.yaml`), history kept. */
  progress: defineCollection({ loader: loader('progress'), schema: schemas.progress() }),
};
