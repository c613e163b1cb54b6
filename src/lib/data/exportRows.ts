/**
 * Shaping the collections into the open-data files. Works on the plain shape of collection entries
 * (so it is unit-tested without Astro); only 主动公开 documents are accepted, and every builder
 * output is parsed with its zod schema so a file can never drift from its published JSON Schema.
 */
import type { DocumentData } from '../../schemas/document.ts';
import type { Deadline } from '../../schemas/task.ts';
import { pointsExportSchema, tasksExportSchema, type PointsExport, type TasksExport } from '../../schemas/exports.ts';
import { interpretationUrls, policyKey } from '../content/interpretations.ts';
import { urls } from '../content/ids.ts';
import { undatedWording } from '../content/deadline.ts';
import { subsectionOf } from '../content/outline.ts';
import { pointPosition } from '../content/labels.ts';
import { assertPublic } from './disclosure.ts';
import { DATA_LICENCE, absoluteUrl, dataUrls } from './paths.ts';
import type { LightResult, ProgressUpdate } from '../ledger/lights.ts';
import { LIGHT_NAMES } from '../ledger/lights.ts';
import { toCsv } from './csv.ts';

interface Ref {
  id: string;
}

export interface ExportSite {
  url: string;
  name: string;
  defaultCategory: string;
}

export interface ExportInput {
  site: ExportSite;
  document: { id: string; data: DocumentData };
  points: {
    id: string;
    data: {
      section: number;
      subsection?: number | undefined;
      no: number;
      label?: string | undefined;
      unlabelled?: true | undefined;
      title: string;
      body: string[];
    };
  }[];
  tasks: {
    id: string;
    data: {
      point: Ref;
      seq: number;
      text: string;
      lead: Ref[];
      units: Ref[];
      deadline: Deadline;
      printedLabel?: { no: number; title: string } | undefined;
      sourceLine: number;
    };
  }[];
  departments: Map<string, { data: { name: string; government?: string | undefined } }>;
  /** 解读 and 图解 by policy key (`point:2021/18`), already passed through the 公开属性 gate. */
  interpretations: { jiedu: Map<string, Ref>; tujie: Map<string, Ref> };
  /** Each task's 红黄绿亮灯 at `asOf` (src/lib/ledger). */
  lights: Map<string, LightResult>;
  /** Each task's progress reports dated on or before `asOf`, oldest first (absent: none). */
  progress: Map<string, ProgressUpdate[]>;
  asOf: string;
}

function common(input: ExportInput, schema: 'points' | 'tasks') {
  const abs = (path: string) => absoluteUrl(path, input.site.url);
  return {
    $schema: abs(dataUrls.schema(schema)),
    licence: DATA_LICENCE,
    publisher: { name: input.site.name, url: abs('/') },
  };
}

function interpretationLinks(input: ExportInput, key: string): { jieduUrl: string | null; tujieUrl: string | null } {
  const jiedu = input.interpretations.jiedu.get(key);
  const tujie = input.interpretations.tujie.get(key);
  return {
    jieduUrl: jiedu ? absoluteUrl(interpretationUrls.jiedu(jiedu.id), input.site.url) : null,
    tujieUrl: tujie ? absoluteUrl(interpretationUrls.tujie(tujie.id), input.site.url) : null,
  };
}

const headingOf = (h: { no: number; numeral?: string | undefined; title: string; heading: string }) => ({
  no: h.no,
  numeral: h.numeral ?? null,
  title: h.title,
  heading: h.heading,
});

