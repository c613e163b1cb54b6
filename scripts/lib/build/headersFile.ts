import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readUntil } from '../../../src/lib/build/readUntil.ts';

const META = /<meta http-equiv="content-security-policy" content="([^"]+)"/;

/**
 * One Content-Security-Policy for the whole site, made from the per-page policies Astro wrote into
 * each page's <meta>: the same directives, and the union of the script and style hashes the build
 * emitted. Headers can say what a <meta> cannot (frame-ancestors), so the file adds that too.
 */
export function sitePolicy(pagePolicies: string[]): string {
  const directives = new Map<string, Set<string>>();
  for (const policy of pagePolicies) {
    for (const part of policy
      .split(';')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const [name = '', ...values] = part.split(/\s+/);
      const set = directives.get(name) ?? new Set<string>();
      for (const v of values) set.add(v);
      directives.set(name, set);
    }
  }
  directives.set('frame-ancestors', new Set(["'none'"]));
  return [...directives]
    .map(([name, values]) =>
      [name, ...[...values].sort((a, b) => Number(a.startsWith("'sha")) - Number(b.startsWith("'sha")) || a.localeCompare(b))].join(' '),
    )
    .join('; ');
}

/** Writes `_headers` (the format static hosts read; docs/deploy.md shows the nginx equivalent). */
export function writeHeadersFile(siteDir: string): string {
  const policies = readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => META.exec(readUntil(join(siteDir, f), '</head>').toString('utf8'))?.[1])
    .filter((p): p is string => Boolean(p));
  const policy = sitePolicy(policies);
  const text = `/*
  Content-Security-Policy: ${policy}
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin
  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()
/_astro/*
  Cache-Control: public, max-age=31536000, immutable
/fonts/*
  Cache-Control: public, max-age=31536000, immutable
/pagefind/*
  Cache-Control: public, max-age=300, must-revalidate
`;
  writeFileSync(join(siteDir, '_headers'), text);
  return policy;
}

/** One block of a `_headers` file: a path pattern and the headers it sets (names in lower case). */
export interface HeaderRule {
  pattern: string;
  headers: Record<string, string>;
}

/**
 * Reads a `_headers` file: an unindented line is a path pattern, each indented `Name: value` line
 * below it a header of that pattern. Lines that are neither (blank, `#` comments) are skipped.
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: {} });
      continue;
    }
    const colon = line.indexOf(':');
    const rule = rules.at(-1);
    if (colon < 0 || !rule) continue;
    rule.headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return rules;
}

/** Whether a `_headers` pattern (`/*`, `/_astro/*`, `/rss.xml`) matches a URL path; `*` matches anything. */
export function patternMatches(pattern: string, path: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(path);
}

/**
 * The headers `_headers` gives a URL path: every matching block in file order, a later block's
 * value of the same header replacing an earlier one's. The file `writeHeadersFile` writes never
 * sets one header in two matching blocks, so this agrees with hosts that join such values instead.
 */
export function headersForPath(rules: HeaderRule[], path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) if (patternMatches(rule.pattern, path)) Object.assign(headers, rule.headers);
  return headers;
}
