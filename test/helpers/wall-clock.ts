import { vi } from 'vitest';

/**
 * Moves `Date.now()` forward on demand while real time keeps flowing (code that reads the wall clock
 * directly, such as cockatiel's circuit breaker, sees the jump). `from`: start the clock at that instant
 * (e.g. midday, so that a jump cannot cross into another day). Call `restore()` when done.
 */
export function skewWallClock(from?: number) {
  const real = Date.now.bind(Date);
  let skew = from === undefined ? 0 : from - real();
  const spy = vi.spyOn(Date, 'now').mockImplementation(() => real() + skew);
  return {
    advance(ms: number) {
      skew += ms;
    },
    restore: () => spy.mockRestore(),
  };
}
