/**
 * Global setup of the e2e project: stops the run before any test when `dist/` was not built by
 * `npm run build` from the sources as they are now, so no test reads what an older build left.
 * It does not build: `npm test` builds before vitest runs.
 */
import { resolve } from 'node:path';
import { staleDistReason } from '../../../scripts/lib/build/buildStamp.ts';

export default function freshDist(): void {
  const reason = staleDistReason(resolve(import.meta.dirname, '../../..'));
  if (reason) throw new Error(reason);
}
