import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readUntil } from '../../../src/lib/build/readUntil.ts';

const dir = mkdtempSync(join(tmpdir(), 'read-until-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('readUntil', () => {
  it('stops at the end of the first marker near the top', () => {
    const path = file('page.html', `<head><title>政务公开</title></head><main data-pagefind-body>${'正文'.repeat(50_000)}</main>`);
    expect(readUntil(path, '</head>').toString()).toBe('<head><title>政务公开</title></head>');
  });

  it('finds a marker cut by the first read and one far down a large page', () => {
    // 32 KiB is read first: a marker across that boundary, and one 300 KB in.
    const across = file('across.html', `${'a'.repeat(32 * 1024 - 5)}</head>tail`);
    expect(readUntil(across, '</head>').toString()).toBe(`${'a'.repeat(32 * 1024 - 5)}</head>`);
    const far = file('far.html', `${'文'.repeat(100_000)}<main data-pagefind-body>x`);
    expect(readUntil(far, 'data-pagefind-body').toString()).toBe(`${'文'.repeat(100_000)}<main data-pagefind-body`);
  });

  it('gives the whole file when the marker is missing, small or large', () => {
    expect(readUntil(file('small.html', '<p>无</p>'), '</head>').toString()).toBe('<p>无</p>');
    const large = '<p>长</p>'.repeat(20_000);
    expect(readUntil(file('large.html', large), '</head>').toString()).toBe(large);
  });
});
