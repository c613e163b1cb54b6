/**
 * The few collection reads that pages share. Pure shaping lives in sibling modules (ledger.ts);
 * this file only talks to `astro:content`.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { sortTasks } from './ledger.ts';
import { policyKey } from './interpretations.ts';

export type DocumentEntry = CollectionEntry<'documents'>;
export type PointEntry = CollectionEntry<'points'>;
export type TaskEntry = CollectionEntry<'tasks'>;
export type DepartmentEntry = CollectionEntry<'departments'>;

/** Published documents, newest year first: the first one is the current document. */
export async function getDocuments(): Promise<DocumentEntry[]> {
  return (await getCollection('documents')).sort((a, b) => b.data.year - a.data.year);
}

/** A document's points in number order. */
export async function getPoints(documentId: string): Promise<PointEntry[]> {
  return (await getCollection('points', (p) => p.data.document.id === documentId)).sort((a, b) => a.data.no - b.data.no);
}

/** A document's tasks in table order. */
export async function getTasks(documentId: string): Promise<TaskEntry[]> {
  return sortTasks(await getCollection('tasks', (t) => t.data.document.id === documentId), await getPoints(documentId));
}

/** Every task of every document, each with its point; for department pages. */
export async function getAllTasks(): Promise<{ tasks: TaskEntry[]; points: Map<string, PointEntry> }> {
  const points = await getCollection('points');
  return { tasks: sortTasks(await getCollection('tasks'), points), points: new Map(points.map((p) => [p.id, p])) };
}

/** Tasks grouped by point id, in table order. */
export function groupByPoint(tasks: TaskEntry[]): Map<string, TaskEntry[]> {
  const map = new Map<string, TaskEntry[]>();
  for (const task of tasks) map.set(task.data.point.id, [...(map.get(task.data.point.id) ?? []), task]);
  return map;
}

export async function getDepartments(): Promise<DepartmentEntry[]> {
  const order = { group: 0, municipal: 1, district: 2 } as const;
  return (await getCollection('departments')).sort((a, b) => order[a.data.kind] - order[b.data.kind] || a.data.name.localeCompare(b.data.name, 'zh-CN'));
}

export async function getDepartmentMap(): Promise<Map<string, DepartmentEntry>> {
  return new Map((await getDepartments()).map((d) => [d.id, d]));
}

export type JieduEntry = CollectionEntry<'jiedu'>;
export type TujieEntry = CollectionEntry<'tujie'>;

/** 文字解读 and 图解 by the policy they interpret (`point:2021/18`, `document:2021`). */
export async function getInterpretations(): Promise<{ jiedu: Map<string, JieduEntry>; tujie: Map<string, TujieEntry> }> {
  return {
    jiedu: new Map((await getCollection('jiedu')).map((e) => [policyKey(e.data.interprets), e])),
    tujie: new Map((await getCollection('tujie')).map((e) => [policyKey(e.data.interprets), e])),
  };
}
