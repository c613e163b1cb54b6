/** `npm run check [-- --json]`: every content rule, grouped by file; exit 1 on any error. */
import { resolve } from 'node:path';
import { runContentCheck } from './lib/runContentCheck.ts';

const ok = runContentCheck(resolve(import.meta.dirname, '..'), { json: process.argv.includes('--json') });
process.exitCode = ok ? 0 : 1;
