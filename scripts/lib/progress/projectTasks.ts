/**
 * The tasks, points, departments and documents of a project as the progress CLI needs them, read
 * from `src/content/` with the content check's loader (plain Node, no Astro).
 */
import { loadCollection } from '../check/loadEntries.ts';
import type { CollectionName } from '../../../src/schemas/collections.ts';
import type { TemplateTask } from './template.ts';

interface TaskData {
  document: string;
  point: string;
  seq: number;
  text: string;
  lead: string[];
  units: string[];
  deadline: { raw: string };
}

export interface ProjectTasks {
  documents: Map<string, { title: string; year: number }>;
  departments: Map<string, string>;
  /** Tasks by document id, in table order (point number, then seq), with each lead's id. */
  tasks: Map<string, (TemplateTask & { leadIds: string[] })[]>;
}

function entries<T>(root: string, collection: CollectionName): { id: string; data: T }[] {
  const { entries, issues } = loadCollection(root, collection);
  if (issues.length)
    throw new Error(
      `src/content/${collection} 有错误，先运行 npm run check 改正 / src/content/${collection} has errors: run npm run check first`,
    );
  return entries.map((e) => ({ id: e.id, data: e.data as T }));
}

export function readProjectTasks(root: string): ProjectTasks {
  const documents = new Map(entries<{ title: string; year: number }>(root, 'documents').map((d) => [d.id, d.data]));
  const departments = new Map(entries<{ name: string }>(root, 'departments').map((d) => [d.id, d.data.name]));
  const points = new Map(entries<{ no: number; title: string }>(root, 'points').map((p) => [p.id, p.data]));
  const name = (id: string) => departments.get(id) ?? id;
  const tasks = new Map<string, (TemplateTask & { leadIds: string[] })[]>();
  for (const { id, data } of entries<TaskData>(root, 'tasks')) {
    const point = points.get(data.point);
    if (!point) continue;
    const list = tasks.get(data.document) ?? [];
    list.push({
      id,
      pointNo: point.no,
      pointTitle: point.title,
      text: data.text,
      lead: data.lead.map(name),
      units: data.units.map(name),
      deadline: data.deadline.raw,
      leadIds: data.lead,
    });
    tasks.set(data.document, list);
  }
  const seq = (id: string) => Number(id.split('-').at(-1));
  for (const list of tasks.values()) list.sort((a, b) => a.pointNo - b.pointNo || seq(a.id) - seq(b.id));
  return { documents, departments, tasks };
}
