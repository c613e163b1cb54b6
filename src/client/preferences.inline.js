// Inline in every page's <head> (src/components/PreferencesScript.astro): applies stored reading
// settings and the kiosk flag before the first paint. Keys as in src/lib/kiosk/preferences.ts.
(function () {
  try {
    var root = document.documentElement;
    var query = new URLSearchParams(location.search);
    var kioskParam = query.get('kiosk');
    if (kioskParam === '1') {
      sessionStorage.setItem('zw-kiosk', JSON.stringify({ idle: Number(query.get('idle')) || 120 }));
    } else if (kioskParam === '0') {
      sessionStorage.removeItem('zw-kiosk');
    }
    var kiosk = sessionStorage.getItem('zw-kiosk');
    var settings = {};
    try {
      settings = JSON.parse(localStorage.getItem('zw-reading') || '{}') || {};
    } catch {
      // unreadable stored settings: keep the defaults
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
    // storage blocked (private mode, kiosk policy): the page still renders with the defaults
  }
})();
