/**
 * The few collection reads that pages share. Pure shaping lives in sibling modules;
 * this file only talks to `astro:content`.
 */
import { getCollection, type CollectionEntry } from 'astro:content';

export type DocumentEntry = CollectionEntry<'documents'>;
export type PointEntry = CollectionEntry<'points'>;
export type TaskEntry = CollectionEntry<'tasks'>;
export type DepartmentEntry = CollectionEntry<'departments'>;

const byNo = (a: PointEntry, b: PointEntry) => a.data.no - b.data.no;

/** Published documents, newest year first. */
export async function getDocuments(): Promise<DocumentEntry[]> {
  return (await getCollection('documents')).sort((a, b) => b.data.year - a.data.year);
}

export async function getPoints(documentId: string): Promise<PointEntry[]> {
  return (await getCollection('points', (p) => p.data.document.id === documentId)).sort(byNo);
}

/** Tasks of one point in the order the table prints them. */
export async function getTasksByPoint(documentId: string): Promise<Map<string, TaskEntry[]>> {
  const tasks = await getCollection('tasks', (t) => t.data.document.id === documentId);
  const map = new Map<string, TaskEntry[]>();
  for (const task of tasks.sort((a, b) => a.data.seq - b.data.seq)) {
    const list = map.get(task.data.point.id) ?? [];
    list.push(task);
    map.set(task.data.point.id, list);
  }
  return map;
}

export async function getDepartmentMap(): Promise<Map<string, DepartmentEntry>> {
  return new Map((await getCollection('departments')).map((d) => [d.id, d]));
}

