// Inline in every page's <head> (PreferencesScript.astro): applies reading settings and the kiosk
// flag before first paint. Keys and rules (kioskStart) as in src/lib/kiosk/preferences.ts.
(function () {
  try {
    var root = document.documentElement;
    var query = new URLSearchParams(location.search);
    var kiosk = sessionStorage.getItem('zw-kiosk');
    var idle = query.get('idle');
    if (
      !kiosk &&
      query.get('kiosk') === '1' &&
      !document.referrer &&
      /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])$/.test(location.hostname)
    ) {
      idle = /^\d{1,4}$/.test(idle) && idle >= 30 && idle <= 1800 ? +idle : 120;
      kiosk = JSON.stringify({ idle: idle });
      sessionStorage.setItem('zw-kiosk', kiosk);
    }
    var settings = {};
    try {
      settings = JSON.parse(localStorage.getItem('zw-reading') || '{}') || {};
    } catch {
      // unreadable: defaults
    }
    if (kiosk) {
      root.setAttribute('data-kiosk', '');
      if (!settings.textSize) settings.textSize = 'large';
    }
    if (settings.textSize && settings.textSize !== 'standard') root.setAttribute('data-text-size', settings.textSize);
    if (settings.spacing === 'wide') root.setAttribute('data-spacing', 'wide');
    if (settings.contrast === 'high') root.setAttribute('data-contrast', 'high');
    root.setAttribute('data-js', '');
  } catch {
    // storage blocked: the page renders with the defaults
  }
})();
