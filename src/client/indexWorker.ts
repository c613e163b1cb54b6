/**
 * A search worker (`searchWorker.ts`) as the search page uses it: each call answers or rejects
 * within its time limit; a worker that fails to start or dies rejects every call waiting on it.
 */
import { withTimeout } from '../lib/search/pagefindLoad.ts';
import type { SearchReply, SearchRequest } from './searchWorkerProtocol.ts';

export class IndexWorker {
  readonly #worker = new Worker(new URL('./searchWorker.ts', import.meta.url), { type: 'module' });
  readonly #waiting = new Map<number, { resolve(result: unknown): void; reject(error: Error): void }>();
  #next = 0;

  constructor() {
    this.#worker.addEventListener('message', (event: MessageEvent<SearchReply>) => {
      const reply = event.data;
      const waiting = this.#waiting.get(reply.id);
      this.#waiting.delete(reply.id);
      if ('error' in reply) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply.result);
    });
    this.#worker.addEventListener('error', (event) =>
      this.#failAll(new Error(`search worker failed: ${event.message || 'could not start'}`)),
    );
  }

  /** Asks the worker: rejects with a `SearchTimeoutError` naming `step` after `ms`. */
  async call<T>(request: SearchRequest, step: string, ms: number): Promise<T> {
    const id = this.#next++;
    const answer = new Promise<T>((resolve, reject) => {
      this.#waiting.set(id, { resolve: resolve as (result: unknown) => void, reject });
      this.#worker.postMessage({ id, request });
    });
    try {
      return await withTimeout(answer, ms, step);
    } finally {
      this.#waiting.delete(id);
    }
  }

  /** Stops the worker (a failed load, or the page starts again): what was waiting rejects. */
  terminate(): void {
    this.#worker.terminate();
    this.#failAll(new Error('search worker stopped'));
  }

  #failAll(error: Error): void {
    for (const { reject } of this.#waiting.values()) reject(error);
    this.#waiting.clear();
  }
}