/** /data/<doc>/points.json: the document's metadata and every point with its links. */
export function pointsExport(input: ExportInput): PointsExport {
  const { document, site } = input;
  assertPublic(document, '文件 / document');
  const doc = document.data;
  const abs = (path: string) => absoluteUrl(path, site.url);
  const sections = new Map(doc.sections.map((s) => [s.no, s]));
  return pointsExportSchema.parse({
    ...common(input, 'points'),
    document: {
      id: document.id,
      year: doc.year,
      title: doc.title,
      issuer: doc.issuer,
      docNumber: doc.docNumber ?? null,
      signedAt: doc.signedAt ?? null,
      publishedAt: doc.publishedAt,
      publishedAtFrom: doc.publishedAtFrom ?? 'document',
      archive: doc.archive === true,
      disclosure: doc.disclosure,
      category: doc.category ?? site.defaultCategory,
      indexNo: doc.indexNo ?? null,
      url: abs(urls.document(document.id)),
      ...interpretationLinks(input, `document:${document.id}`),
    },
    points: [...input.points]
      .sort((a, b) => a.data.no - b.data.no)
      .map((point) => {
        const section = sections.get(point.data.section);
        if (!section)
          throw new Error(`要点 ${point.id} 的部分 ${point.data.section} 不存在 / point ${point.id}: no section ${point.data.section}`);
        const subsection = subsectionOf(section, point);
        if (point.data.subsection !== undefined && !subsection)
          throw new Error(
            `要点 ${point.id} 的小部分 ${point.data.subsection} 不存在 / point ${point.id}: no subsection ${point.data.subsection}`,
          );
        return {
          id: point.id,
          no: point.data.no,
          label: point.data.label ?? null,
          unlabelled: point.data.unlabelled === true,
          section: headingOf(section),
          subsection: subsection ? headingOf(subsection) : null,
          title: point.data.title,
          body: point.data.body,
          url: abs(urls.point(document.id, point.data.no)),
          ...interpretationLinks(input, policyKey({ point })),
        };
      }),
  });
}

/** /data/<doc>/tasks.json: one object per task of the 任务分解表, in table order. */
function taskStatus(input: ExportInput, taskId: string) {
  const light = input.lights.get(taskId);
  if (!light) throw new Error(`任务 ${taskId} 没有台账状态 / task ${taskId} has no ledger status`);
  const latest = light.latest;
  return {
    progress: light.status,
    light: light.light,
    label: light.label,
    reportedAt: latest?.date ?? null,
    completedAt: latest?.completedAt ?? null,
    note: latest?.note ?? null,
    evidence: latest?.evidence ?? null,
    asOf: input.asOf,
  };
}

export function tasksExport(input: ExportInput): TasksExport {
  const { document, site } = input;
  assertPublic(document, '文件 / document');
  const doc = document.data;
  const abs = (path: string) => absoluteUrl(path, site.url);
  const points = new Map(input.points.map((p) => [p.id, p]));
  const department = (ref: Ref) => {
    const entry = input.departments.get(ref.id);
    if (!entry) throw new Error(`部门 ${ref.id} 不存在 / no department ${ref.id}`);
    return { id: ref.id, name: entry.data.name, government: entry.data.government ?? null };
  };
  return tasksExportSchema.parse({
    ...common(input, 'tasks'),
    document: {
      id: document.id,
      year: doc.year,
      title: doc.title,
      docNumber: doc.docNumber ?? null,
      disclosure: doc.disclosure,
      sourceFile: doc.source,
      url: abs(urls.document(document.id)),
      ledgerUrl: abs(urls.ledger(document.id)),
    },
    tasks: input.tasks.map((task) => {
      const point = points.get(task.data.point.id);
      if (!point) throw new Error(`任务 ${task.id} 的要点 ${task.data.point.id} 不存在 / task ${task.id}: no point ${task.data.point.id}`);
      const { raw, date, kind, inText } = task.data.deadline;
      return {
        id: task.id,
        point: {
          id: point.id,
          no: point.data.no,
          label: point.data.label ?? null,
          unlabelled: point.data.unlabelled === true,
          title: point.data.title,
        },
        seq: task.data.seq,
        text: task.data.text,
        lead: task.data.lead.map(department),
        units: task.data.units.map(department),
        deadline: { raw, date, kind, inText: inText === true },
        printedLabel: task.data.printedLabel ?? null,
        sourceLine: task.data.sourceLine,
        url: abs(urls.point(document.id, point.data.no)),
        status: taskStatus(input, task.id),
      };
    }),
  });
}

