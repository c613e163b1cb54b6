import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_IDLE_SECONDS,
  DEFAULT_SETTINGS,
  KIOSK_KEY,
  SETTINGS_KEY,
  kioskStart,
  parseIdleSeconds,
  parseSettings,
  SETTING_NAMES,
  settingAttribute,
  settingAttributes,
  settingsFromAttributes,
  storedIdleSeconds,
  type KioskLoad,
} from '../../../src/lib/kiosk/preferences.ts';

const headScript = readFileSync(new URL('../../../src/client/preferences.inline.js', import.meta.url), 'utf8');

describe('reading settings', () => {
  it('reads stored settings and ignores anything unknown or broken', () => {
    expect(parseSettings('{"textSize":"xlarge","contrast":"high"}')).toEqual({ ...DEFAULT_SETTINGS, textSize: 'xlarge', contrast: 'high' });
    expect(parseSettings('{"pointer":"large","guide":"cross","speech":"point","rate":"slow"}')).toEqual({
      textSize: 'standard',
      spacing: 'standard',
      contrast: 'standard',
      pointer: 'large',
      guide: 'cross',
      speech: 'point',
      rate: 'slow',
    });
    expect(parseSettings('{"pointer":"huge","guide":true,"speech":"auto","rate":2}')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('[1]')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('{"textSize":"huge","spacing":3}')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('not json')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
  });
  it('keeps every tool off by default', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      textSize: 'standard',
      spacing: 'standard',
      contrast: 'standard',
      pointer: 'standard',
      guide: 'off',
      speech: 'off',
      rate: 'standard',
    });
  });
  it('shows each setting away from its default as a data- attribute on <html>', () => {
    const settings = parseSettings('{"textSize":"large","guide":"line","speech":"page"}');
    expect(settingAttributes(settings)).toEqual([
      ['data-text-size', 'large'],
      ['data-spacing', null],
      ['data-contrast', null],
      ['data-pointer', null],
      ['data-guide', 'line'],
      ['data-speech', 'page'],
      ['data-rate', null],
    ]);
    const shown = new Map(settingAttributes(settings).filter((a): a is [string, string] => a[1] !== null));
    expect(settingsFromAttributes((name) => shown.get(name) ?? null)).toEqual(settings);
    expect(settingAttribute('textSize')).toBe('data-text-size');
  });
  it('the head script sets the same attributes from what is stored, and nothing for defaults or junk', () => {
    const stored = {
      textSize: 'standard',
      spacing: 'wide',
      pointer: 'large',
      guide: 'cross',
      speech: 'point',
      rate: 'slow',
      contrast: '<b>',
    };
    expect(runHeadScriptSettings(JSON.stringify(stored))).toEqual({
      'data-spacing': 'wide',
      'data-pointer': 'large',
      'data-guide': 'cross',
      'data-speech': 'point',
      'data-rate': 'slow',
      'data-js': '',
    });
    expect(headScript).toContain(`var names = [${SETTING_NAMES.map((n) => `'${n}'`).join(', ')}];`);
  });
  it('ships a head script that is small and self-contained', () => {
    expect(headScript.length).toBeLessThan(1700);
    expect(() => new Function(headScript)).not.toThrow();
    expect(headScript).not.toMatch(/\bimport\b|\bexport\b|\bfetch\b/);
  });
  it('the head script uses the storage keys and idle default the deferred scripts use', () => {
    expect(headScript).toContain(`sessionStorage.setItem('${KIOSK_KEY}'`);
    expect(headScript).toContain(`sessionStorage.getItem('${KIOSK_KEY}')`);
    expect(headScript).toContain(`localStorage.getItem('${SETTINGS_KEY}')`);
    expect(headScript).toContain(`: ${DEFAULT_IDLE_SECONDS};`);
  });
});

/** Runs the real head script (not in kiosk mode) with `stored` settings; returns the attributes it set on <html>. */
function runHeadScriptSettings(stored: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  const storage = (value: string | null) => ({ getItem: () => value, setItem: () => undefined });
  runInNewContext(headScript, {
    URLSearchParams,
    location: { search: '', hostname: 'example.gov.cn' },
    document: { referrer: '', documentElement: { setAttribute: (name: string, value: string) => (attributes[name] = value) } },
    sessionStorage: storage(null),
    localStorage: storage(stored),
  });
  return attributes;
}

