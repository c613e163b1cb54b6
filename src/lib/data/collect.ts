/**
 * Reads the collections (through src/lib/content/queries.ts) for the open-data endpoints, RSS and
 * the /data/ page, with everything passed through the 公开属性 gate first.
 */
import {
  getDepartmentMap,
  getDocuments,
  getInterpretations,
  getLedger,
  getPoints,
  getTasks,
  LEDGER_AS_OF,
  type DocumentEntry,
  type JieduEntry,
  type TujieEntry,
} from '../content/queries.ts';
import { disclosureGate, type DisclosureGate } from './disclosure.ts';
import { pointsExport, progressCsvRows, tasksExport, type ExportInput } from './exportRows.ts';
import { site } from '../../../site.config.mjs';

async function gate(): Promise<DisclosureGate> {
  const documents = await getDocuments();
  return disclosureGate(documents, (await Promise.all(documents.map((d) => getPoints(d.id)))).flat());
}

/** 主动公开 documents, newest year first. */
export async function publicDocuments(): Promise<DocumentEntry[]> {
  const g = await gate();
  return (await getDocuments()).filter((d) => g.document(d));
}

/** 主动公开 解读 and 图解 of 主动公开 documents, by policy key. */
export async function publicInterpretations(): Promise<{ jiedu: Map<string, JieduEntry>; tujie: Map<string, TujieEntry> }> {
  const g = await gate();
  const { jiedu, tujie } = await getInterpretations();
  const keep = <E extends JieduEntry | TujieEntry>(map: Map<string, E>) => new Map([...map].filter(([, e]) => g.interpretation(e)));
  return { jiedu: keep(jiedu), tujie: keep(tujie) };
}

async function ledgerMaps(documentId: string): Promise<Pick<ExportInput, 'lights' | 'progress'>> {
  const ledger = await getLedger(documentId);
  return { lights: new Map(ledger.map((r) => [r.task.id, r.light])), progress: new Map(ledger.map((r) => [r.task.id, r.history])) };
}

async function exportInput(document: DocumentEntry): Promise<ExportInput> {
  const g = await gate();
  return {
    site,
    document,
    points: (await getPoints(document.id)).filter((p) => g.point(p)),
    tasks: (await getTasks(document.id)).filter((t) => g.task(t)),
    departments: await getDepartmentMap(),
    interpretations: await publicInterpretations(),
    ...(await ledgerMaps(document.id)),
    asOf: LEDGER_AS_OF,
  };
}

export async function documentPointsExport(document: DocumentEntry) {
  return pointsExport(await exportInput(document));
}

export async function documentTasksExport(document: DocumentEntry) {
  return tasksExport(await exportInput(document));
}

/** /data/<doc>/progress.csv rows: every report up to the as-of date. */
export async function documentProgressRows(document: DocumentEntry) {
  const input = await exportInput(document);
  return progressCsvRows(input, tasksExport(input));
}
