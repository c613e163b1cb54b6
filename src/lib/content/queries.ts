/**
 * The one gate between the content collections and the site: every page, feed, export and QR code
 * reads content through these functions, which apply 公开属性 and the ledger's as-of date. Pure
 * shaping lives in sibling modules (ledger.ts). This is the only module that imports
 * `astro:content` (besides `src/content.config.ts`, which defines the collections); ESLint's
 * `no-restricted-imports` in `eslint.config.js` fails `npm run lint` on any other import of it.
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { sortTasks } from './ledger.ts';
import { isPublic } from '../data/disclosure.ts';
import { documentOfPoint } from './ids.ts';
import { policyKey } from './interpretations.ts';
import { computeLight, resolveAsOf, type LightResult, type ProgressUpdate } from '../ledger/lights.ts';
import { archiveNotice, newestFirst, topicsOf, yearlyTopics, type MemberKey, type Topic } from '../topics/topics.ts';

/**
 * A static build renders thousands of pages in one process, and each page asks for the same
 * collections; reading and shaping them once per build keeps the build linear in the number of
 * pages. In `astro dev` content changes while the server runs, so nothing is cached there.
 */
const cache = new Map<string, Promise<unknown>>();
function memo<T>(key: string, load: () => Promise<T>): Promise<T> {
  if (!import.meta.env.PROD) return load();
  if (!cache.has(key)) cache.set(key, load());
  return cache.get(key) as Promise<T>;
}

export type DocumentEntry = CollectionEntry<'documents'>;
export type PointEntry = CollectionEntry<'points'>;
export type TaskEntry = CollectionEntry<'tasks'>;
export type DepartmentEntry = CollectionEntry<'departments'>;

/**
 * Documents that have a page, newest first (by year, then 发布日期, then id): 主动公开 ones in full,
 * 依申请公开 ones as metadata and how to apply. 不予公开 documents are dropped here, so nothing
 * downstream ever sees them.
 */
export function getDocuments(): Promise<DocumentEntry[]> {
  return memo('documents', async () =>
    (await getCollection('documents', (d) => d.data.disclosure !== '不予公开')).sort((a, b) =>
      newestFirst({ id: a.id, ...a.data }, { id: b.id, ...b.data }),
    ),
  );
}

/** 主动公开 documents, newest first: the only ones whose points, tasks, 解读 and 图解 are published. */
export function getOpenDocuments(): Promise<DocumentEntry[]> {
  return memo('openDocuments', async () => (await getDocuments()).filter(isPublic));
}

const openIds = async () => new Set((await getOpenDocuments()).map((d) => d.id));

/** A 主动公开 document's points in number order; none for any other document. */
export function getPoints(documentId: string): Promise<PointEntry[]> {
  return memo(`points:${documentId}`, async () =>
    (await openIds()).has(documentId)
      ? (await getCollection('points', (p) => p.data.document.id === documentId)).sort((a, b) => a.data.no - b.data.no)
      : [],
  );
}

/**
 * The document the site presents as current (home page): the newest 主动公开 one that is not an
 * archive document (imported for 往期专题, published before the site existed).
 */
export async function getCurrentDocument(): Promise<DocumentEntry | undefined> {
  return (await getOpenDocuments()).find((d) => !d.data.archive);
}

/** A 主动公开 document's tasks in table order; none for any other document. */
export function getTasks(documentId: string): Promise<TaskEntry[]> {
  return memo(`tasks:${documentId}`, async () =>
    (await openIds()).has(documentId)
      ? sortTasks(await getCollection('tasks', (t) => t.data.document.id === documentId), await getPoints(documentId))
      : [],
  );
}

/** Every task of every 主动公开 document, with the points; for department pages. */
export function getAllTasks(): Promise<{ tasks: TaskEntry[]; points: Map<string, PointEntry> }> {
  return memo('allTasks', async () => {
    const open = await openIds();
    const points = await getCollection('points', (p) => open.has(p.data.document.id));
    return {
      tasks: sortTasks(await getCollection('tasks', (t) => open.has(t.data.document.id)), points),
      points: new Map(points.map((p) => [p.id, p])),
    };
  });
}

/** Tasks grouped by point id, in table order. */
export function groupByPoint(tasks: TaskEntry[]): Map<string, TaskEntry[]> {
  const map = new Map<string, TaskEntry[]>();
  for (const task of tasks) map.set(task.data.point.id, [...(map.get(task.data.point.id) ?? []), task]);
  return map;
}

/** Departments named by the tasks of 主动公开 documents. */
export function getDepartments(): Promise<DepartmentEntry[]> {
  const order = { group: 0, municipal: 1, district: 2, external: 3, internal: 4 } as const;
  return memo('departments', async () => {
    const { tasks } = await getAllTasks();
    const named = new Set(tasks.flatMap((t) => [...t.data.lead, ...t.data.units].map((d) => d.id)));
    return (await getCollection('departments', (d) => named.has(d.id))).sort(
      (a, b) => order[a.data.kind] - order[b.data.kind] || a.data.name.localeCompare(b.data.name, 'zh-CN'),
    );
  });
}

