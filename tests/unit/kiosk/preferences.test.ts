import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_IDLE_SECONDS, DEFAULT_SETTINGS, KIOSK_KEY, SETTINGS_KEY, parseSettings } from '../../../src/lib/kiosk/preferences.ts';

const headScript = readFileSync(new URL('../../../src/client/preferences.inline.js', import.meta.url), 'utf8');

describe('reading settings', () => {
  it('reads stored settings and ignores anything unknown or broken', () => {
    expect(parseSettings('{"textSize":"xlarge","contrast":"high"}')).toEqual({ textSize: 'xlarge', spacing: 'standard', contrast: 'high' });
    expect(parseSettings('{"textSize":"huge","spacing":3}')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('not json')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
  });
  it('ships a head script that is small and self-contained', () => {
    expect(headScript.length).toBeLessThan(1500);
    expect(() => new Function(headScript)).not.toThrow();
    expect(headScript).not.toMatch(/\bimport\b|\bexport\b|\bfetch\b/);
  });
  it('the head script uses the storage keys and idle default the deferred scripts use', () => {
    expect(headScript).toContain(`sessionStorage.setItem('${KIOSK_KEY}'`);
    expect(headScript).toContain(`sessionStorage.getItem('${KIOSK_KEY}')`);
    expect(headScript).toContain(`localStorage.getItem('${SETTINGS_KEY}')`);
    expect(headScript).toContain(`|| ${DEFAULT_IDLE_SECONDS} }`);
  });
});
