/**
 * How 语音阅读 speaks a block: in pieces of at most `MAX_CHUNK` characters cut after a sentence
 * (Chrome's speech stops by itself after about 15 seconds of one utterance on some systems, and
 * a short piece also lets 暂停 and 停止 act at once), at the chosen 语速, with a Chinese voice.
 */
import type { ReadingSettings } from '../kiosk/preferences.ts';

export const SPEECH_LANG = 'zh-CN';
/** About 12 seconds of Mandarin at the standard rate. */
export const MAX_CHUNK = 60;

/** `SpeechSynthesisUtterance.rate` for each 语速: slow is what elderly listeners most often ask for. */
export const RATES: Record<ReadingSettings['rate'], number> = { slow: 0.75, standard: 1, fast: 1.3 };

/** Where a piece may end, best first: after a sentence, after a clause, after an enumeration comma. */
const BREAKS = [/[。！？!?；;]/u, /[，,：:]/u, /[、）)」”’ ]/u];

/** The text cut into pieces of at most `max` characters, each ending at the best break before the limit. */
export function speechChunks(text: string, max = MAX_CHUNK): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  while ([...rest].length > max) {
    const chars = [...rest];
    const cut = breakIndex(chars, max);
    chunks.push(chars.slice(0, cut).join('').trim());
    rest = chars.slice(cut).join('').trim();
  }
  if (rest) chunks.push(rest);
  return chunks.filter(Boolean);
}

/** How many characters of `chars` the first piece takes: through the last best break within `max`, else `max`. */
function breakIndex(chars: string[], max: number): number {
  for (const pattern of BREAKS) {
    for (let i = max - 1; i >= max / 3; i--) if (pattern.test(chars[i]!)) return i + 1;
  }
  return max;
}

/** The part of a voice 语音阅读 looks at (a browser's `SpeechSynthesisVoice` has it). */
export interface VoiceLike {
  readonly lang: string;
  readonly name: string;
  readonly default?: boolean;
  readonly localService?: boolean;
}

/**
 * The voice to read Chinese with: Mandarin of mainland China first (`zh-CN`, `cmn-Hans-CN`,
 * `zh-Hans`), then other Mandarin (`zh-SG`, `zh-TW`), then any Chinese voice (Cantonese `zh-HK`
 * reads the characters too); a voice on the device before a network one (a 查阅点 has no network).
 * Null when there is none: the bar then says so.
 */
export function pickChineseVoice<V extends VoiceLike>(voices: readonly V[]): V | null {
  const rank = (voice: V): number => {
    const lang = voice.lang.replace(/_/g, '-').toLowerCase();
    const base = /^(zh-cn|cmn-hans-cn|cmn-cn|zh-hans-cn|zh-hans)$/.test(lang)
      ? 0
      : /^(zh-sg|cmn|cmn-.*|zh-tw|zh-hant.*|zh)$/.test(lang)
        ? 1
        : /^(zh|yue)(-|$)/.test(lang)
          ? 2
          : -1;
    return base < 0 ? -1 : base * 2 + (voice.localService === false ? 1 : 0);
  };
  const ranked = voices.map((voice) => ({ voice, rank: rank(voice) })).filter((v) => v.rank >= 0);
  ranked.sort((a, b) => a.rank - b.rank || Number(Boolean(b.voice.default)) - Number(Boolean(a.voice.default)));
  return ranked[0]?.voice ?? null;
}

/** The messages of the 语音阅读 bar, announced in its status region. */
export const SPEECH_STATUS = {
  unsupported: '本浏览器不支持语音阅读。可以使用系统自带的“讲述人”或读屏软件朗读本页。',
  noVoice: '本设备没有中文语音，无法朗读。请在系统设置的“语音”中添加中文（普通话）语音后再试。',
  checking: '正在查找中文语音……',
  readyPage: '按“朗读全文”从正文开头朗读。',
  readyPoint: '指读已开启：把鼠标停在段落上，或用 Tab 键移到链接上，即朗读那一段。',
  reading: '正在朗读。',
  paused: '已暂停，按“继续”接着朗读。',
  stopped: '已停止。',
  finished: '已读完。',
  failed: '朗读中断了，请再试一次；如果一直中断，请检查设备的声音和语音设置。',
} as const;
