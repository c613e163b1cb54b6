/**
 * Text typed into a search field can hold characters no built page uses, so the site's font
 * subsets lack them (and kiosks have no system CJK font). The first time any field gets focus,
 * load the complete font's unicode-range slices; the browser then fetches only the slices that
 * typed characters need. Pages that never take input never pay for it.
 */
const FALLBACK_CSS = '/fonts/fallback.css';

export function loadFallbackFont(): void {
  if (document.querySelector(`link[href="${FALLBACK_CSS}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = FALLBACK_CSS;
  document.head.append(link);
}

document.addEventListener('focusin', (event) => {
  if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) loadFallbackFont();
});
