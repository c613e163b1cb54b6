import { describe, expect, it } from 'vitest';
import { BROWSER_FLAGS, linuxLauncher, windowsLauncher } from '../../../scripts/lib/kiosk/launchers.ts';

describe('the 查阅点 browser flags', () => {
  it('let Chromium on Linux read aloud through speech-dispatcher (语音阅读), on both launchers', () => {
    expect(BROWSER_FLAGS).toContain('--enable-speech-dispatcher');
    expect(linuxLauncher({ port: 8421, idle: 120 })).toContain('--enable-speech-dispatcher');
    expect(windowsLauncher({ port: 8421, idle: 120 })).toContain('--enable-speech-dispatcher');
  });
});
