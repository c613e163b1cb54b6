/**
 * A synthetic 政务公开 archive, deterministic from a seed, written directly in the formats of
 * `src/content/` (the shapes the importer writes and editors add): one document per year, its
 * points (2–4 KB of text each, in four sections), 1–3 tasks per point, and for every point and
 * document a 文字解读 (MDX) and a generated 图解 that pass `npm run check`.
 *
 * The importer is not used: its task-to-point matching is tuned for documents of a few dozen
 * points, and the benchmark is about the site build, not the import.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { quoted, yaml } from '../lib/import/serialize.ts';
import { pointId, taskId } from '../../src/lib/content/ids.ts';
import { createRng, type Rng } from './prng.ts';
import type { Vocabulary } from './vocabulary.ts';

export interface SyntheticPoint {
  year: number;
  no: number;
  title: string;
  body: string[];
}

export interface SyntheticArchive {
  /** Project-relative path (`src/content/points/2021/01.yaml`) → file text. */
  files: Map<string, string>;
  points: SyntheticPoint[];
  years: number[];
}

export interface ArchiveOptions {
  /** Number of points (point pages) in the whole archive. */
  points: number;
  seed: number;
  /** The project, for the real departments and the 2021 document used as a template. */
  root: string;
  vocabulary: Vocabulary;
}

interface Department {
  slug: string;
  name: string;
  kind: string;
}

const LAST_YEAR = 2025;
const DEADLINES = ['6月底', '9月底', '11月底', '12月底', '12月底', '持续推进'] as const;
/** Own prose per 解读, above the check's minimum of 400 characters. */
const MIN_OWN_PROSE = 520;
const LATE_JIEDU = '本解读由本站在原文发布后编写，帮助公众理解政策，不是发文机关的官方解读。';
const LATE_TUJIE = '本图解由本站在原文发布后根据要点和任务分解表生成，不是发文机关的官方图解。';

const two = (n: number): string => String(n).padStart(2, '0');
const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

