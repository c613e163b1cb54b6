import { contentText } from '../../../src/lib/text/normalize.ts';

/** One place where the table's wording differs from the point's text. */
export interface WordingFragment {
  /** Text in the point (printed form), '' when the table adds words. */
  point: string;
  /** Text in the table (printed form), '' when the table leaves words out. */
  table: string;
  /** A few content characters of shared context on each side. */
  before: string;
  after: string;
}

const CONTEXT = 3;
/** Differences separated by fewer equal characters than this are shown as one fragment. */
const MERGE_GAP = 2;

type Op = { kind: 'eq' | 'sub' | 'ins' | 'del'; q: number; p: number };

/** Alignment costs: a shared character earns a reward, so that among equally cheap edit scripts
 * the one keeping more of the sentence wins (e.g. 年度工作报告 vs 年度报告 is "工作 left out",
 * not "报告 added"); a substitution costs as much as a deletion plus an insertion. */
const MATCH = -1;
const MISMATCH = 2;
const GAP = 1;

/**
 * Semi-global alignment (the point text may start and end anywhere) of a sentence `q` against
 * the point text `p`, both as content characters. Returns the edit script.
 */
function align(q: string[], p: string[]): Op[] {
  const m = q.length;
  const n = p.length;
  const w = n + 1;
  const d = new Int32Array((m + 1) * w);
  for (let i = 1; i <= m; i++) d[i * w] = i * GAP;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const diag = (d[(i - 1) * w + j - 1] ?? 0) + (q[i - 1] === p[j - 1] ? MATCH : MISMATCH);
      const up = (d[(i - 1) * w + j] ?? 0) + GAP;
      const left = (d[i * w + j - 1] ?? 0) + GAP;
      d[i * w + j] = Math.min(diag, up, left);
    }
  }
  let j = 0;
  for (let k = 1; k <= n; k++) if ((d[m * w + k] ?? 0) < (d[m * w + j] ?? 0)) j = k;
  const ops: Op[] = [];
  let i = m;
  while (i > 0) {
    const here = d[i * w + j] ?? 0;
    if (j > 0 && q[i - 1] === p[j - 1] && here === (d[(i - 1) * w + j - 1] ?? 0) + MATCH) {
      ops.push({ kind: 'eq', q: i - 1, p: j - 1 });
      i--;
      j--;
    } else if (j > 0 && q[i - 1] !== p[j - 1] && here === (d[(i - 1) * w + j - 1] ?? 0) + MISMATCH) {
      ops.push({ kind: 'sub', q: i - 1, p: j - 1 });
      i--;
      j--;
    } else if (here === (d[(i - 1) * w + j] ?? 0) + GAP) {
      ops.push({ kind: 'ins', q: i - 1, p: j });
      i--;
    } else {
      ops.push({ kind: 'del', q: i, p: j - 1 });
      j--;
    }
  }
  return ops.reverse();
}

/** Sentences of a task text (kept with their end punctuation), aligned one by one because the
 * table sometimes reorders a point's sentences. */
function sentences(text: string): string[] {
  return text.split(/(?<=[。！？；])/u).filter((s) => s.trim() !== '');
}

/**
 * Compares a task's wording with its point's text and returns the differing fragments; [] when
 * every sentence of the task appears verbatim (punctuation, spaces and width aside) in the point.
 */
export function wordingDiff(taskText: string, pointText: string): WordingFragment[] {
  const point = contentText(pointText);
  const pointString = point.chars.join('');
  const out: WordingFragment[] = [];
  for (const sentence of sentences(taskText)) {
    const task = contentText(sentence);
    if (task.chars.length === 0 || pointString.includes(task.chars.join(''))) continue;
    const ops = align(task.chars, point.chars);
    // Group non-equal operations, merging groups separated by fewer than MERGE_GAP equal ones.
    const groups: { from: number; to: number }[] = [];
    ops.forEach((op, k) => {
      if (op.kind === 'eq') return;
      const last = groups[groups.length - 1];
      if (last && k - last.to <= MERGE_GAP) last.to = k;
      else groups.push({ from: k, to: k });
    });
    for (const g of groups) {
      const span = ops.slice(g.from, g.to + 1);
      const pIdx = span.filter((o) => o.kind !== 'ins').map((o) => o.p);
      const qIdx = span.filter((o) => o.kind !== 'del').map((o) => o.q);
      const slice = (text: string, map: number[], idx: number[]) => {
        const a = idx[0];
        const b = idx[idx.length - 1];
        if (a === undefined || b === undefined) return '';
        const start = map[a] ?? 0;
        const end = (map[b] ?? start) + [...text.slice(map[b] ?? start)][0]!.length;
        return text.slice(start, end);
      };
      const firstOp = span[0]!;
      const lastOp = span[span.length - 1]!;
      const pStart = firstOp.p;
      const pEnd = lastOp.kind === 'ins' ? lastOp.p : lastOp.p + 1;
      out.push({
        point: slice(pointText, point.map, pIdx),
        table: slice(sentence, task.map, qIdx),
        before: point.chars.slice(Math.max(0, pStart - CONTEXT), pStart).join(''),
        after: point.chars.slice(pEnd, pEnd + CONTEXT).join(''),
      });
    }
  }
  return out;
}

/** `…前文【要点 X → 表格 Y】后文…`, with ∅ for an empty side. */
export function formatFragment(f: WordingFragment): string {
  return `…${f.before}【要点 ${f.point || '∅'} → 表格 ${f.table || '∅'}】${f.after}…`;
}
