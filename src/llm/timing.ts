/** Timers that never outlive the call they belong to: each is cleared when its promise settles. */

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Abortable sleep; rejects with the signal's reason when aborted, and always clears its timer. */
export const sleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason);
    };
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * A signal that aborts after `ms` or when `outer` aborts, whichever comes first. Call `done()` when the work
 * settles: it clears the timer and detaches from `outer`, so nothing keeps the process alive.
 */
export function deadline(ms: number, outer?: AbortSignal): { signal: AbortSignal; timedOut(): boolean; done(): void } {
  const ctrl = new AbortController();
  let fired = false;
  const t = setTimeout(() => {
    fired = true;
    ctrl.abort(new Error(`timed out after ${ms} ms`));
  }, ms);
  const onOuter = () => ctrl.abort(outer?.reason);
  if (outer?.aborted) ctrl.abort(outer.reason);
  else outer?.addEventListener('abort', onOuter, { once: true });
  return {
    signal: ctrl.signal,
    timedOut: () => fired,
    done() {
      clearTimeout(t);
      outer?.removeEventListener('abort', onOuter);
    },
  };
}

/** Runs `fn` over `items` with at most `limit` in flight; results keep the input order. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}
