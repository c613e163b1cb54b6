/**
 * 语音阅读: the browser's own speech (Web Speech API, `speechSynthesis`), with a Chinese voice of
 * the device, so it needs no network where the system has one (Windows, macOS, Android, iOS).
 * On when 阅读设置 says 全文朗读 (`data-speech="page"`: the 朗读全文 button reads `<main>` block by
 * block) or 指读 (`data-speech="point"`: the block under the pointer, after it rests there
 * `DWELL_MS`, or around the element the keyboard focused). The block being read carries
 * `data-speaking` (highlighted in CSS). Reading never starts by itself; it stops on 停止, when the
 * setting is turned off, and when the page goes away (`pagehide`: a link, a 查阅点's reset).
 * Which blocks and what text: `src/lib/speech/blocks.ts`; pieces, rates, voice:
 * `src/lib/speech/utterances.ts`.
 */
import { blockAt, blockText, readingBlocks, type BlockOptions, type SpeechNode } from '../lib/speech/blocks.ts';
import { pickChineseVoice, RATES, SPEECH_LANG, SPEECH_STATUS, speechChunks } from '../lib/speech/utterances.ts';
import { settingsFromAttributes } from '../lib/kiosk/preferences.ts';

/** How long the pointer rests on a block before 指读 reads it (passing over text reads nothing). */
const DWELL_MS = 400;
/** How long a keypress counts as the cause of a focus change (focus moved by a script is not read). */
const KEYBOARD_MS = 1000;
/** How long to wait for the device's voices (Chrome lists them only after `voiceschanged`). */
const VOICES_MS = 2000;

const html = document.documentElement;
const bar = document.querySelector<HTMLElement>('[data-speech-bar]');
const synth: SpeechSynthesis | undefined = window.speechSynthesis;

const mode = () => settingsFromAttributes((attribute) => html.getAttribute(attribute)).speech;
const rate = () => RATES[settingsFromAttributes((attribute) => html.getAttribute(attribute)).rate];
const shown = (node: SpeechNode) => (node as unknown as Element).getClientRects().length > 0;

let run = 0;
let reading: Element | null = null;
let paused = false;
let voice: Promise<SpeechSynthesisVoice | null> | null = null;
let voiceKnown = false;

/** The Chinese voice of the device, waiting once for the list where the browser fills it late. */
function chineseVoice(): Promise<SpeechSynthesisVoice | null> {
  voice ??= new Promise((resolve) => {
    const found = pickChineseVoice(synth!.getVoices());
    if (found) return known(resolve, found);
    const done = () => {
      window.clearTimeout(timer);
      synth!.removeEventListener('voiceschanged', done);
      known(resolve, pickChineseVoice(synth!.getVoices()));
    };
    const timer = window.setTimeout(done, VOICES_MS);
    synth!.addEventListener('voiceschanged', done);
  });
  return voice;
}

function known(resolve: (v: SpeechSynthesisVoice | null) => void, found: SpeechSynthesisVoice | null): void {
  voiceKnown = true;
  resolve(found);
}

function say(text: string): void {
  const status = bar?.querySelector('[data-speech-status]');
  if (status) status.textContent = text;
}

/** The bar's buttons as the state allows: aria-disabled, so a pressed button keeps the focus. */
function showState(state: 'idle' | 'reading' | 'paused' | 'none'): void {
  if (!bar) return;
  const button = (action: string) => bar.querySelector<HTMLButtonElement>(`[data-speech-action="${action}"]`)!;
  button('start').setAttribute('aria-disabled', String(state === 'none'));
  button('pause').setAttribute('aria-disabled', String(state === 'idle' || state === 'none'));
  button('pause').textContent = state === 'paused' ? '继续' : '暂停';
  button('stop').setAttribute('aria-disabled', String(state === 'idle' || state === 'none'));
}

function highlight(block: Element | null): void {
  reading?.removeAttribute('data-speaking');
  reading = block;
  block?.setAttribute('data-speaking', '');
}

/**
 * Speaks one piece; resolves when it ends (true) or fails or is cancelled (the error's name): a
 * cancel from outside (a 查阅点's reset, the system) ends the reading rather than skipping a piece.
 */
function speak(text: string, chosen: SpeechSynthesisVoice | null): Promise<true | string> {
  return new Promise((resolve) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = SPEECH_LANG;
    if (chosen) utterance.voice = chosen;
    utterance.rate = rate();
    utterance.onstart = () => document.dispatchEvent(new Event('zw-activity'));
    utterance.onend = () => resolve(true);
    utterance.onerror = (event) => resolve(event.error || 'error');
    synth!.speak(utterance);
  });
}

