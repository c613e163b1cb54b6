import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { documentSchema } from './schemas/document.ts';
import { pointSchema } from './schemas/point.ts';
import { taskSchema } from './schemas/task.ts';
import { departmentSchema } from './schemas/department.ts';

/** One YAML file per entry; the id is the path without extension, e.g. `2021/01`. */
const yamlEntries = (base: string) => glob({ pattern: '**/*.yaml', base: `./src/content/${base}` });

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
};
