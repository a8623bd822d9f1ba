import { ValidationError } from './errors.js';

/**
 * Key builders: the one place that knows the key layout of DESIGN.md "Data".
 * Ids are checked so that one id can never reach into another's keys.
 */
const ID = /^[A-Za-z0-9_.-]{1,100}$/;
const SCOPE = /^(dm:)?[A-Za-z0-9_.-]{1,100}$/;

export function checkId(kind: string, value: string): string {
  if (typeof value !== 'string' || !ID.test(value)) throw new ValidationError('key.id', `invalid ${kind} id`, { kind, value: String(value).slice(0, 120) });
  return value;
}

export function checkScope(scope: string): string {
  if (typeof scope !== 'string' || !SCOPE.test(scope)) throw new ValidationError('key.scope', 'invalid scope', { value: String(scope).slice(0, 120) });
  return scope;
}

export const keys = {
  profile: (scope: string, user: string) => `profile:${checkScope(scope)}:${checkId('user', user)}`,
  profileIndex: (scope: string) => `profiles:${checkScope(scope)}`,
  catalogPointer: (scope: string) => `catalog:${checkScope(scope)}`,
  catalogChunkPrefix: (scope: string) => `catalog:${checkScope(scope)}:v`,
  catalogChunk: (scope: string, version: number, chunk: number) => `catalog:${checkScope(scope)}:v${version}:${chunk}`,
  conversation: (threadId: string) => `conv:${checkId('thread', threadId)}`,
  conversationIndex: (scope: string, user: string) => `convs:${checkScope(scope)}:${checkId('user', user)}`,
  usage: (scope: string, user: string, day: string) => `usage:${checkScope(scope)}:${checkId('user', user)}:${day}`,
  usageUserPrefix: (scope: string, user: string) => `usage:${checkScope(scope)}:${checkId('user', user)}:`,
  usageServer: (scope: string, day: string) => `usage:${checkScope(scope)}:*:${day}`,
  settings: (scope: string) => `settings:${checkScope(scope)}`,
} as const;
