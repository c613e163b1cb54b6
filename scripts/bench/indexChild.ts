/**
 * `node scripts/bench/indexChild.ts <dist>`: runs the site's own Pagefind step
 * (`scripts/lib/build/searchIndex.ts`, the code `scripts/build.ts` calls) on an already built
 * `dist/`, so that its time and memory can be measured apart from `astro build`.
 * Run inside a benchmark workspace; the index it writes is the same as the build's.
 */
import { resolve } from 'node:path';
import { writeSearchIndex } from '../lib/build/searchIndex.ts';

const dist = process.argv[2];
if (!dist) throw new Error('usage: node scripts/bench/indexChild.ts <dist>');
const { pages } = await writeSearchIndex(resolve(dist));
console.log(`Pagefind: ${pages} pages indexed`);
