/**
 * `node scripts/lib/astroBuild.ts <outDir>`: `astro build` alone, run by `scripts/build.ts` in a
 * process of its own so that its memory is returned before the search index is built.
 */
import { resolve } from 'node:path';
import { build } from 'astro';

const outDir = process.argv[2];
if (!outDir) throw new Error('usage: node scripts/lib/astroBuild.ts <outDir>');
await build({ root: resolve(import.meta.dirname, '../..'), outDir, logLevel: 'warn' });
