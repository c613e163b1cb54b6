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
