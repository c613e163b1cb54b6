import { createHash } from 'node:crypto';

/**
 * The CSP source of an inline script or style: `sha256-` and the base64 SHA-256 of its exact text
 * (every byte between the tags, whitespace included), as browsers compute it. The algorithm is the
 * one `security.csp.algorithm` in astro.config.mjs names.
 */
export function cspHash(text: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
