/**
 * Reading settings (适老化) and kiosk state. Settings are remembered in localStorage; the kiosk
 * flag lives for the browser session. Kiosk mode is set by the launcher or `npm run kiosk`, never
 * by a page: see `kioskStart`. The inline head script (`src/client/preferences.inline.js`, which
 * repeats `kioskStart` in plain JavaScript) applies both before first paint.
 */
export const TEXT_SIZES = ['standard', 'large', 'xlarge'] as const;
export const SPACINGS = ['standard', 'wide'] as const;
export const CONTRASTS = ['standard', 'high'] as const;

export interface ReadingSettings {
  textSize: (typeof TEXT_SIZES)[number];
  spacing: (typeof SPACINGS)[number];
  contrast: (typeof CONTRASTS)[number];
}

export const DEFAULT_SETTINGS: ReadingSettings = { textSize: 'standard', spacing: 'standard', contrast: 'standard' };
export const SETTINGS_KEY = 'zw-reading';
export const KIOSK_KEY = 'zw-kiosk';
/** Seconds without input before a kiosk returns home; the launcher's `?idle=N` sets it for the session. */
export const DEFAULT_IDLE_SECONDS = 120;
/** The idle times a kiosk accepts: at least 30 s (a reader is never reset mid-sentence), at most 30 min. */
export const MIN_IDLE_SECONDS = 30;
export const MAX_IDLE_SECONDS = 1800;

/** `raw` as an idle time in whole seconds within the bounds, or null (negative, NaN, tiny, huge, fractional). */
export function parseIdleSeconds(raw: unknown): number | null {
  const text = typeof raw === 'number' ? String(raw) : raw;
  if (typeof text !== 'string' || !/^\d{1,4}$/.test(text)) return null;
  const seconds = Number(text);
  return seconds >= MIN_IDLE_SECONDS && seconds <= MAX_IDLE_SECONDS ? seconds : null;
}

/** Host names of a loopback server: the kiosk server binds only these. */
const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])$/;

/** What a page load finds: its URL, its referrer, and the session's kiosk record. */
export interface KioskLoad {
  url: string;
  referrer: string;
  stored: string | null;
}

/**
 * The kiosk record a page load leaves in the session (`null`: not in kiosk mode). Only the
 * launcher's first load switches kiosk mode on: `?kiosk=1` on a loopback server (the kiosk
 * server binds nothing else), opened directly (no referrer: not a link on a page), in a session
 * not yet in kiosk mode; its `idle` is taken only within the bounds, else the default. Once on,
 * nothing in a URL turns it off or retunes it (`?kiosk=0`, another `idle`): a link in a 解读
 * cannot end a kiosk's idle reset or make it reload every few seconds. Off the kiosk server
 * (the public site) no link can trap a visitor in kiosk mode.
 */
export function kioskStart({ url, referrer, stored }: KioskLoad): string | null {
  if (stored) return stored;
  const { hostname, searchParams } = new URL(url);
  if (searchParams.get('kiosk') !== '1' || referrer || !LOOPBACK.test(hostname)) return null;
  return JSON.stringify({ idle: parseIdleSeconds(searchParams.get('idle')) ?? DEFAULT_IDLE_SECONDS });
}

/** The idle time of a stored kiosk record, within the bounds, else the default. */
export function storedIdleSeconds(stored: string | null): number {
  try {
    return parseIdleSeconds((JSON.parse(stored ?? '{}') as { idle?: unknown }).idle) ?? DEFAULT_IDLE_SECONDS;
  } catch {
    return DEFAULT_IDLE_SECONDS;
  }
}

/** Reads stored settings, dropping anything unknown (old versions, hand edits). */
export function parseSettings(raw: string | null): ReadingSettings {
  let value: Partial<Record<keyof ReadingSettings, unknown>> = {};
  try {
    value = raw ? (JSON.parse(raw) as typeof value) : {};
  } catch {
    value = {};
  }
  const pick = <T extends readonly string[]>(options: T, v: unknown, fallback: T[number]): T[number] =>
    options.includes(v as string) ? (v as T[number]) : fallback;
  return {
    textSize: pick(TEXT_SIZES, value.textSize, DEFAULT_SETTINGS.textSize),
    spacing: pick(SPACINGS, value.spacing, DEFAULT_SETTINGS.spacing),
    contrast: pick(CONTRASTS, value.contrast, DEFAULT_SETTINGS.contrast),
  };
}
