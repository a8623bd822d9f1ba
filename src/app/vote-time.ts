import { AppError } from './errors.js';

/**
 * When an event starts, as a member types it: `2026-12-24 20:00` (UTC; `T` instead of the space, seconds,
 * and a trailing `Z` or `UTC` are fine). AppError('event.time') when it cannot be read, ('event.past') when it has passed.
 */
export function parseEventTime(text: string, now: number): number {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:Z|UTC)?\s*$/i.exec(text);
  const value = text.trim().slice(0, 40);
  if (!m) throw new AppError('event.time', { value });
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March: a date that does not exist is refused, not moved.
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) throw new AppError('event.time', { value });
  if (ms <= now) throw new AppError('event.past');
  return ms;
}
