import type { ServerResponse } from 'node:http';

/**
 * Delays an answer by `ms` (a slow server). Resolves true when the time is up, false as soon as the client
 * hangs up (its timeout fired). Pending timers are kept in `timers` so `close()` can clear them.
 */
export function answerDelay(timers: Set<NodeJS.Timeout>) {
  return (ms: number, res: ServerResponse) =>
    new Promise<boolean>((resolve) => {
      if (ms <= 0) return resolve(true);
      const t = setTimeout(() => {
        timers.delete(t);
        resolve(true);
      }, ms);
      timers.add(t);
      res.on('close', () => {
        clearTimeout(t);
        timers.delete(t);
        resolve(false);
      });
    });
}
