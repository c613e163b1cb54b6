/**
 * src/layouts/layoutIds.ts lists every id the layouts and components render, so that a 解读
 * heading cannot take one (ZW-MDX-023). This reads their sources: a new `id="…"` or `id={…}`
 * fails here until it is listed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPUTED_LAYOUT_IDS, LAYOUT_IDS } from '../../../src/layouts/layoutIds.ts';

const REPO = join(import.meta.dirname, '../../..');
const sources = ['src/layouts', 'src/components'].flatMap((dir) =>
  readdirSync(join(REPO, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.astro'))
    .map((name) => readFileSync(join(REPO, dir, name), 'utf8')),
);
/** `id="main"`, and a literal id passed to a component (`<SearchBox id="site-search" />`). */
const literal = new Set(sources.flatMap((s) => [...s.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!)));
/** `id={…}`: the expression, braces balanced one level (template literals hold `${…}`). */
const computed = new Set(sources.flatMap((s) => [...s.matchAll(/\bid=\{((?:[^{}]|\{[^{}]*\})+)\}/g)].map((m) => m[1]!)));

describe('layout ids', () => {
  it('every literal id of a layout or component is listed, and nothing else', () => {
    expect([...literal].sort()).toEqual([...LAYOUT_IDS].sort());
  });
  it('every computed id is listed by its expression', () => {
    expect([...computed].sort()).toEqual(Object.keys(COMPUTED_LAYOUT_IDS).sort());
  });
});
