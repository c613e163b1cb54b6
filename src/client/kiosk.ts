/**
 * 查阅点 kiosk mode (item 16), on when the head script set `data-kiosk` (opened as `/?kiosk=1`).
 * After the configured idle time (default 120 s, `?idle=N` when starting) it clears the reader's
 * settings and search and returns home, so the next visitor starts fresh. External links never
 * navigate away: their QR code is shown instead, to open on one's own phone.
 */
import { DEFAULT_IDLE_SECONDS, KIOSK_KEY, SETTINGS_KEY } from '../lib/kiosk/preferences.ts';

const html = document.documentElement;
if (html.hasAttribute('data-kiosk')) {
  let idle = DEFAULT_IDLE_SECONDS;
  try {
    idle = Number(JSON.parse(sessionStorage.getItem(KIOSK_KEY) ?? '{}').idle) || DEFAULT_IDLE_SECONDS;
  } catch {
    /* keep the default */
  }
  let timer = 0;
  const reset = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      localStorage.removeItem(SETTINGS_KEY);
      for (const key of Object.keys(sessionStorage)) if (key !== KIOSK_KEY) sessionStorage.removeItem(key);
      const home = new URL('/', location.href).href;
      if (location.href === home) location.reload();
      else location.assign(home);
    }, idle * 1000);
  };
  for (const event of ['pointerdown', 'keydown', 'touchstart', 'wheel', 'input'])
    document.addEventListener(event, reset, { passive: true });
  reset();

  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
    if (link && new URL(link.href, location.href).origin !== location.origin) event.preventDefault();
  });
}
