import { readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Server } from 'node:http';
import { startStaticServer } from '../../../src/lib/serve/staticServer.ts';

export const DIST = resolve(import.meta.dirname, '../../../dist');

/** Serves the built site on an ephemeral loopback port for one test file. */
export async function serveDist(): Promise<{ url: string; close: () => Promise<void> }> {
  const { server, url }: { server: Server; url: string } = await startStaticServer(DIST);
  return { url, close: () => new Promise((done) => server.close(() => done())) };
}

/** Every HTML page of the build as a URL path (`/yaodian/2021/01/`). */
export function htmlPages(): string[] {
  return readdirSync(DIST, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => '/' + f.split(sep).join('/').replace(/index\.html$/, ''))
    .sort();
}

export function distPath(...parts: string[]): string {
  return join(DIST, ...parts);
}

export function relativeToDist(path: string): string {
  return relative(DIST, path);
}