/** Columns of /data/<doc>/tasks.csv with what each holds (printed on /data/). */
export const TASK_CSV_COLUMNS = [
  { name: '编号', description: '任务编号，如 2021/01-1，与 tasks.json 的 id 一致' },
  {
    name: '要点编号',
    description: '任务所属要点的序号；文件印有自己的编号时为印的编号，如（三）；文件没有印编号时为要点的位置，如 第3项',
  },
  { name: '要点标题', description: '任务所属要点的标题' },
  { name: '主要任务', description: '任务内容，与任务分解表一致' },
  { name: '牵头部门', description: '牵头部门名称，多个部门用“、”分隔' },
  { name: '责任单位', description: '责任单位名称，多个单位用“、”分隔' },
  { name: '完成时限', description: '文件中印的完成时限，如 9月底、长期坚持；写了但没有日期的照印出的文字；文件未注明的为“未注明”' },
  { name: '完成日期', description: '换算出的完成日期 YYYY-MM-DD；长期、持续推进或未注明的任务为空' },
  { name: '状态', description: '截至数据截至日期最近一次报送的进展和亮灯，如“推进中（红灯：逾期未完成）”；没有报送的为“未报送”' },
  { name: '报送日期', description: '最近一次报送进展的填报日期 YYYY-MM-DD；未报送为空' },
  { name: '报送的完成日期', description: '最近一次报送为“已完成”时所报的完成日期；否则为空' },
  {
    name: '进展情况',
    description:
      "最近一次报送的进展情况；未报送为空。以 = + - @、制表符或回车开头的，前面加英文单引号 '（防止表格软件当作公式执行），其他各列同样处理",
  },
  { name: '佐证链接', description: '最近一次报送的佐证材料网址；没有为空' },
] as const;

/** The CSV rows, header first, from the same data as tasks.json. */
export function taskCsvRows(exported: TasksExport): string[][] {
  const names = (departments: { name: string }[]) => departments.map((d) => d.name).join('、');
  return [
    TASK_CSV_COLUMNS.map((c) => c.name),
    ...exported.tasks.map((t) => [
      t.id,
      t.point.unlabelled ? pointPosition({ data: { no: t.point.no } }) : (t.point.label ?? String(t.point.no)),
      t.point.title,
      t.text,
      names(t.lead),
      names(t.units),
      t.deadline.date ? t.deadline.raw : undatedWording(t.deadline),
      t.deadline.date ?? '',
      t.status.progress === null ? LIGHT_NAMES.unreported : `${t.status.progress}（${LIGHT_NAMES[t.status.light]}：${t.status.label}）`,
      t.status.reportedAt ?? '',
      t.status.completedAt ?? '',
      t.status.note ?? '',
      t.status.evidence ?? '',
    ]),
  ];
}

/** Columns of /data/<year>/progress.csv: every progress report, one a row (printed on /data/). */
export const PROGRESS_CSV_COLUMNS = [
  { name: '任务编号', description: '任务编号，与 tasks.json、tasks.csv 的编号一致' },
  { name: '要点编号', description: '任务所属要点的序号' },
  { name: '主要任务', description: '任务内容' },
  { name: '牵头部门', description: '牵头部门名称，多个部门用“、”分隔' },
  { name: '完成时限', description: '任务分解表中印的完成时限' },
  { name: '填报日期', description: '这次报送的日期 YYYY-MM-DD' },
  { name: '进展状态', description: '已完成、推进中、未启动或长期推进' },
  { name: '完成日期', description: '进展状态为“已完成”时所报的完成日期；否则为空' },
  {
    name: '进展情况',
    description: "报送的进展说明。以 = + - @、制表符或回车开头的，前面加英文单引号 '（防止表格软件当作公式执行），其他各列同样处理",
  },
  { name: '佐证链接', description: '佐证材料的网址；没有为空' },
] as const;

/**
 * /data/<year>/progress.csv: the whole 工作台账 history up to the as-of date, by task in table
 * order, oldest report first. Tasks with no report have no row (tasks.csv lists them as 未报送).
 */
export function progressCsvRows(input: ExportInput, exported: TasksExport): string[][] {
  const names = (departments: { name: string }[]) => departments.map((d) => d.name).join('、');
  return [
    PROGRESS_CSV_COLUMNS.map((c) => c.name),
    ...exported.tasks.flatMap((t) =>
      (input.progress.get(t.id) ?? []).map((u) => [
        t.id,
        String(t.point.no),
        t.text,
        names(t.lead),
        t.deadline.raw,
        u.date,
        u.status,
        u.completedAt ?? '',
        u.note,
        u.evidence ?? '',
      ]),
    ),
  ];
}

export function tasksCsv(exported: TasksExport): string {
  return toCsv(taskCsvRows(exported));
}
