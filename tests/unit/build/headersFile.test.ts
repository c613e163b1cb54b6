import { describe, expect, it } from 'vitest';
import { sitePolicy } from '../../../scripts/lib/build/headersFile.ts';

describe('site Content-Security-Policy', () => {
  it('merges the pages’ policies: same directives, union of hashes, no frames', () => {
    const policy = sitePolicy([
      "default-src 'self'; script-src 'self' 'sha256-A='; style-src 'self'",
      "default-src 'self'; script-src 'self' 'sha256-B=' 'sha256-A='; style-src 'self' 'sha256-C='",
    ]);
    expect(policy).toBe(
      "default-src 'self'; script-src 'self' 'sha256-A=' 'sha256-B='; style-src 'self' 'sha256-C='; frame-ancestors 'none'",
    );
    expect(policy).not.toContain('unsafe-inline');
  });
});
