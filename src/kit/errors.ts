/** The message of anything thrown: `err.message` for an Error, else its text. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A short line for a trace: `timeout` for a timeout (see `withTimeout`), else `Name: message`. */
export function describeError(e: unknown): string {
  if (e instanceof Error) return e.name === 'TimeoutError' ? 'timeout' : `${e.name}: ${e.message}`;
  return String(e);
}
