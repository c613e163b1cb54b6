/**
 * Reading settings (适老化) and kiosk state. Settings are remembered in localStorage; the kiosk
 * flag lives for the browser session (a 查阅点 terminal is switched into kiosk mode by opening
 * `/?kiosk=1`). The inline head script applies both before first paint; see headScript().
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
  const pick = <T extends readonly string[]>(options: T, v: unknown, fallback: T[number]): T[number] => (options.includes(v as string) ? (v as T[number]) : fallback);
  return {
    textSize: pick(TEXT_SIZES, value.textSize, DEFAULT_SETTINGS.textSize),
    spacing: pick(SPACINGS, value.spacing, DEFAULT_SETTINGS.spacing),
    contrast: pick(CONTRASTS, value.contrast, DEFAULT_SETTINGS.contrast),
  };
}

/**
 * The inline script in every page's `<head>`: it must run before the first paint so large text
 * and high contrast never flash in at the wrong size. It stays tiny and dependency-free because it
 * is inlined (and hashed into the Content-Security-Policy).
 */
export function headScript(): string {
  // One statement a line; the page carries them joined, as written.
  const body = [
    `var d=document.documentElement,q=new URLSearchParams(location.search),k=q.get('kiosk');`,
    `if(k==='1'){sessionStorage.setItem('${KIOSK_KEY}',JSON.stringify({idle:Number(q.get('idle'))||${DEFAULT_IDLE_SECONDS}}))}`,
    `else if(k==='0'){sessionStorage.removeItem('${KIOSK_KEY}')}`,
    `var kiosk=sessionStorage.getItem('${KIOSK_KEY}');`,
    `var s={};try{s=JSON.parse(localStorage.getItem('${SETTINGS_KEY}')||'{}')||{}}catch(e){}`,
    `if(kiosk){d.setAttribute('data-kiosk','');if(!s.textSize)s.textSize='large'}`,
    `if(s.textSize&&s.textSize!=='standard')d.setAttribute('data-text-size',s.textSize);`,
    `if(s.spacing==='wide')d.setAttribute('data-spacing','wide');`,
    `if(s.contrast==='high')d.setAttribute('data-contrast','high');`,
    `d.setAttribute('data-js','')`,
  ];
  return `(function(){try{${body.join('')}}catch(e){}})();`;
}
