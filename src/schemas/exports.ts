/**
 * Shapes of the open-data files (/data/<year>/points.json, /data/<year>/tasks.json), defined once:
 * the builders' output is parsed with these, and their JSON Schema (draft 2020-12) is generated
 * from them with `z.toJSONSchema`. The descriptions are the field documentation shown on /data/.
 */
import { z } from 'astro/zod';
import { PROGRESS_STATUSES } from './progress.ts';

const isoDate = () => z.iso.date().describe('日期，YYYY-MM-DD');
const url = (description: string) => z.url().describe(description);

const licenceFields = {
  $schema: url('本文件所遵循的 JSON Schema 的网址'),
  licence: z.string().describe('使用说明：可自由下载使用，请注明来源'),
  publisher: z.strictObject({ name: z.string().describe('网站名称'), url: url('网站网址') }).describe('数据来源（发布网站）'),
};

/** A 部分 or 小部分 heading as printed; `numeral` is null for a group printed without one. */
const headingExport = (kind: string, numeral: string, heading: string) =>
  z.strictObject({
    no: z.int().positive().describe(`${kind}序号（全文连续编号）`),
    numeral: z
      .string()
      .nullable()
      .describe(`${kind}的中文序号，如 ${numeral}；文件没有印序号的${kind}（如任务分解表中合并单元格的分组）为 null`),
    title: z.string().describe(`${kind}标题`),
    heading: z.string().describe(`${kind}标题（含序号），如 ${heading}；没有印序号时与 title 相同`),
  });

const unlabelled = z
  .boolean()
  .describe('true：文件中这项要点没有印编号（如任务分解表中不编号的行），label 为 null，序号 no 只表示位置（第几项）');

const department = z
  .strictObject({
    id: z.string().describe('部门编号（网站内固定，部门页为 /bumen/<编号>/）'),
    name: z.string().describe('部门名称'),
    government: z.string().nullable().describe('部门所属的政府（如 福建省），不是本站所属政府的部门时注明；否则为 null'),
  })
  .describe('部门');

export const documentExportSchema = z
  .strictObject({
    id: z.string().describe('文件编号（网站内固定，如 2021、2022-fujian；原文页为 /yaodian/<编号>/）'),
    year: z.int().describe('年度'),
    title: z.string().describe('文件标题'),
    issuer: z.string().describe('发文机关'),
    docNumber: z.string().nullable().describe('发文字号；文件未注明时为 null'),
    signedAt: isoDate().nullable().describe('成文日期，YYYY-MM-DD；文件未注明时为 null'),
    publishedAt: isoDate().describe('发布日期，YYYY-MM-DD'),
    publishedAtFrom: z
      .enum(['document', 'meta', 'text'])
      .describe('发布日期的来源：document 文件本身；meta 发布网页的元数据；text 发布网页的正文（后两种情况下文件未注明成文日期）'),
    archive: z.boolean().describe('true：本站建立之前发布、作为往期资料收录的文件，没有文字解读和图解'),
    disclosure: z.literal('主动公开').describe('公开属性；导出文件只含主动公开的内容'),
    category: z.string().describe('主题分类'),
    indexNo: z.string().nullable().describe('索引号；未编号时为 null'),
    url: url('原文页网址'),
    jieduUrl: url('文字解读页网址').nullable().describe('文字解读页网址；没有时为 null'),
    tujieUrl: url('图解页网址').nullable().describe('图解页网址；没有时为 null'),
  })
  .describe('文件元数据');

export const pointExportSchema = z
  .strictObject({
    id: z.string().describe('要点编号（网站内固定），如 2021/01'),
    no: z.int().positive().describe('要点序号（全文连续编号，决定网址）'),
    label: z
      .string()
      .nullable()
      .describe('文件中印的要点编号，如（三）；文件按全文连续编号（如 18.）或没有印编号（见 unlabelled）时为 null'),
    unlabelled,
    section: headingExport('部分', '一', '一、加强政务公开标准化规范化建设，夯实一流基础').describe('所属部分'),
    subsection: headingExport('小部分', '（一）', '（一）推进决策公开').nullable().describe('所属小部分；文件不分小部分时为 null'),
    title: z.string().describe('要点标题'),
    body: z.array(z.string()).min(1).describe('要点正文，按段落，与原文一致'),
    url: url('要点原文页网址'),
    jieduUrl: url('文字解读页网址').nullable().describe('文字解读页网址；没有时为 null'),
    tujieUrl: url('图解页网址').nullable().describe('图解页网址；没有时为 null'),
  })
  .describe('一项要点');