/** Reads `blocks` in order, each highlighted while it is read; a newer reading or 停止 ends it. */
async function read(blocks: Element[], follow: boolean): Promise<void> {
  stop(null);
  const mine = ++run;
  const chosen = await chineseVoice();
  if (mine !== run) return;
  if (!chosen) return noVoice();
  showState('reading');
  say(SPEECH_STATUS.reading);
  for (const block of blocks) {
    highlight(block);
    if (follow) block.scrollIntoView({ block: 'nearest' });
    for (const piece of speechChunks(blockText(block as unknown as SpeechNode, options(mode() === 'point')))) {
      const ended = await speak(piece, chosen);
      if (mine !== run) return;
      if (ended !== true) return stop(/interrupted|canceled/.test(ended) ? SPEECH_STATUS.stopped : SPEECH_STATUS.failed);
    }
  }
  highlight(null);
  showState('idle');
  say(SPEECH_STATUS.finished);
}

function options(includeNav: boolean): BlockOptions {
  return { isShown: shown, includeNav };
}

/** Ends any reading; `status` is what the bar then says (null: leave it). */
function stop(status: string | null): void {
  run++;
  if (synth && (synth.speaking || synth.pending || paused)) {
    synth.cancel();
    // Chrome keeps a paused synthesizer paused after cancel(): the next reading would never sound.
    if (paused) synth.resume();
  }
  paused = false;
  highlight(null);
  showState('idle');
  if (status) say(status);
}

function noVoice(): void {
  showState('none');
  say(SPEECH_STATUS.noVoice);
}

function pauseOrResume(): void {
  if (!synth || !reading) return;
  paused = !paused;
  if (paused) synth.pause();
  else synth.resume();
  showState(paused ? 'paused' : 'reading');
  say(paused ? SPEECH_STATUS.paused : SPEECH_STATUS.reading);
}

/** What the bar says when the tool is turned on (or the page opens with it on). */
async function ready(): Promise<void> {
  if (mode() === 'off') return;
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') {
    showState('none');
    return say(SPEECH_STATUS.unsupported);
  }
  showState('idle');
  if (!voiceKnown) say(SPEECH_STATUS.checking);
  if (!(await chineseVoice())) return noVoice();
  say(mode() === 'page' ? SPEECH_STATUS.readyPage : SPEECH_STATUS.readyPoint);
}

function onAction(action: string | undefined): void {
  if (!synth) return;
  if (action === 'start') {
    const main = document.querySelector('main');
    if (main) void read(readingBlocks(main as unknown as SpeechNode, options(false)) as unknown as Element[], true);
  } else if (action === 'pause') pauseOrResume();
  else if (action === 'stop') stop(SPEECH_STATUS.stopped);
}

/** 指读: the block around `target`, if it is one and not the one being read. */
function pointAt(target: EventTarget | null): Element | null {
  if (mode() !== 'point' || !(target instanceof Element)) return null;
  const block = blockAt(target as unknown as SpeechNode, document.body as unknown as SpeechNode, options(true)) as Element | null;
  return block && block !== reading ? block : null;
}

function listenForPointing(): void {
  let dwell = 0;
  let lastKey = -Infinity;
  document.addEventListener('pointerover', (event) => {
    window.clearTimeout(dwell);
    const block = pointAt(event.target);
    if (block) dwell = window.setTimeout(() => void read([block], false), DWELL_MS);
  });
  document.addEventListener('keydown', () => (lastKey = performance.now()), { capture: true });
  document.addEventListener('focusin', (event) => {
    if (performance.now() - lastKey > KEYBOARD_MS) return;
    const block = pointAt(event.target);
    if (block) void read([block], false);
  });
}

if (bar) {
  bar.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('[data-speech-action]');
    if (!button) return;
    if (button.getAttribute('aria-disabled') === 'true') {
      if (button.dataset.speechAction === 'start') void ready();
      return;
    }
    onAction(button.dataset.speechAction);
  });
  listenForPointing();
  // Turned off or switched between 全文 and 指读 (阅读设置, 恢复默认): stop and say what holds now.
  new MutationObserver(() => {
    stop(null);
    void ready();
  }).observe(html, { attributes: true, attributeFilter: ['data-speech'] });
  // A voice installed or removed while the page is open: the bar says what holds now.
  synth?.addEventListener('voiceschanged', () => {
    voice = Promise.resolve(pickChineseVoice(synth.getVoices()));
    voiceKnown = true;
    if (mode() !== 'off' && !reading) void ready();
  });
  window.addEventListener('pagehide', () => stop(null));
  void ready();
}
