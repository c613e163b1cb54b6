import { describe, expect, it } from 'vitest';
import { MAX_CHUNK, pickChineseVoice, RATES, speechChunks } from '../../../src/lib/speech/utterances.ts';

describe('speechChunks', () => {
  it('keeps a short block whole', () => {
    expect(speechChunks('18. 创新政策解读形式')).toEqual(['18. 创新政策解读形式']);
  });
  it('cuts a long block after the last sentence or clause end within MAX_CHUNK characters', () => {
    const text =
      '市政府各部门制发的涉及经济社会发展，需要公众广泛知晓的重要文件，均要制作文字解读和图解解读，并在市政府门户网站和本部门网站公开。各区县（市）政府要进一步加大政策文件图解解读工作力度，确保本地区政策性文件图解全覆盖。';
    const chunks = speechChunks(text);
    expect(chunks).toEqual([
      '市政府各部门制发的涉及经济社会发展，需要公众广泛知晓的重要文件，均要制作文字解读和图解解读，',
      '并在市政府门户网站和本部门网站公开。各区县（市）政府要进一步加大政策文件图解解读工作力度，',
      '确保本地区政策性文件图解全覆盖。',
    ]);
    expect(chunks.join('')).toBe(text);
    expect(Math.max(...chunks.map((c) => [...c].length))).toBeLessThanOrEqual(MAX_CHUNK);
  });
  it('falls back to clause commas, then to a hard cut for text with no punctuation', () => {
    expect(speechChunks('甲乙丙丁，戊己庚辛壬癸', 8)).toEqual(['甲乙丙丁，', '戊己庚辛壬癸']);
    expect(speechChunks('一二三四五六七八九十', 4)).toEqual(['一二三四', '五六七八', '九十']);
  });
  it('never returns an empty piece', () => {
    expect(speechChunks('   ')).toEqual([]);
  });
});

describe('pickChineseVoice', () => {
  const voice = (lang: string, name = lang, extra: { default?: boolean; localService?: boolean } = {}) => ({ lang, name, ...extra });
  it('prefers mainland Mandarin on the device', () => {
    const voices = [
      voice('en-US'),
      voice('zh-TW'),
      voice('zh-CN', 'online', { localService: false }),
      voice('zh_CN', 'local', { localService: true }),
    ];
    expect(pickChineseVoice(voices)?.name).toBe('local');
  });
  it('takes another Chinese voice when there is no zh-CN one', () => {
    expect(pickChineseVoice([voice('en-GB'), voice('zh-HK'), voice('zh-TW')])?.lang).toBe('zh-TW');
    expect(pickChineseVoice([voice('yue-HK')])?.lang).toBe('yue-HK');
    expect(pickChineseVoice([voice('cmn-Hans-CN')])?.lang).toBe('cmn-Hans-CN');
  });
  it('is null when the device has no Chinese voice', () => {
    expect(pickChineseVoice([voice('en-US'), voice('de-DE')])).toBeNull();
    expect(pickChineseVoice([])).toBeNull();
  });
  it('reads slower for 慢 and faster for 快', () => {
    expect(RATES).toEqual({ slow: 0.75, standard: 1, fast: 1.3 });
  });
});
