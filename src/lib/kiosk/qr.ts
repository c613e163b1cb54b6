import { createHash } from 'node:crypto';

/** Where the build puts the QR code of an external URL: `/qr/<hash>.svg`, stable for the same URL. */
export function qrPath(url: string): string {
  return `/qr/${createHash('sha256').update(url).digest('hex').slice(0, 16)}.svg`;
}

/** A URL that leaves the site (kiosks show its QR code instead of following it). */
export function isExternal(href: string, siteUrl: string): boolean {
  try {
    const url = new URL(href, siteUrl);
    return /^https?:$/.test(url.protocol) && url.origin !== new URL(siteUrl).origin;
  } catch {
    return false;
  }
}
