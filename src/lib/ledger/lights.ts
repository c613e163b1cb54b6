/**
 * 红黄绿亮灯 (item 23): a light for each task of the 工作台账 against an as-of date.
 * - green: done by the deadline, or not yet near it (按期完成 / 未到期);
 * - yellow: not done and due within 30 days (即将到期);
 * - red: not done after the deadline, or done late (逾期未完成 / 逾期完成);
 * - grey: ongoing work (长期坚持、持续推进) or no date (a deadline the document does not state: 未注明).
 * Reports dated after the as-of date are ignored, so any past date's ledger can be reproduced.
 */
export type Light = 'green' | 'yellow' | 'red' | 'grey';
export type ProgressStatus = '未开始' | '推进中' | '已完成';

export interface ProgressUpdate {
  date: string;
  status: ProgressStatus;
  note: string;
  evidence?: string;
}

export interface LightResult {
  light: Light;
  /** What the light means, always shown beside it (never colour alone). */
  label: string;
  status: ProgressStatus;
  /** Past its deadline and not done: what 回头看 lists. */
  overdue: boolean;
  /** The latest report up to the as-of date, if any. */
  latest?: ProgressUpdate;
}

export const WARNING_DAYS = 30;
export const LIGHT_ORDER: Light[] = ['red', 'yellow', 'green', 'grey'];
export const LIGHT_NAMES: Record<Light, string> = { red: '红灯', yellow: '黄灯', green: '绿灯', grey: '灰灯' };

const DAY = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

export function computeLight(deadline: { date: string | null; kind: string }, updates: ProgressUpdate[], asOf: string): LightResult {
  const latest = updates.filter((u) => u.date <= asOf).at(-1);
  const status: ProgressStatus = latest?.status ?? '未开始';
  const result = (light: Light, label: string, overdue = false): LightResult => ({ light, label, status, overdue, ...(latest ? { latest } : {}) });
  if (!deadline.date) {
    const why = deadline.kind === 'ongoing' ? '长期任务' : '未注明完成时限';
    return result('grey', status === '已完成' ? `已完成（${why}）` : why);
  }
  if (status === '已完成') return latest!.date <= deadline.date ? result('green', '按期完成') : result('red', '逾期完成');
  const left = days(asOf, deadline.date);
  if (left < 0) return result('red', '逾期未完成', true);
  if (left <= WARNING_DAYS) return result('yellow', `即将到期（剩 ${left} 天）`);
  return result('green', '未到期');
}

/** Counts per light, in display order. */
export function countLights(lights: Light[]): Record<Light, number> {
  const counts: Record<Light, number> = { red: 0, yellow: 0, green: 0, grey: 0 };
  for (const l of lights) counts[l]++;
  return counts;
}

/** The as-of date: an explicit `YYYY-MM-DD`, else today in China Standard Time. */
export function resolveAsOf(explicit: string | undefined, now = new Date()): string {
  if (explicit) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(explicit) || Number.isNaN(Date.parse(explicit))) {
      throw new Error(`数据截至日期格式错误：“${explicit}”，应为 YYYY-MM-DD / the as-of date must be YYYY-MM-DD, got "${explicit}"`);
    }
    return explicit;
  }
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
