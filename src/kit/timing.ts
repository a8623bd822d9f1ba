/**
 * Timers that never outlive the call they belong to: each is cleared when its promise settles.
 *
 * Own code rather than `AbortSignal.timeout` or cockatiel's TimeoutPolicy, for measured reasons:
 * - `AbortSignal.timeout`'s timer cannot be cleared, and vitest's fake timers do not drive it (the gateway's
 *   overall-deadline test advances fake time to `llmDeadlineMs`);
 * - cockatiel@3's TimeoutPolicy aborts without a reason and fires `onTimeout` on a parent abort as well, so the
 *   LLM layer could not tell "the model was too slow" (`timedOut()`) from "the caller gave up".
 */

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

export interface Deadline {
  signal: AbortSignal;
  /** True when this deadline's own timer fired (not when `outer` aborted). */
  timedOut(): boolean;
  /** Clears the timer and detaches from `outer`; call when the work settles. */
  done(): void;
}

/**
 * A signal that aborts after `ms` or when `outer` aborts, whichever comes first (with `outer`'s reason, or
 * `reason()` on timeout). Call `done()` when the work settles: nothing is then left to keep the process alive.
 */
export function deadline(ms: number, outer?: AbortSignal, reason: () => unknown = () => new Error(`timed out after ${ms} ms`)): Deadline {
  const ctrl = new AbortController();
  let fired = false;
  const t = setTimeout(() => {
    fired = true;
    ctrl.abort(reason());
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

/**
 * Runs `work` with a signal that aborts after `ms` or when `parent` aborts, and settles as soon as that
 * signal aborts even if `work` ignores it: on timeout with `timeoutError()` (default a `TimeoutError`, see
 * `describeError`), on a parent abort with the parent's reason. A pipeline stage's timeout, a store call's.
 */
export function withTimeout<T>(
  work: (signal: AbortSignal) => Promise<T>,
  ms: number,
  parent?: AbortSignal,
  timeoutError: () => Error = () => new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
): Promise<T> {
  const d = deadline(ms, parent, timeoutError);
  const { signal } = d;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      const r: unknown = signal.reason;
      reject(r instanceof Error ? r : new Error(`aborted after ${ms} ms`));
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work(signal).then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  }).finally(() => d.done());
}

/**
 * `work`'s result, or `timeoutError()` once `ms` pass first: for work that takes no signal (a store call),
 * where `withTimeout`'s abort controller and listeners would be made and dropped for nothing. The timer is
 * cleared when `work` settles.
 */
export function settleWithin<T>(work: Promise<T>, ms: number, timeoutError: () => Error): Promise<T> {
  let t: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    t = setTimeout(() => reject(timeoutError()), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(t));
}