/** Runs the real head script on a page load; returns the session's kiosk record after it and `data-kiosk`. */
function runHeadScript({ url, referrer, stored }: KioskLoad): { stored: string | null; kiosk: boolean } {
  const session = new Map<string, string>(stored ? [[KIOSK_KEY, stored]] : []);
  const attributes = new Set<string>();
  const storage = (map: Map<string, string>) => ({
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  });
  const { search, hostname } = new URL(url);
  runInNewContext(headScript, {
    URLSearchParams,
    location: { search, hostname },
    document: { referrer, documentElement: { setAttribute: (name: string) => attributes.add(name) } },
    sessionStorage: storage(session),
    localStorage: storage(new Map()),
  });
  return { stored: session.get(KIOSK_KEY) ?? null, kiosk: attributes.has('data-kiosk') };
}

const KIOSK = 'http://127.0.0.1:8421';
const ON = JSON.stringify({ idle: 600 });
/** Page loads and the kiosk record each must leave (item 6 of the attack issue). */
const LOADS: [string, KioskLoad, string | null][] = [
  ['the launcher’s first load', { url: `${KIOSK}/?kiosk=1&idle=90`, referrer: '', stored: null }, '{"idle":90}'],
  ['npm run kiosk on localhost, no idle', { url: 'http://localhost:4321/?kiosk=1', referrer: '', stored: null }, '{"idle":120}'],
  ['IPv6 loopback', { url: 'http://[::1]:8421/?kiosk=1&idle=1800', referrer: '', stored: null }, '{"idle":1800}'],
  ['a 解读 link ?kiosk=0 in kiosk mode', { url: `${KIOSK}/?kiosk=0`, referrer: `${KIOSK}/jiedu/2021/18/`, stored: ON }, ON],
  ['?kiosk=0 typed in kiosk mode', { url: `${KIOSK}/?kiosk=0`, referrer: '', stored: ON }, ON],
  ['a link retuning idle in kiosk mode', { url: `${KIOSK}/?kiosk=1&idle=0.05`, referrer: `${KIOSK}/`, stored: ON }, ON],
  ['the launcher URL again in kiosk mode', { url: `${KIOSK}/?kiosk=1&idle=30`, referrer: '', stored: ON }, ON],
  ['a link to ?kiosk=1 on a page', { url: `${KIOSK}/?kiosk=1&idle=60`, referrer: `${KIOSK}/yaodian/2021/`, stored: null }, null],
  ['?kiosk=1 on the public site', { url: 'https://zwgk.example.gov.cn/?kiosk=1', referrer: '', stored: null }, null],
  ['a host that only starts like loopback', { url: 'http://127.0.0.1.example.com/?kiosk=1', referrer: '', stored: null }, null],
  ['kiosk=true', { url: `${KIOSK}/?kiosk=true`, referrer: '', stored: null }, null],
  ['idle 0.05', { url: `${KIOSK}/?kiosk=1&idle=0.05`, referrer: '', stored: null }, '{"idle":120}'],
  ['idle −5', { url: `${KIOSK}/?kiosk=1&idle=-5`, referrer: '', stored: null }, '{"idle":120}'],
  ['idle NaN', { url: `${KIOSK}/?kiosk=1&idle=NaN`, referrer: '', stored: null }, '{"idle":120}'],
  ['idle 29', { url: `${KIOSK}/?kiosk=1&idle=29`, referrer: '', stored: null }, '{"idle":120}'],
  ['idle 1801', { url: `${KIOSK}/?kiosk=1&idle=1801`, referrer: '', stored: null }, '{"idle":120}'],
  ['idle 1e3', { url: `${KIOSK}/?kiosk=1&idle=1e3`, referrer: '', stored: null }, '{"idle":120}'],
  ['idle 60.5', { url: `${KIOSK}/?kiosk=1&idle=60.5`, referrer: '', stored: null }, '{"idle":120}'],
  ['idle 99999999', { url: `${KIOSK}/?kiosk=1&idle=99999999`, referrer: '', stored: null }, '{"idle":120}'],
];

describe('kiosk mode is set by the launcher, never by a page link', () => {
  it.each(LOADS)('%s', (_name, load, expected) => {
    expect(kioskStart(load)).toBe(expected);
  });

  it.each(LOADS)('the head script does the same: %s', (_name, load, expected) => {
    expect(runHeadScript(load)).toEqual({ stored: expected, kiosk: expected !== null });
  });

  it('takes an idle time only in whole seconds from 30 to 1800', () => {
    expect([30, '30', 120, '1800'].map(parseIdleSeconds)).toEqual([30, 30, 120, 1800]);
    expect(
      ['29', '1801', '-5', '0.05', 'NaN', '', ' 60', '60 ', '0x3c', 'Infinity', null, undefined, 60.5, -60].map(parseIdleSeconds),
    ).toEqual(Array(14).fill(null));
  });

  it('reads a stored record’s idle time within the bounds, else the default', () => {
    expect([ON, '{"idle":5}', '{"idle":"x"}', '{}', 'not json', null].map(storedIdleSeconds)).toEqual([600, 120, 120, 120, 120, 120]);
  });
});
