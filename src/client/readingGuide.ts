/**
 * 辅助线 (reading guide): while 阅读设置 has it on (`data-guide="line"` or `"cross"` on `<html>`),
 * a horizontal line just under the line of text the pointer is on, or under the element the
 * keyboard focused, so the eye keeps its line; `cross` adds a vertical line. The lines are one
 * fixed, `aria-hidden`, `pointer-events: none` element placed with CSS variables (global.css),
 * moved at most once a frame, with no animation (none at all under `prefers-reduced-motion`).
 */
const html = document.documentElement;
/** How far below the pointer's tip the line runs: under the characters it points at. */
const BELOW_POINTER_EM = 0.8;

let guide: HTMLElement | null = null;
let frame = 0;
let focused: Element | null = null;

const on = () => html.hasAttribute('data-guide');

function element(): HTMLElement {
  if (guide) return guide;
  guide = document.createElement('div');
  guide.className = 'reading-guide no-print';
  guide.setAttribute('aria-hidden', 'true');
  guide.hidden = true;
  guide.append(document.createElement('div'), document.createElement('div'));
  guide.children[0]!.className = 'reading-guide__row';
  guide.children[1]!.className = 'reading-guide__column';
  document.body.append(guide);
  return guide;
}

/** Puts the line at `y` and the cross's vertical line at `x` (viewport pixels), on the next frame. */
function place(x: number, y: number): void {
  window.cancelAnimationFrame(frame);
  frame = window.requestAnimationFrame(() => {
    const g = element();
    g.style.setProperty('--guide-x', `${Math.round(x)}px`);
    g.style.setProperty('--guide-y', `${Math.round(y)}px`);
    g.hidden = false;
  });
}

function underFocus(): void {
  if (!focused) return;
  const box = focused.getBoundingClientRect();
  place(box.left + Math.min(box.width, 48) / 2, box.bottom + 2);
}

document.addEventListener(
  'pointermove',
  (event) => {
    if (!on()) return;
    focused = null;
    const em = parseFloat(getComputedStyle(html).fontSize) || 18;
    place(event.clientX, event.clientY + BELOW_POINTER_EM * em);
  },
  { passive: true },
);
document.addEventListener('focusin', (event) => {
  if (!on() || !(event.target instanceof Element)) return;
  // A whole region focused (the skip link's <main>) has no line of its own to underline.
  if (event.target.getBoundingClientRect().height > window.innerHeight * 0.4) return;
  focused = event.target;
  underFocus();
});
window.addEventListener('scroll', () => on() && underFocus(), { passive: true });
document.documentElement.addEventListener('pointerleave', () => {
  if (guide && !focused) guide.hidden = true;
});
