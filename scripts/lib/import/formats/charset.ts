/**
 * Decoding a file's bytes to text. Chinese government portals still serve many pages in GBK or
 * GB2312, and editors save text files in either UTF-8 or GBK, so every reader goes through here.
 */

/** The GB family: GB2312 and GBK are subsets of GB18030, so one decoder reads all three. */
const GB_FAMILY = new Set(['gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936', 'csgb2312', 'euc-cn', 'chinese']);

export interface Decoded {
  text: string;
  /** The charset actually used: `utf-8`, `utf-16le`, `utf-16be`, or the declared label (lower case). */
  charset: string;
}

/** The decoder label for a declared charset (`gb2312` → `gb18030`); undefined when Node has no decoder for it. */
export function decoderLabel(charset: string): string | undefined {
  const label = charset.trim().toLowerCase();
  if (GB_FAMILY.has(label)) return 'gb18030';
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

/** Strict UTF-8, or undefined when the bytes are not valid UTF-8. */
function utf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Decodes bytes: a byte-order mark wins; then valid UTF-8 wins (a page saved by a browser is often
 * re-encoded as UTF-8 while its `<meta>` still says gb2312, and GBK text of any length is never
 * valid UTF-8 by accident); then the declared charset; without one, GB18030.
 */
export function decodeBytes(bytes: Uint8Array, declared?: string): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), charset: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), charset: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), charset: 'utf-16be' };
  const asUtf8 = utf8(bytes);
  if (asUtf8 !== undefined) return { text: asUtf8, charset: 'utf-8' };
  const label = declared ? decoderLabel(declared) : undefined;
  if (declared && label && label !== 'utf-8') {
    return { text: new TextDecoder(label).decode(bytes), charset: declared.trim().toLowerCase() };
  }
  return { text: new TextDecoder('gb18030').decode(bytes), charset: 'gb18030' };
}
