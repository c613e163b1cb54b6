/**
 * Reading settings (适老化) and kiosk state. Settings are remembered in localStorage; the kiosk
 * flag lives for the browser session (a 查阅点 terminal is switched into kiosk mode by opening
 * `/?kiosk=1`). The inline head script (`src/client/preferences.inline.js`) applies both before first paint.
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
/** Seconds without input before a kiosk returns home; `?idle=N` overrides it for the session. */
export const DEFAULT_IDLE_SECONDS = 120;

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
