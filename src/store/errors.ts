import { errorMessage } from '../kit/index.js';
import { scrubSecrets } from '../log.js';

export type StoreErrorCode =
  | 'store.unavailable' // could not open / connect
  | 'store.closed' // used after close()
  | 'store.timeout' // an operation took longer than the store's limit
  | 'store.corrupt' // stored data is missing or malformed (e.g. a catalog chunk is gone)
  | 'store.failed'; // any other backend failure

/**
 * A storage operation failed. Carries the operation and key, and a cleaned message of the
 * backend's error; never the connection URL's password (the raw cause is not kept for that reason).
 */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly code: StoreErrorCode;
  readonly op: string;
  readonly key: string | undefined;
  readonly backend: string;
  /** Backend error code when there was one ('SQLITE_CANTOPEN', 'ECONNREFUSED'...). */
  readonly causeCode: string | undefined;

  constructor(init: { code: StoreErrorCode; op: string; key?: string; backend: string; message: string; causeCode?: string }) {
    super(`${init.backend} ${init.op}${init.key ? ` "${init.key}"` : ''} failed: ${init.message}`);
    this.code = init.code;
    this.op = init.op;
    this.key = init.key;
    this.backend = init.backend;
    this.causeCode = init.causeCode;
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, op: this.op, key: this.key, backend: this.backend, causeCode: this.causeCode, message: this.message };
  }
}

/** Bad input to a repository (a rating of 7, an empty id). `code` maps to a user-facing message. */
export class ValidationError extends RangeError {
  override readonly name = 'ValidationError';
  constructor(readonly code: string, message: string, readonly context: Record<string, unknown> = {}) {
    super(message);
  }
}

/** Replaces `user:password@` in any URL inside `text`, plus the given secrets. */
export function redactUrl(text: string, secrets: (string | undefined)[] = []): string {
  return scrubSecrets(text, secrets).replace(/([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)[^@\s]*@/gi, '$1[redacted]@');
}

/** Wraps anything thrown by a backend into a StoreError (a StoreError passes through). */
export function toStoreError(
  error: unknown,
  ctx: { op: string; key?: string; backend: string; secrets?: (string | undefined)[]; code?: StoreErrorCode; where?: string },
): StoreError {
  if (error instanceof StoreError) return error;
  const raw = errorMessage(error);
  const causeCode = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : undefined;
  return new StoreError({
    code: ctx.code ?? 'store.failed',
    op: ctx.op,
    key: ctx.key,
    backend: ctx.backend,
    message: `${redactUrl(raw, ctx.secrets).slice(0, 500)}${ctx.where && !raw.includes(ctx.where) ? ` (${ctx.where})` : ''}`,
    causeCode,
  });
}
