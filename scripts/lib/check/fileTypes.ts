/**
 * What a file is, by its bytes rather than its name: a browser that is sent a file decides how to
 * run it from the type the server names after the extension, so a file's extension must say what
 * its bytes are. Shared by the `public/` rules and the 解读 image rules, so both read a file alike.
 */

/** The kinds of binary file `public/` may hold, by their first bytes. */
export type SniffedType = 'png' | 'jpeg' | 'webp' | 'gif' | 'ico';

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The type the file's first bytes (its signature, "magic number") name, or null for none of these. */
export function sniffType(bytes: Uint8Array): SniffedType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00]) && bytes.length >= 6 && (bytes[4]! | bytes[5]!) !== 0) return 'ico';
  return null;
}

/** The image type each image extension promises, the formats a 解读 may show. */
export const IMAGE_EXTENSIONS: Readonly<Record<string, 'png' | 'jpeg' | 'webp'>> = { png: 'png', jpg: 'jpeg', jpeg: 'jpeg', webp: 'webp' };

/** The lower-case extension of the last part of a `/`-separated path or URL path, without the dot; '' for none. */
export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** How a type is named to an editor. */
export const TYPE_NAMES: Readonly<Record<SniffedType, string>> = { png: 'PNG', jpeg: 'JPEG', webp: 'WebP', gif: 'GIF', ico: 'ICO' };
