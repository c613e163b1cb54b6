import { describe, expect, it } from 'vitest';
import { cspHash } from '../../../src/lib/security/cspHash.ts';

describe('cspHash', () => {
  it('is the base64 SHA-256 of the exact text, as CSP Level 3 writes it', () => {
    // The SHA-256 of the empty string, a published test vector.
    expect(cspHash('')).toBe('sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
  });
  it('counts every byte: whitespace around a script changes its hash', () => {
    expect(cspHash('a()')).not.toBe(cspHash('a()\n'));
  });
});