function lastDay(year: number, month: number): string {
  return `${year}-${two(month)}-${two(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/** Years and how many points each year's document has: 5 years up to 500 points, else 10. */
export function yearPlan(points: number): { year: number; count: number }[] {
  const years = points <= 500 ? 5 : 10;
  return Array.from({ length: years }, (_, i) => ({
    year: LAST_YEAR - years + 1 + i,
    count: Math.floor(points / years) + (i < points % years ? 1 : 0),
  })).filter((y) => y.count > 0);
}

function readDepartments(root: string): { departments: Department[]; files: Map<string, string> } {
  const dir = join(root, 'src/content/departments');
  const files = new Map<string, string>();
  const departments: Department[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const text = readFileSync(join(dir, name), 'utf8');
    const data = parse(text) as { name: string; kind: string };
    files.set(`src/content/departments/${name}`, text);
    departments.push({ slug: name.slice(0, -'.yaml'.length), name: data.name, kind: data.kind });
  }
  return { departments, files };
}

/** Replaces the template's year in every string of a parsed YAML value. */
function withYear(value: unknown, year: number): unknown {
  if (typeof value === 'string') return value.replaceAll('2021', String(year));
  if (Array.isArray(value)) return value.map((v) => withYear(v, year));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withYear(v, year)]));
  return value;
}

class Writer {
  readonly rng: Rng;
  readonly vocabulary: Vocabulary;
  constructor(rng: Rng, vocabulary: Vocabulary) {
    this.rng = rng;
    this.vocabulary = vocabulary;
  }

  /** A sentence of 2–4 clauses; `used` collects the clauses, for quoting them later. */
  sentence(clauses: string[], used?: string[]): string {
    const parts = Array.from({ length: this.rng.int(2, 4) }, () => this.rng.pick(clauses));
    used?.push(...parts);
    return `${parts.join('，')}。`;
  }

  paragraph(clauses: string[], sentences: number, used?: string[]): string {
    return Array.from({ length: sentences }, () => this.sentence(clauses, used)).join('');
  }

  /** Paragraphs of published text until the body reaches `targetBytes` (UTF-8). */
  pointBody(targetBytes: number, used: string[]): string[] {
    const paragraphs: string[] = [];
    let size = 0;
    while (size < targetBytes) {
      const p = this.paragraph(this.vocabulary.pointClauses, this.rng.int(3, 6), used);
      paragraphs.push(p);
      size += bytes(p);
    }
    return paragraphs;
  }

  prose(sentences: number): string {
    return this.paragraph(this.vocabulary.jieduClauses, sentences);
  }
}

interface PolicyDates {
  policyPublishedAt: string;
  /** Same day as the policy (三同步), or later with a lateReason. */
  publishedAt: string;
  late: boolean;
}

function interpretationDates(rng: Rng, policyPublishedAt: string, year: number): PolicyDates {
  if (rng.next() < 0.7) return { policyPublishedAt, publishedAt: policyPublishedAt, late: false };
  return { policyPublishedAt, publishedAt: `${year}-${two(rng.int(9, 12))}-${two(rng.int(1, 28))}`, late: true };
}

function jieduFile(
  w: Writer,
  input: {
    title: string;
    interprets: Record<string, string>;
    dates: PolicyDates;
    quote: string | null;
    who: string;
    tasksOf: string | null;
    format: 'md' | 'mdx';
  },
): string {
  const mdx = input.format === 'mdx';
  const { rng } = w;
  const front = yaml({
    title: input.title,
    interprets: input.interprets,
    summary: w.sentence(w.vocabulary.jieduClauses.filter((c) => [...c].length <= 30)).slice(0, 100),
    publishedAt: quoted(input.dates.publishedAt),
    ...(input.dates.late ? { lateReason: LATE_JIEDU } : {}),
    origin: 'editorial',
    disclosure: '主动公开',
  });
  const measures = Array.from({ length: rng.int(2, 3) }, () => [
    `### ${rng.pick(w.vocabulary.jieduClauses.filter((c) => [...c].length <= 14))}`,
    w.prose(rng.int(2, 4)),
  ]);
  const background = [w.prose(rng.int(3, 5)), w.prose(rng.int(2, 4))];
  const own = (text: string): number => [...text.replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, '')].length;
  const measured = (): number => own([...background, ...measures.flat().filter((m) => !m.startsWith('#')), input.who].join(''));
  // The check wants 400 characters of own prose (MIN_PROSE); keep a margin rather than rely on chance.
  while (measured() < MIN_OWN_PROSE) background.push(w.prose(rng.int(2, 3)));
  const body = [
    '## 政策背景',
    ...background,
    '## 出台目的',
    w.prose(rng.int(2, 4)),
    ...(input.quote && mdx ? [`<Quote>${input.quote}</Quote>`] : []),
    '## 重要举措',
    ...measures.flat(),
    '## 谁来做、何时完成',
    `${input.who}${w.prose(rng.int(1, 2))}`,
    ...(rng.next() < 0.3 ? [mdx ? `<Note>${w.prose(1)}</Note>` : w.prose(1)] : []),
    ...(input.tasksOf && mdx ? [`<Tasks point="${input.tasksOf}" />`] : []),
  ];
  return `---\n${front}---\n\n${body.join('\n\n')}\n`;
}

function tujieFile(w: Writer, input: { title: string; interprets: Record<string, string>; dates: PolicyDates }): string {
  const head = yaml({
    interprets: input.interprets,
    title: input.title,
    publishedAt: quoted(input.dates.publishedAt),
    ...(input.dates.late ? { lateReason: LATE_TUJIE } : {}),
    origin: 'editorial',
    disclosure: '主动公开',
    kind: 'generated',
    measures: w.rng.sample(w.vocabulary.shortClauses, w.rng.int(3, 5)),
  });
  return head;
}

