/**
 * Loading Pagefind so that the search page never waits forever (docs/pagefind-mergeindex.md).
 *
 * Pagefind 1.6 has no timeout on its downloads, and its `mergeIndex` polls every 50 ms until the
 * primary index's WebAssembly is loaded without looking at whether the primary failed to load:
 * one failed request for `/pagefind/pagefind-entry.json` or `wasm.*.pagefind` (an error status,
 * a deploy swapping files, a connection lost) and every `mergeIndex` call spins forever, while
 * `search` on the same failure rejects. Its module also keeps the failed instance: asking again
 * asks the same broken one. `mergeIndexes` starts from a fresh Pagefind, waits for the primary through a
 * call that does report its failure, and puts a deadline on each step; `withTimeout` bounds a
 * search the same way.
 */

/** The part of Pagefind's module API (`/pagefind/pagefind.js`) used here. */
export interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  preload(term: string): Promise<void>;
  mergeIndex(path: string): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * How long one step (the primary index, the merges, a search) may take before the page gives up
 * and says so. The primary's script, WebAssembly (55 KB) and metadata plus a merged index's entry
 * and metadata are under 150 KB: 10 s at 120 kbit/s, a slow mobile link; a loaded CPU adds
 * seconds, not tens of them.
 */
export const SEARCH_STEP_TIMEOUT_MS = 20_000;

/** A step of loading or searching the index that did not finish in time. */
export class SearchTimeoutError extends Error {
  readonly step: string;
  readonly ms: number;
  constructor(step: string, ms: number) {
    super(`搜索索引超时 / search index timed out: ${step} took over ${ms} ms`);
    this.name = 'SearchTimeoutError';
    this.step = step;
    this.ms = ms;
  }
}

/** `work`, or a `SearchTimeoutError` naming `step` when it has not settled after `ms`. */
export async function withTimeout<T>(work: Promise<T>, ms: number, step: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new SearchTimeoutError(step, ms)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A fresh Pagefind with the indexes at `paths` (from `/pagefind/shards.json`) merged into its
 * primary one: resolves with `pf`, or rejects with the cause, each step bounded by `ms`.
 *
 * 1. `destroy()` first: Pagefind's module keeps one instance for the life of the page, so without
 *    it a second call after a failure (of a load or of a search) would ask the failed primary
 *    again, or merge an index twice and return each of its results twice.
 * 2. `options` (Pagefind's own, e.g. `excerptLength`), which `destroy` forgets.
 * 3. `preload('')` resolves once the primary index is loaded and rejects with its load error (an
 *    empty term loads nothing more); `mergeIndex` would wait for it forever instead.
 * 4. The merges, together.
 */
export async function mergeIndexes<T extends PagefindModule>(
  pf: T,
  paths: readonly string[],
  { ms = SEARCH_STEP_TIMEOUT_MS, options }: { ms?: number; options?: Record<string, unknown> } = {},
): Promise<T> {
  await withTimeout(pf.destroy(), ms, 'resetting Pagefind');
  if (options) await pf.options(options);
  await withTimeout(pf.preload(''), ms, 'loading the primary index');
  await withTimeout(Promise.all(paths.map((path) => pf.mergeIndex(path))), ms, `merging ${paths.join(', ')}`);
  return pf;
}
