/**
 * 查阅点 kiosk mode (item 16), on when the head script set `data-kiosk` (the launcher opened
 * `/?kiosk=1`, see `kioskStart`). After the configured idle time (default 120 s, the launcher's
 * `idle` within 30 s–30 min) it clears the reader's settings (特大鼠标, 辅助线 and 语音阅读
 * included) and search, stops any reading aloud and returns home, so the next visitor starts
 * fresh. Reading aloud counts as use: the idle time runs from the last piece read. External links never
 * navigate away: their QR code is shown instead, to open on one's own phone.
 */
import { KIOSK_KEY, SETTINGS_KEY, storedIdleSeconds } from '../lib/kiosk/preferences.ts';

const html = document.documentElement;
if (html.hasAttribute('data-kiosk')) {
  const idle = storedIdleSeconds(sessionStorage.getItem(KIOSK_KEY));
  let timer = 0;
  const reset = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      window.speechSynthesis?.cancel();
      localStorage.removeItem(SETTINGS_KEY);
      for (const key of Object.keys(sessionStorage)) if (key !== KIOSK_KEY) sessionStorage.removeItem(key);
      const home = new URL('/', location.href).href;
      if (location.href === home) location.reload();
      else location.assign(home);
    }, idle * 1000);
  };
  // zw-activity: 语音阅读 starting a piece (src/client/speech.ts); a listener is not idle.
  for (const event of ['pointerdown', 'keydown', 'touchstart', 'wheel', 'input', 'zw-activity'])
    document.addEventListener(event, reset, { passive: true });
  reset();

  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
    if (link && new URL(link.href, location.href).origin !== location.origin) event.preventDefault();
  });
}
