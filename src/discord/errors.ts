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

/**
 * Errors from the services that are written for users count as user errors too: the app's `AppError`
 * (its message comes from the app's own message table), or any error carrying a `userMessage` string.
 */
export function asUserError(e: unknown): UserError | null {
  if (e instanceof UserError) return e;
  if (e instanceof Error && e.name === 'AppError' && 'code' in e) return new ServiceUserError(e.message);
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
