import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, headScript, parseSettings } from '../../../src/lib/kiosk/preferences.ts';

describe('reading settings', () => {
  it('reads stored settings and ignores anything unknown or broken', () => {
    expect(parseSettings('{"textSize":"xlarge","contrast":"high"}')).toEqual({ textSize: 'xlarge', spacing: 'standard', contrast: 'high' });
    expect(parseSettings('{"textSize":"huge","spacing":3}')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('not json')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
  });
  it('ships a head script that is small and self-contained', () => {
    const script = headScript();
    expect(script.length).toBeLessThan(1200);
    expect(() => new Function(script)).not.toThrow();
    expect(script).not.toMatch(/\bimport\b|\bfetch\b/);
  });
});
