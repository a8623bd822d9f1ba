/**
 * In-flight work and a graceful stop: `track` runs work while the process takes new work; after `stop()` new
 * work is refused (`track` answers `refused`) and `idle(graceMs)` waits for what runs to finish, up to a
 * deadline. Used by the Discord face (interactions, conversation messages) and read by the health check.
 */
export class Drain {
  private active = 0;
  private stopped = false;
  private waiters = new Set<() => void>();

  /** True once `stop()` was called: new work is refused. */
  get stopping(): boolean {
    return this.stopped;
  }

  /** Work running now. */
  get inFlight(): number {
    return this.active;
  }

  /** Runs `work` as in-flight work; once stopping, runs `refused` instead, which is not counted. */
  async track<T>(work: () => Promise<T>, refused: () => Promise<T>): Promise<T> {
    if (this.stopped) return refused();
    this.active += 1;
    try {
      return await work();
    } finally {
      this.active -= 1;
      if (this.active === 0) this.wake();
    }
  }

  /** Refuses new work from now on. */
  stop(): void {
    this.stopped = true;
  }

  /**
   * Resolves true once nothing is in flight, or false when `graceMs` ran out first (or `hurry()` was called).
   */
  idle(graceMs: number): Promise<boolean> {
    if (this.active === 0) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(ok);
      };
      const wake = () => done(this.active === 0);
      const timer = setTimeout(() => done(false), graceMs);
      this.waiters.add(wake);
    });
  }

  /** Ends every `idle` wait now (a second stop signal: do not wait any longer). */
  hurry(): void {
    this.wake();
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }
}
