import type { z } from 'zod';

/** Finds the end of the balanced JSON value starting at `start` ('{' or '['), honouring strings; -1 if none. */
function balancedEnd(s: string, start: number): number {
  const stack: string[] = [];
  let inString = false;
  for (let i = start; i < s.length; i++) {
    const c = s[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') stack.push(c === '{' ? '}' : ']');
    else if (c === '}' || c === ']') {
      if (stack.pop() !== c) return -1;
      if (stack.length === 0) return i;
    }
  }
  return -1;
}

function tryParse(s: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(s) };
  } catch {
    return { ok: false };
  }
}

/**
 * Extracts the JSON value from a model's answer, tolerating prose before or after it and code fences
 * around it. Returns undefined when no JSON object or array can be found.
 */
export function extractJson(text: string): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  const direct = tryParse(t);
  if (direct.ok && typeof direct.value === 'object' && direct.value !== null) return direct.value;
  const candidates: string[] = [];
  for (const m of t.matchAll(/```(?:json|JSON)?\s*\n?([\s\S]*?)```/g)) candidates.push(m[1].trim());
  candidates.push(t);
  for (const c of candidates) {
    const whole = tryParse(c);
    if (whole.ok && typeof whole.value === 'object' && whole.value !== null) return whole.value;
    for (let i = 0; i < c.length; i++) {
      if (c[i] !== '{' && c[i] !== '[') continue;
      const end = balancedEnd(c, i);
      if (end < 0) continue;
      const p = tryParse(c.slice(i, end + 1));
      if (p.ok) return p.value;
    }
  }
  return undefined;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Extracts JSON from `text`, then validates it with `schema`. Errors are short and safe to show. */
export function parseAnswer<S extends z.ZodType>(text: string, schema: S): Parsed<z.output<S>> {
  const raw = extractJson(text);
  if (raw === undefined) return { ok: false, error: text.trim() === '' ? 'empty answer' : 'no JSON in the answer' };
  const r = schema.safeParse(raw);
  if (!r.success) {
    const first = r.error.issues[0];
    return { ok: false, error: `answer has the wrong shape${first ? ` at ${first.path.join('.') || 'top'}: ${first.message}` : ''}` };
  }
  return { ok: true, value: r.data };
}