/** Each document's year by id, as a lookup: department pages are per year, not per document. */
export function getYearOf(): Promise<(documentId: string) => number> {
  return memo('yearOf', async () => {
    const years = new Map((await getDocuments()).map((d) => [d.id, d.data.year]));
    return (documentId: string) => years.get(documentId) ?? 0;
  });
}

/** A published (not 不予公开) document by id, or undefined. */
export async function findDocument(id: string): Promise<DocumentEntry | undefined> {
  return (await getDocuments()).find((d) => d.id === id);
}

/** A point of a 主动公开 document by id (`2021/18`), or undefined. */
export async function findPoint(id: string): Promise<PointEntry | undefined> {
  return (await getPoints(documentOfPoint(id))).find((p) => p.id === id);
}

export function getDepartmentMap(): Promise<Map<string, DepartmentEntry>> {
  return memo('departmentMap', async () => new Map((await getDepartments()).map((d) => [d.id, d])));
}

export type JieduEntry = CollectionEntry<'jiedu'>;
export type TujieEntry = CollectionEntry<'tujie'>;

/** 文字解读 and 图解 by the policy they interpret (`point:2021/18`, `document:2021`). */
export function getInterpretations(): Promise<{ jiedu: Map<string, JieduEntry>; tujie: Map<string, TujieEntry> }> {
  return memo('interpretations', async () => {
    // Published (not 不予公开) entries that explain a policy of a 主动公开 document.
    const open = await openIds();
    const keep = (e: { data: { disclosure: string; interprets: Parameters<typeof policyKey>[0] } }) =>
      e.data.disclosure !== '不予公开' &&
      open.has('point' in e.data.interprets ? documentOfPoint(e.data.interprets.point.id) : e.data.interprets.document.id);
    return {
      jiedu: new Map((await getCollection('jiedu', keep)).map((e) => [policyKey(e.data.interprets), e])),
      tujie: new Map((await getCollection('tujie', keep)).map((e) => [policyKey(e.data.interprets), e])),
    };
  });
}

/** Renders a 解读 entry's body; the entry comes from `getInterpretations`, so it is published. */
export function renderInterpretation(entry: JieduEntry): ReturnType<typeof render> {
  return render(entry);
}

/** Editors' topics and the yearly ones, active first. */
export function getTopics(): Promise<Topic[]> {
  return memo('topics', loadTopics);
}

async function loadTopics(): Promise<Topic[]> {
  const documents = (await getDocuments()).map((d) => ({
    id: d.id,
    year: d.data.year,
    title: d.data.title,
    issuer: d.data.issuer,
    publishedAt: d.data.publishedAt,
    archive: d.data.archive === true,
  }));
  const edited: Topic[] = (await getCollection('topics')).map((t) => ({
    slug: t.id,
    title: t.data.title,
    description: t.data.description,
    status: t.data.status,
    startedAt: t.data.startedAt,
    archivedAt: t.data.archivedAt,
    archiveReason: t.data.archiveReason,
    members: t.data.members.map(
      (m) => ('document' in m ? `document:${m.document.id}` : 'point' in m ? `point:${m.point.id}` : `jiedu:${m.jiedu.id}`) as MemberKey,
    ),
    yearly: false,
  }));
  return [...yearlyTopics(documents), ...edited].sort((a, b) =>
    a.status === b.status ? b.startedAt.localeCompare(a.startedAt) : a.status === 'active' ? -1 : 1,
  );
}

/** The archive notice for a page of `document` (and `point`), or null when it is not archived. */
export async function getArchiveNotice(page: { document: string; point?: string }): Promise<{ archivedAt: string } | null> {
  return archiveNotice(topicsOf(page, await getTopics()));
}

/** The as-of date of the ledger: `ZW_AS_OF` (set by `npm run build -- --as-of`), else today in China. */
export const LEDGER_AS_OF = resolveAsOf(process.env.ZW_AS_OF || undefined);

export type LedgerRow = { task: TaskEntry; light: LightResult; history: ProgressUpdate[] };

/** Every task of a document with its light and its reports up to LEDGER_AS_OF, in table order. */
export function getLedger(documentId: string): Promise<LedgerRow[]> {
  return memo(`ledger:${documentId}`, async () => {
    const progress = await memo(
      'progress',
      async () => new Map((await getCollection('progress')).map((p) => [p.data.task.id, p.data.updates])),
    );
    return (await getTasks(documentId)).map((task) => {
      const history = (progress.get(task.id) ?? []).filter((u) => u.date <= LEDGER_AS_OF);
      return { task, light: computeLight(task.data.deadline, history, LEDGER_AS_OF), history };
    });
  });
}

/**
 * Every evidence address (佐证链接) the site shows: the reports, up to LEDGER_AS_OF, of the tasks of
 * 主动公开 documents (`getLedger`), in document and table order. The kiosk QR codes are made from
 * this list, so a report of a 不予公开 or 依申请公开 document, or one dated after the as-of date,
 * never becomes a file of the site.
 */
export function getEvidenceLinks(): Promise<string[]> {
  return memo('evidence', async () => {
    const links = new Set<string>();
    for (const document of await getOpenDocuments())
      for (const { history } of await getLedger(document.id)) for (const u of history) if (u.evidence) links.add(u.evidence);
    return [...links];
  });
}
