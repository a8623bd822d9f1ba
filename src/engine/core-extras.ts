/**
 * Indexes derived from a catalog core's items after it is built (the title-word index of src/app/title-echo.ts),
 * kept with the core and weighed with it in ENGINE_MEMORY_MB: whoever builds one tells its bytes (`grew`), and
 * the engine adds them to the core's weight (`onGrow`). Their contents are private, so that walking the core
 * (engine-bytes.ts) does not count them a second time.
 */
export class CoreExtras {
  readonly #built = new Map<string, object>();
  /** Bytes the extras hold, as their builders told. */
  bytes = 0;
  /** Told the new total after each growth (set by the engine for a core it holds). */
  onGrow?: (bytes: number) => void;

  get<T extends object>(name: string): T | undefined {
    return this.#built.get(name) as T | undefined;
  }

  set(name: string, value: object): void {
    this.#built.set(name, value);
  }

  /** An extra finished growing by `bytes`. */
  grew(bytes: number): void {
    this.bytes += bytes;
    this.onGrow?.(this.bytes);
  }
}
