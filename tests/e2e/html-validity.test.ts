/**
 * Every built page is valid HTML by the Nu HTML Checker (vnu, the W3C validator), run on the Java
 * of the machine. The npm package `vnu-jar` ships the checker; its install script, which would
 * download a Java runtime, is denied in package.json, so a machine without Java fails here with a
 * message saying so, never a skipped test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, htmlPages, relativeToDist } from './support/site.ts';

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  firstLine?: number;
  message: string;
  extract?: string;
}

/** `$JAVA_HOME/bin/java`, else `java` on the PATH; a clear error when there is none. */
function java(): string {
  const home = process.env.JAVA_HOME;
  if (home && existsSync(join(home, 'bin', 'java'))) return join(home, 'bin', 'java');
  if (spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0) return 'java';
  throw new Error(
    '找不到 Java：HTML 校验（vnu）需要 Java 11 或更高版本 / no Java found: the HTML check (vnu) needs Java 11 or later; install it (e.g. apt-get install default-jre-headless) or set JAVA_HOME',
  );
}

describe('HTML validity (Nu HTML Checker)', () => {
  it('every built page has 0 errors', () => {
    const files = htmlPages().map((page) => join(DIST, page.endsWith('/') ? `${page}index.html` : page));
    expect(files.length).toBeGreaterThanOrEqual(100);
    const jar = String(createRequire(import.meta.url)('vnu-jar') as string);
    // One JVM for all pages: the checker takes seconds to start.
    const run = spawnSync(java(), ['-jar', jar, '--format', 'json', '--errors-only', ...files], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.error) throw run.error;
    let messages: VnuMessage[];
    try {
      ({ messages } = JSON.parse(run.stderr) as { messages: VnuMessage[] });
    } catch {
      throw new Error(`vnu 没有输出结果 / vnu gave no report (exit ${run.status}):\n${run.stderr}${run.stdout}`);
    }
    const errors = messages.filter((m) => m.type !== 'info');
    const show = errors.map(
      (m) =>
        `${m.url ? relativeToDist(new URL(m.url).pathname) : '?'}:${m.lastLine ?? '-'} ${m.subType === 'fatal' ? '[fatal] ' : ''}${m.message}${m.extract ? `\n    ${m.extract.trim()}` : ''}`,
    );
    expect(show.join('\n'), `${errors.length} vnu errors in ${files.length} pages`).toBe('');
    expect(run.status, run.stdout).toBe(0);
  });
});
