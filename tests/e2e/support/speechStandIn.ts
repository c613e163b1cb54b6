import type { BrowserContext, Page } from 'playwright-core';

/** One call the page made on `speechSynthesis`, and each utterance it started. */
export interface SpeechCall {
  call: 'speak' | 'start' | 'pause' | 'resume' | 'cancel';
  text?: string;
  lang?: string;
  rate?: number;
  voice?: string | null;
}

export interface StandInOptions {
  /** The voices the device has (`lang`, `name`). */
  voices: { lang: string; name: string }[];
  /** List them only after this many ms, with a `voiceschanged` event, as Chrome does. */
  voicesLaterMs?: number;
}

/**
 * A recording stand-in for the Web Speech API, installed before any page script
 * (`addInitScript`): `speechSynthesis` and `SpeechSynthesisUtterance` record every call in order
 * (in `window.speechLog` for the page, and in localStorage `test-speech-log` across page loads:
 * a call made as the page goes away is kept, which a binding to the test would lose), start
 * queued utterances one at a time with `onstart`, and end one only when the test says so
 * (`window.speechStandIn.finish()`), with `onend`. Like Chrome, `cancel()` ends the current and
 * queued utterances with `onerror` ("interrupted") and leaves a paused synthesizer paused.
 */
export async function installSpeechStandIn(context: BrowserContext, options: StandInOptions): Promise<void> {
  await context.addInitScript((opts: StandInOptions) => {
    type Utterance = {
      text: string;
      lang: string;
      rate: number;
      voice: { name: string } | null;
      onstart: ((e: object) => void) | null;
      onend: ((e: object) => void) | null;
      onerror: ((e: object) => void) | null;
    };
    const w = window as unknown as Record<string, unknown>;
    const log: object[] = [];
    w.speechLog = log;
    const record = (entry: object) => {
      log.push(entry);
      const all = JSON.parse(localStorage.getItem('test-speech-log') ?? '[]') as object[];
      localStorage.setItem('test-speech-log', JSON.stringify([...all, entry]));
    };
    const voices = opts.voicesLaterMs ? [] : opts.voices.map((v) => ({ ...v, localService: true, default: false, voiceURI: v.name }));
    class StandInUtterance implements Utterance {
      text: string;
      lang = '';
      rate = 1;
      voice: { name: string } | null = null;
      onstart: Utterance['onstart'] = null;
      onend: Utterance['onend'] = null;
      onerror: Utterance['onerror'] = null;
      constructor(text = '') {
        this.text = text;
      }
    }
    const events = new EventTarget();
    const queue: Utterance[] = [];
    let current: Utterance | null = null;
    const synth = Object.assign(events, {
      speaking: false,
      pending: false,
      paused: false,
      getVoices: () => voices.slice(),
      speak(u: Utterance) {
        record({ call: 'speak', text: u.text, lang: u.lang, rate: u.rate, voice: u.voice?.name ?? null });
        queue.push(u);
        synth.pending = true;
        setTimeout(startNext, 0);
      },
      pause() {
        record({ call: 'pause' });
        synth.paused = true;
      },
      resume() {
        record({ call: 'resume' });
        synth.paused = false;
        startNext();
      },
      cancel() {
        record({ call: 'cancel' });
        const dropped = [current, ...queue.splice(0)];
        current = null;
        synth.speaking = synth.pending = false;
        for (const u of dropped) u?.onerror?.({ error: 'interrupted' });
      },
    });
    function startNext() {
      if (current || synth.paused || queue.length === 0) return;
      current = queue.shift()!;
      synth.pending = queue.length > 0;
      synth.speaking = true;
      record({ call: 'start', text: current.text });
      current.onstart?.({});
    }
    w.speechStandIn = {
      finish() {
        const u = current;
        if (!u) return false;
        current = null;
        synth.speaking = false;
        u.onend?.({});
        startNext();
        return true;
      },
      current: () => current?.text ?? null,
    };
    Object.defineProperty(window, 'speechSynthesis', { configurable: true, get: () => synth });
    w.SpeechSynthesisUtterance = StandInUtterance;
    if (opts.voicesLaterMs)
      setTimeout(() => {
        voices.push(...opts.voices.map((v) => ({ ...v, localService: true, default: false, voiceURI: v.name })));
        events.dispatchEvent(new Event('voiceschanged'));
      }, opts.voicesLaterMs);
  }, options);
}

/** Ends the utterance being spoken (the stand-in's `onend`); false when none is. */
export function finishUtterance(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { speechStandIn: { finish: () => boolean } }).speechStandIn.finish());
}

/** The calls recorded in the current page, in order. */
export function speechLog(page: Page): Promise<SpeechCall[]> {
  return page.evaluate(() => (window as unknown as { speechLog: SpeechCall[] }).speechLog);
}

/** Every call recorded in this tab since the stand-in was installed, across page loads. */
export function allSpeechCalls(page: Page): Promise<SpeechCall[]> {
  return page.evaluate(() => JSON.parse(localStorage.getItem('test-speech-log') ?? '[]') as SpeechCall[]);
}

/** The text of the element marked as being read, or null. */
export function speakingText(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('[data-speaking]')?.textContent?.replace(/\s+/g, ' ').trim() ?? null);
}
