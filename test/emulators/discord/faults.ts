/**
 * Injected failures: the next REST call(s) matching a method, a path and (optionally) the request body are
 * answered with a Discord JSON error instead of being handled, like a transient refusal or a permission that
 * was missing for a moment. Each fault answers `times` calls (default 1), then the route works again.
 */
import type { EmulatorState } from './state.js';
import type { Json } from './types.js';

export interface FaultInput {
  method: string;
  /** The API path without `/api/v10`, e.g. `/channels/c1/messages`. */
  path: string | RegExp;
  /** Only calls whose JSON body passes this (e.g. a reply to one message). */
  when?: (body: Json | undefined) => boolean;
  /** Default 403 with code 50013 (Missing Permissions). */
  status?: number;
  code?: number;
  message?: string;
  times?: number;
}

interface Fault extends Required<Omit<FaultInput, 'when'>> { when?: FaultInput['when'] }

const faults = new WeakMap<EmulatorState, Fault[]>();

/** The fault that answers this call, if any (its count goes down by one). */
export function takeFault(state: EmulatorState, method: string, path: string, body: Json | undefined): { status: number; code: number; message: string } | undefined {
  const list = faults.get(state) ?? [];
  const f = list.find((x) => x.times > 0 && x.method === method && (typeof x.path === 'string' ? x.path === path : x.path.test(path)) && (!x.when || x.when(body)));
  if (!f) return undefined;
  f.times--;
  return { status: f.status, code: f.code, message: f.message };
}

export interface FaultControls {
  /** The next matching REST call(s) fail with a Discord error (faults.ts). */
  failNext(input: FaultInput): void;
}

export function faultControls(state: EmulatorState): FaultControls {
  return {
    failNext(input) {
      const list = faults.get(state) ?? [];
      faults.set(state, list);
      list.push({ status: 403, code: 50013, message: 'Missing Permissions', times: 1, ...input, method: input.method.toUpperCase() });
    },
  };
}
