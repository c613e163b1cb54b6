/**
 * 红黄绿亮灯 (item 23): the state of each task of the 工作台账 against an as-of date, computed from
 * the latest progress report dated on or before it. Only a report can light a task:
 * - unreported (未报送): no report yet. The ledger knows nothing about the work, so it shows no
 *   light and claims nothing (not even “overdue”); it only says that no report was received;
 * - green: done by the deadline (its 完成日期), or not done and not yet near it (按期完成 / 未到期);
 * - yellow: not done and due within 30 days (即将到期);
 * - red: not done after the deadline, or done late (逾期未完成 / 逾期完成);
 * - grey (不亮灯): reported, but there is no date to measure it against: ongoing work (长期坚持、
 *   持续推进) or a deadline the table does not state (未注明).
 * Reports dated after the as-of date are ignored, so any past date's ledger can be reproduced.
 */
export type Light = 'red' | 'yellow' | 'green' | 'grey' | 'unreported';
export type ProgressStatus = '已完成' | '推进中' | '未启动' | '长期推进';

export interface ProgressUpdate {
  /** 填报日期. */
  date: string;
  status: ProgressStatus;
  /** 完成日期 (with 已完成); the report date stands in when an entry has none. */
  completedAt?: string;
  note: string;
  evidence?: string;
}

export interface LightResult {
  light: Light;
  /** What the state means, always shown beside it (never colour alone). */
  label: string;
  /** The reported progress; null when nothing was reported. */
  status: ProgressStatus | null;
  /** Reported as not done, and past its deadline: what 回头看 lists. */
  overdue: boolean;
  /** Past its deadline with no report at all (回头看 lists these apart: nothing is known of them). */
  unreportedPastDeadline: boolean;
  /** The latest report up to the as-of date, if any. */
  latest?: ProgressUpdate;
}

export const WARNING_DAYS = 30;
export const LIGHT_ORDER: Light[] = ['red', 'yellow', 'green', 'grey', 'unreported'];
export const LIGHT_NAMES: Record<Light, string> = { red: '红灯', yellow: '黄灯', green: '绿灯', grey: '不亮灯', unreported: '未报送' };
/** What each state means, in the words the ledger page prints. */
export const LIGHT_MEANINGS: Record<Light, string> = {
  red: '已报送进展，逾期未完成或逾期完成',
  yellow: '已报送进展，尚未完成且 30 天内到期',
  green: '已报送进展，按期完成或尚未到期',
  grey: '已报送进展，但任务长期推进或未注明完成时限，无从亮灯',
  unreported: '牵头部门尚未报送进展，不亮灯，也不作是否逾期的判断',
};

const DAY = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

export function computeLight(
  deadline: { date: string | null; kind: string; raw?: string },
  updates: ProgressUpdate[],
  asOf: string,
): LightResult {
  const latest = updates.filter((u) => u.date <= asOf).at(-1);
  if (!latest) {
    return {
      light: 'unreported',
      label: '无进展数据',
      status: null,
      overdue: false,
      unreportedPastDeadline: deadline.date !== null && days(asOf, deadline.date) < 0,
    };
  }
  const status = latest.status;
  const result = (light: Light, label: string, overdue = false): LightResult => ({
    light,
    label,
    status,
    overdue,
    unreportedPastDeadline: false,
    latest,
  });
  if (!deadline.date) {
    const why = deadline.kind === 'ongoing' ? '长期任务' : (deadline.raw ?? '').trim() !== '' ? '完成时限未写明日期' : '未注明完成时限';
    return result('grey', status === '已完成' ? `已完成（${why}）` : why);
  }
  if (status === '已完成')
    return (latest.completedAt ?? latest.date) <= deadline.date ? result('green', '按期完成') : result('red', '逾期完成');
  const left = days(asOf, deadline.date);
  if (left < 0) return result('red', '逾期未完成', true);
  if (left <= WARNING_DAYS) return result('yellow', `即将到期（剩 ${left} 天）`);
  return result('green', '未到期');
}

/** Counts per state, in display order. */
export function countLights(lights: Light[]): Record<Light, number> {
  const counts: Record<Light, number> = { red: 0, yellow: 0, green: 0, grey: 0, unreported: 0 };
  for (const l of lights) counts[l]++;
  return counts;
}

/** “红灯 0 项，…，未报送 58 项”: every count, in display order. */
export function describeCounts(counts: Record<Light, number>): string {
  return LIGHT_ORDER.map((l) => `${LIGHT_NAMES[l]} ${counts[l]} 项`).join('，');
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