/** The whole archive as files, plus the point texts for the bare-Astro baseline. */
export function generateArchive(options: ArchiveOptions): SyntheticArchive {
  const rng = createRng(options.seed);
  const w = new Writer(rng, options.vocabulary);
  const { departments, files: departmentFiles } = readDepartments(options.root);
  const municipal = departments.filter((d) => d.kind === 'municipal');
  const shared = departments.filter((d) => d.kind !== 'municipal');
  const template = parse(readFileSync(join(options.root, 'src/content/documents/2021.yaml'), 'utf8')) as Record<string, unknown>;
  const files = new Map<string, string>(departmentFiles);
  const points: SyntheticPoint[] = [];
  const plan = yearPlan(options.points);

  const newest = Math.max(...plan.map((p) => p.year));
  for (const { year, count } of plan) {
    // Editors write the current year's 解读 in MDX; the earlier years are an imported archive in Markdown.
    const format = year === newest ? 'mdx' : 'md';
    const month = rng.int(3, 7);
    const day = rng.int(1, 28);
    const publishedAt = `${year}-${two(month)}-${two(day)}`;
    const doc = withYear(template, year) as Record<string, unknown> & {
      title: string;
      notice: { signature: string[] };
      sections: unknown[];
    };
    doc.notice.signature = [doc.notice.signature[0] ?? '沈阳市政务公开领导小组', `${year}年${month}月${day}日`];
    files.set(
      `src/content/documents/${year}.yaml`,
      yaml({ ...doc, year, signedAt: quoted(publishedAt), publishedAt: quoted(publishedAt), source: `seeds/synthetic-${year}.md` }),
    );
    const sections = doc.sections.length;
    let line = 20;
    let taskLine = 40 + count * 3;

    for (let no = 1; no <= count; no++) {
      const id = pointId(String(year), no);
      const title = rng.pick(options.vocabulary.shortClauses);
      const used: string[] = [];
      const body = w.pointBody(rng.int(2048, 4096), used);
      points.push({ year, no, title, body });
      files.set(
        `src/content/points/${id}.yaml`,
        yaml({
          document: String(year),
          section: 1 + Math.floor(((no - 1) * sections) / count),
          no,
          title,
          titleBold: false,
          body,
          source: { file: `seeds/synthetic-${year}.md`, startLine: line, endLine: line + body.length - 1 },
        }),
      );
      line += body.length + 1;

      const sentences = body.join('').split('。').filter(Boolean);
      const taskCount = rng.int(1, 3);
      let who = '';
      for (let seq = 1; seq <= taskCount; seq++) {
        const lead = rng.sample(municipal, rng.int(1, 2));
        const units = rng.sample(shared, rng.int(1, 2));
        const raw = rng.pick(DEADLINES);
        const ongoing = raw === '持续推进';
        if (seq === 1)
          who = `这项工作由${lead.map((d) => d.name).join('、')}牵头，${units.map((d) => d.name).join('、')}负责落实，${ongoing ? '需要长期坚持' : `要求在 ${year} 年${raw}前完成`}。`;
        files.set(
          `src/content/tasks/${taskId(String(year), no, seq)}.yaml`,
          yaml({
            document: String(year),
            point: id,
            seq,
            text: `${rng.pick(sentences)}。`,
            lead: lead.map((d) => d.slug),
            units: units.map((d) => d.slug),
            leadRaw: lead.map((d) => d.name).join(' '),
            unitsRaw: units.map((d) => d.name).join(' '),
            deadline: {
              raw,
              date: ongoing ? null : quoted(lastDay(year, Number.parseInt(raw, 10))),
              kind: ongoing ? 'ongoing' : 'date',
              inherited: false,
            },
            inherited: { lead: false, units: false },
            printedLabel: { no, title },
            sourceLine: taskLine++,
            match: { score: Math.round((0.85 + rng.next() * 0.15) * 1000) / 1000 },
          }),
        );
      }

      const quote = rng.next() < 0.6 ? rng.pick(used.filter((c) => [...c].length <= 30)) : null;
      files.set(
        `src/content/jiedu/${id}.${format}`,
        jieduFile(w, {
          title: `《${doc.title}》第${no}项“${title}”解读`,
          interprets: { point: id },
          dates: interpretationDates(rng, publishedAt, year),
          quote,
          who,
          tasksOf: id,
          format,
        }),
      );
      files.set(
        `src/content/tujie/${id}.yaml`,
        tujieFile(w, { title: `图解：${title}`, interprets: { point: id }, dates: interpretationDates(rng, publishedAt, year) }),
      );
    }

    files.set(
      `src/content/jiedu/${year}/quanwen.${format}`,
      jieduFile(w, {
        title: `《${doc.title}》解读`,
        interprets: { document: String(year) },
        dates: interpretationDates(rng, publishedAt, year),
        quote: null,
        who: `文件附有任务分解表，把 ${count} 项要点拆成具体任务，写明牵头部门、责任单位和完成时限。`,
        tasksOf: null,
        format,
      }),
    );
    files.set(
      `src/content/tujie/${year}/quanwen.yaml`,
      tujieFile(w, {
        title: `图解：${doc.title}`,
        interprets: { document: String(year) },
        dates: interpretationDates(rng, publishedAt, year),
      }),
    );
  }
  return { files, points, years: plan.map((p) => p.year) };
}