export const pointsExportSchema = z
  .strictObject({
    ...licenceFields,
    document: documentExportSchema,
    points: z.array(pointExportSchema).describe('全部要点，按序号排列'),
  })
  .describe('工作要点全文（结构化）');
export type PointsExport = z.infer<typeof pointsExportSchema>;

export const taskExportSchema = z
  .strictObject({
    id: z.string().describe('任务编号（网站内固定），如 2021/01-1，与 CSV 的“编号”一致'),
    point: z
      .strictObject({
        id: z.string().describe('要点编号，如 2021/01'),
        no: z.int().positive().describe('要点序号'),
        label: z.string().nullable().describe('文件中印的要点编号，如（三）；没有时为 null'),
        unlabelled,
        title: z.string().describe('要点标题'),
      })
      .describe('任务所属的要点'),
    seq: z.int().positive().describe('在本要点任务中的顺序'),
    text: z.string().describe('主要任务，与任务分解表一致'),
    lead: z.array(department).describe('牵头部门'),
    units: z.array(department).describe('责任单位'),
    deadline: z
      .strictObject({
        raw: z.string().describe('文件中印的完成时限，如 9月底；未注明时为空字符串'),
        date: isoDate().nullable().describe('换算出的完成日期 YYYY-MM-DD；长期坚持、持续推进和未注明的为 null'),
        kind: z
          .enum(['date', 'ongoing', 'unspecified'])
          .describe('date：有完成日期；ongoing：长期或持续推进；unspecified：文件未注明完成时限'),
        inText: z.boolean().describe('true：完成时限写在任务原文中（raw 为原文中的说法），而不在单独的时限栏'),
      })
      .describe('完成时限'),
    printedLabel: z
      .strictObject({
        no: z.int().positive().describe('表中印的要点序号'),
        title: z.string().describe('表中印的要点标题'),
      })
      .nullable()
      .describe('任务分解表在这一行旁印的要点（个别行与任务实际所属要点不一致，见导入报告）；任务不是来自任务分解表时为 null'),
    sourceLine: z.int().positive().describe('任务在原始文件（document.sourceFile）中的行号'),
    url: url('列出该任务的要点原文页网址'),
    status: z
      .strictObject({
        progress: z.enum(PROGRESS_STATUSES).nullable().describe('截至 asOf 最近一次报送的进展状态；未报送为 null'),
        light: z
          .enum(['red', 'yellow', 'green', 'grey', 'unreported'])
          .describe(
            '亮灯状态：red 红灯、yellow 黄灯、green 绿灯（只在有进展报送时）；grey 不亮灯（已报送，但长期推进或未注明完成时限）；unreported 未报送（没有进展数据，不亮灯）',
          ),
        label: z.string().describe('状态含义，如 逾期未完成、即将到期（剩 12 天）、按期完成、长期任务、无进展数据'),
        reportedAt: isoDate().nullable().describe('最近一次进展报送日期（填报日期）；未报送为 null'),
        completedAt: isoDate().nullable().describe('最近一次报送中的完成日期（只在“已完成”时有）；否则为 null'),
        note: z
          .string()
          .nullable()
          .describe(
            '最近一次报送的进展情况，与报送的文字一致；未报送为 null。（tasks.csv 中以 = + - @、制表符或回车开头的单元格前加英文单引号，JSON 中不加）',
          ),
        evidence: url('最近一次报送的佐证材料网址').nullable().describe('最近一次报送的佐证材料网址；没有为 null'),
        asOf: isoDate().describe('数据截至日期'),
      })
      .describe('工作台账状态'),
  })
  .describe('一项任务');

export const tasksExportSchema = z
  .strictObject({
    ...licenceFields,
    document: z
      .strictObject({
        id: z.string().describe('文件编号（网站内固定）'),
        year: z.int().describe('年度'),
        title: z.string().describe('文件标题'),
        docNumber: z.string().nullable().describe('发文字号；文件未注明时为 null'),
        disclosure: z.literal('主动公开').describe('公开属性；导出文件只含主动公开的内容'),
        sourceFile: z.string().describe('导入时的原始文件（项目仓库中的路径）'),
        url: url('原文页网址'),
        ledgerUrl: url('任务分解表页网址'),
      })
      .describe('任务所属的文件'),
    tasks: z.array(taskExportSchema).describe('全部任务，按要点序号和顺序排列'),
  })
  .describe('任务分解表（结构化）');
export type TasksExport = z.infer<typeof tasksExportSchema>;

export const exportSchemas = { points: pointsExportSchema, tasks: tasksExportSchema } as const;
