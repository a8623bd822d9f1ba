import { messageFor, type MessageCode } from './messages.js';

/**
 * An error meant for the user: its text comes from the message table in `messages.ts`.
 * Anything else thrown in a handler is unexpected: logged with context, and the user gets a short apology.
 */
export class UserError extends Error {
  constructor(
    readonly code: MessageCode,
    readonly context: Record<string, string | number> = {},
  ) {
    super(messageFor(code, context));
    this.name = 'UserError';
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}

/** Errors from services that carry a user-facing code ({ code: 'title.notFound' }...) are treated as user errors too. */
export function asUserError(e: unknown): UserError | null {
  if (e instanceof UserError) return e;
  if (e && typeof e === 'object' && 'userMessage' in e && typeof (e as { userMessage: unknown }).userMessage === 'string') {
    return new ServiceUserError((e as { userMessage: string }).userMessage);
  }
  return null;
}

/** A service error whose message is already written for users (has a `userMessage` string). */
class ServiceUserError extends UserError {
  constructor(readonly text: string) {
    super('component.unknown');
    this.message = text;
  }
}
