/**
 * Reading settings (适老化) and kiosk state. Settings are remembered in localStorage; the kiosk
 * flag lives for the browser session. Kiosk mode is set by the launcher or `npm run kiosk`, never
 * by a page: see `kioskStart`. The inline head script (`src/client/preferences.inline.js`, which
 * repeats `kioskStart` in plain JavaScript) applies both before first paint.
 */
/**
 * Every reading setting and its values, the first being the default. Each one is shown on
 * `<html>` as `data-<kebab-case name>` unless it is at its default (`standard` or `off`), which the
 * head script repeats; CSS and the deferred scripts read those attributes. The tools (特大鼠标,
 * 辅助线, 语音阅读 and its 语速) are off by default like the display settings.
 */
export const SETTING_OPTIONS = {
  textSize: ['standard', 'large', 'xlarge'],
  spacing: ['standard', 'wide'],
  contrast: ['standard', 'high'],
  pointer: ['standard', 'large'],
  guide: ['off', 'line', 'cross'],
  speech: ['off', 'page', 'point'],
  rate: ['standard', 'slow', 'fast'],
} as const;

export type SettingName = keyof typeof SETTING_OPTIONS;
export type ReadingSettings = { [K in SettingName]: (typeof SETTING_OPTIONS)[K][number] };

export const TEXT_SIZES = SETTING_OPTIONS.textSize;
export const SPACINGS = SETTING_OPTIONS.spacing;
export const CONTRASTS = SETTING_OPTIONS.contrast;
export const SETTING_NAMES = Object.keys(SETTING_OPTIONS) as SettingName[];

export const DEFAULT_SETTINGS = Object.fromEntries(SETTING_NAMES.map((name) => [name, SETTING_OPTIONS[name][0]])) as ReadingSettings;

/** The `<html>` attribute that shows a setting: `textSize` → `data-text-size`. */
export function settingAttribute(name: SettingName): string {
  return `data-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** The attribute values a setting puts on `<html>`: its name and value, or null at its default. */
export function settingAttributes(settings: ReadingSettings): [string, string | null][] {
  return SETTING_NAMES.map((name) => [settingAttribute(name), settings[name] === DEFAULT_SETTINGS[name] ? null : settings[name]]);
}

/** The settings `<html>` shows (the head script applied the stored ones, and kiosk mode's large text). */
export function settingsFromAttributes(read: (attribute: string) => string | null): ReadingSettings {
  return parseValues(Object.fromEntries(SETTING_NAMES.map((name) => [name, read(settingAttribute(name))])));
}

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
  let value: unknown;
  try {
    value = raw ? JSON.parse(raw) : {};
  } catch {
    value = {};
  }
  return parseValues(value && typeof value === 'object' ? (value as Record<string, unknown>) : {});
}

/** Each known setting's value when it is one of its options, else its default. */
function parseValues(value: Record<string, unknown>): ReadingSettings {
  const pick = (name: SettingName) => {
    const options: readonly string[] = SETTING_OPTIONS[name];
    return options.includes(value[name] as string) ? value[name] : DEFAULT_SETTINGS[name];
  };
  return Object.fromEntries(SETTING_NAMES.map((name) => [name, pick(name)])) as ReadingSettings;
}
