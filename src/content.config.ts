import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { documentSchema } from './schemas/document.ts';
import { pointSchema } from './schemas/point.ts';
import { taskSchema } from './schemas/task.ts';
import { departmentSchema } from './schemas/department.ts';
import { jieduSchema } from './schemas/jiedu.ts';
import { tujieSchema } from './schemas/tujie.ts';
import { topicSchema } from './schemas/topic.ts';
import { progressSchema } from './schemas/progress.ts';

/**
 * One YAML file per entry; the id is the path without extension, e.g. `2021/01`. No loader keeps
 * the raw file text beside the parsed entry (`retainBody: false`): pages never read it, and a
 * 10,000-point archive's content store was 123 MB with it.
 */
const yamlEntries = (base: string) => glob({ pattern: '**/*.yaml', base: `./src/content/${base}`, retainBody: false });
const interprets = { point: reference('points'), document: reference('documents') };

export const collections = {
  documents: defineCollection({ loader: yamlEntries('documents'), schema: documentSchema }),
  points: defineCollection({ loader: yamlEntries('points'), schema: pointSchema(reference('documents')) }),
  tasks: defineCollection({
    loader: yamlEntries('tasks'),
    schema: taskSchema({
      document: reference('documents'),
      point: reference('points'),
      department: reference('departments'),
    }),
  }),
  departments: defineCollection({ loader: yamlEntries('departments'), schema: departmentSchema }),
  /**
   * 文字解读 (`2021/18.mdx`; `2021/quanwen.mdx` for a whole document): MDX where editors use the
   * components, Markdown (`.md`) otherwise, e.g. an imported archive. Each MDX file becomes a module
   * of the build; Markdown is rendered into the content store, which keeps large archives light.
   */
  jiedu: defineCollection({ loader: glob({ pattern: '**/*.{mdx,md}', base: './src/content/jiedu', retainBody: false }), schema: jieduSchema(interprets) }),
  /** 图解: generated from the data, or a hand-made image beside the entry. */
  tujie: defineCollection({ loader: yamlEntries('tujie'), schema: ({ image }) => tujieSchema({ ...interprets, image: image() }) }),
  /** 专题 set up by editors; yearly topics are derived from the documents (src/lib/topics). */
  /** 工作台账: editors' progress reports per task (`2021/02-1.yaml`), history kept. */
  progress: defineCollection({ loader: yamlEntries('progress'), schema: progressSchema(reference('tasks')) }),
  topics: defineCollection({ loader: yamlEntries('topics'), schema: topicSchema({ ...interprets, jiedu: reference('jiedu') }) }),
};
