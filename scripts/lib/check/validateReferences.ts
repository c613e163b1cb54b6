import { error, type CheckIssue } from './issue.ts';
import type { LoadedEntry } from './loadEntries.ts';
import { documentIdProblem, MAX_DOCUMENT_ID, WINDOWS_RESERVED } from '../../../src/schemas/document.ts';
import { pointId } from '../../../src/lib/content/ids.ts';

type Data = Record<string, unknown>;
const asData = (e: LoadedEntry): Data => (e.data && typeof e.data === 'object' ? (e.data as Data) : {});
/** A long id, as a message shows it. */
const shorten = (id: string) => (id.length > 40 ? `${id.slice(0, 40)}…` : id);

/**
 * Cross-entry rules the schemas cannot see: references resolve, ids match their content (document
 * ids are file names of lowercase letters, digits and hyphens), section and sub-section numbers
 * exist, and every point of a document with a task table has tasks (a document without one may
 * leave points without a responsible unit).
 */
export function validateReferences(entries: LoadedEntry[]): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const ids = (collection: string) => new Set(entries.filter((e) => e.collection === collection).map((e) => e.id));
  const documents = ids('documents');
  const points = ids('points');
  const departments = ids('departments');
  const jiedu = ids('jiedu');
  const tasks = ids('tasks');
  const documentById = new Map(entries.filter((e) => e.collection === 'documents').map((e) => [e.id, asData(e)]));
  const tasksPerPoint = new Map<string, number>();

  const missingRef = (entry: LoadedEntry, field: (string | number)[], value: unknown, collection: string) =>
    issues.push(
      error({
        code: 'ZW-REF-001',
        file: entry.file,
        line: entry.lineOf(field),
        field: field.join('.'),
        zh: `${field.join('.')} 引用的 “${String(value)}” 在 ${collection} 中不存在`,
        en: `${field.join('.')} refers to "${String(value)}", which does not exist in ${collection}`,
        fix: `改成 src/content/${collection}/ 下已有的条目 id，或先添加该条目 / use the id of an entry in src/content/${collection}/, or add that entry first`,
      }),
    );

  for (const entry of entries) {
    const data = asData(entry);
    const idProblem = entry.collection === 'documents' ? documentIdProblem(entry.id) : null;
    if (idProblem) {
      const suggestion =
        entry.id
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .slice(0, MAX_DOCUMENT_ID)
          .replace(/^-+|-+$/g, '')
          .replace(WINDOWS_RESERVED, (name) => `${name}-1`) || '2022-fujian';
      issues.push(
        error({
          code: 'ZW-REF-002',
          file: entry.file,
          zh: `文件编号“${shorten(entry.id)}”不合规：${idProblem.zh}。文件编号即文件名，决定网址（/yaodian/<编号>/）`,
          en: `document id "${shorten(entry.id)}" is not valid: ${idProblem.en}. The id is the file name and fixes the URLs (/yaodian/<id>/)`,
          fix: `把文件改名为 src/content/documents/${suggestion}.yaml，并同步修改其要点、任务、解读、图解的文件夹和引用 / rename the file to src/content/documents/${suggestion}.yaml and move its points, tasks, 解读 and 图解 with it`,
        }),
      );
    }
    if (entry.collection === 'points') {
      if (typeof data.document === 'string' && !documents.has(data.document)) missingRef(entry, ['document'], data.document, 'documents');
      const sections = (documentById.get(String(data.document))?.sections ?? []) as { no: number; subsections?: { no: number }[] }[];
      const section = sections.find((s) => s.no === data.section);
      if (
        documents.has(String(data.document)) &&
        section &&
        data.subsection !== undefined &&
        !section.subsections?.some((s) => s.no === data.subsection)
      ) {
        issues.push(
          error({
            code: 'ZW-REF-004',
            file: entry.file,
            line: entry.lineOf(['subsection']),
            field: 'subsection',
            zh: `小部分 ${String(data.subsection)} 不在文件 ${String(data.document)} 的第 ${String(data.section)} 部分中`,
            en: `subsection ${String(data.subsection)} is not among the subsections of section ${String(data.section)} of document ${String(data.document)}`,
            fix: '把 subsection 改成该部分 subsections 中的一个 no，或删除 subsection / use the no of one of that section’s subsections, or remove subsection',
          }),
        );
      }
      if (documents.has(String(data.document)) && !section) {
        issues.push(
          error({
            code: 'ZW-REF-003',
            file: entry.file,
            line: entry.lineOf(['section']),
            field: 'section',
            zh: `第 ${String(data.section)} 部分在文件 ${String(data.document)} 中不存在`,
            en: `section ${String(data.section)} does not exist in document ${String(data.document)}`,
            fix: '把 section 改成该文件 sections 中的一个 no / use the no of one of the document’s sections',
          }),
        );
      }
      const expectedId = pointId(String(data.document), Number(data.no));
      if (typeof data.no === 'number' && entry.id !== expectedId) {
        issues.push(
          error({
            code: 'ZW-REF-005',
            file: entry.file,
            line: entry.lineOf(['no']),
            field: 'no',
            zh: `文件名应与编号一致：应为 src/content/points/${expectedId}.yaml`,
            en: `the file name must match the number: expected src/content/points/${expectedId}.yaml`,
            fix: '重命名文件或更正 no / rename the file or correct no',
          }),
        );
      }
    }
    if (entry.collection === 'progress' && typeof data.task === 'string') {
      if (!tasks.has(data.task)) missingRef(entry, ['task'], data.task, 'tasks');
      else if (entry.id !== data.task) {
        issues.push(
          error({
            code: 'ZW-REF-006',
            file: entry.file,
            line: entry.lineOf(['task']),
            field: 'task',
            zh: `文件名应与任务一致：应为 src/content/progress/${data.task}.yaml`,
            en: `the file name must match the task: expected src/content/progress/${data.task}.yaml`,
            fix: '每项任务一个进展文件，以任务编号命名 / one progress file per task, named after the task',
          }),
        );
      }
    }
    if (entry.collection === 'topics') {
      const members = Array.isArray(data.members) ? (data.members as Record<string, unknown>[]) : [];
      members.forEach((member, i) => {
        const [[kind, value] = []] = Object.entries(member ?? {});
        const known = { document: documents, point: points, jiedu }[kind as 'document' | 'point' | 'jiedu'];
        if (known && typeof value === 'string' && !known.has(value))
          missingRef(entry, ['members', i, kind!], value, kind === 'document' ? 'documents' : kind === 'point' ? 'points' : 'jiedu');
      });
    }
    if (entry.collection === 'tasks') {
      if (typeof data.document === 'string' && !documents.has(data.document)) missingRef(entry, ['document'], data.document, 'documents');
      if (typeof data.point === 'string') {
        if (!points.has(data.point)) missingRef(entry, ['point'], data.point, 'points');
        tasksPerPoint.set(data.point, (tasksPerPoint.get(data.point) ?? 0) + 1);
      }
      for (const field of ['lead', 'units'] as const) {
        const list = Array.isArray(data[field]) ? (data[field] as unknown[]) : [];
        list.forEach((value, i) => {
          if (typeof value === 'string' && !departments.has(value)) missingRef(entry, [field, i], value, 'departments');
        });
      }
    }
  }

  const hasTaskTable = (documentId: unknown) => documentById.get(String(documentId))?.taskTable !== undefined;
  for (const entry of entries.filter((e) => e.collection === 'points')) {
    if (!tasksPerPoint.has(entry.id) && hasTaskTable(asData(entry).document)) {
      issues.push(
        error({
          code: 'ZW-REF-007',
          file: entry.file,
          zh: `要点 ${entry.id} 没有任何任务`,
          en: `point ${entry.id} has no task`,
          fix: '在 src/content/tasks/ 中为它添加至少一项任务（重新导入文件即可） / add at least one task for it in src/content/tasks/ (re-importing the document does this)',
        }),
      );
    }
  }
  return issues;
}
