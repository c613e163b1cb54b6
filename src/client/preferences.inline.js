// Inline in every page's <head> (PreferencesScript.astro): applies reading settings and the kiosk
// flag before first paint. Keys, names and rules (kioskStart, SETTING_OPTIONS) as in
// src/lib/kiosk/preferences.ts; CSS matches only known values.
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
    var names = ['textSize', 'spacing', 'contrast', 'pointer', 'guide', 'speech', 'rate'];
    for (var i = 0; i < names.length; i++) {
      var v = settings[names[i]];
      if (typeof v == 'string' && /^[a-z]{1,9}$/.test(v) && v != 'standard' && v != 'off')
        root.setAttribute('data-' + names[i].replace(/[A-Z]/g, '-$&').toLowerCase(), v);
    }
    root.setAttribute('data-js', '');
  } catch {
    // storage blocked: the page renders with the defaults
  }
})();
