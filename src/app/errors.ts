import { messageFor, type MessageCode, type MessageContext } from './messages.js';
import { StoreError } from '../store/errors.js';

/**
 * The one error type for what a user did or can fix: its text comes from the message table in
 * `messages.ts`, by code, and every face (Discord, playground, commands) shows that text as is.
 * Anything else thrown is unexpected: logged with context, and the user gets the apology (`APOLOGY`).
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: MessageCode,
    readonly context: MessageContext = {},
  ) {
    super(messageFor(code, context));
  }
}

/**
 * The user error in `e`, or null when `e` is unexpected. Besides an AppError, a service error carrying a
 * `userMessage` string counts (its text is already written for the user), as `service.message`.
 */
export function asUserError(e: unknown): AppError | null {
  if (e instanceof AppError) return e;
  // The store not answering (Redis down, a file it cannot open) is something a member should hear plainly.
  if (e instanceof StoreError && isUnreachable(e)) return new AppError('store.unavailable');
  if (e && typeof e === 'object' && 'userMessage' in e && typeof (e as { userMessage: unknown }).userMessage === 'string') {
    return new AppError('service.message', { text: (e as { userMessage: string }).userMessage });
  }
  return null;
}

/** A connection the store lost or could not make (as opposed to bad data or a bug). */
const CONNECTION = /ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|EHOSTUNREACH|socket closed|client is closed|connection (?:lost|closed)/i;

function isUnreachable(e: StoreError): boolean {
  return e.code === 'store.unavailable' || e.code === 'store.timeout' || CONNECTION.test(`${e.causeCode ?? ''} ${e.message}`);
}
