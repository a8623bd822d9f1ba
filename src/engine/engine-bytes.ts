/**
 * How many bytes of memory a value holds, estimated by walking it: typed arrays by their buffers (each buffer
 * once, so views of one store count once), strings by length, objects, arrays, Maps and Sets by their entries
 * plus V8's per-slot overhead (64-bit, no pointer compression, as in Node 20). Large containers are sampled
 * (the first, middle and last entries, `SAMPLE` in all) and extrapolated, so a 50,000-item catalog costs a
 * few ms to weigh, not a walk over every item.
 *
 * What it cannot see: data held only in closures (functions count 0) and in `#private` fields. Shared
 * objects (the embedder, the community prior) are passed in `shared` and count 0: every scope uses them, so
 * dropping a scope frees nothing of them.
 */

const OBJECT = 24;
const SLOT = 8;
const STRING = 16;
const TYPED = 64;
const MAP_ENTRY = 28;
const SET_ENTRY = 20;
const SAMPLE = 64;

export interface WeighOptions {
  /** Objects counted as 0 together with everything reachable only through them. */
  shared?: ReadonlySet<object>;
}

/** Estimated bytes held by `value` (see the file comment for what counts). */
export function estimateBytes(value: unknown, o: WeighOptions = {}): number {
  const seen = new WeakSet<object>();
  const shared = o.shared ?? new Set<object>();

  const strBytes = (s: string): number => STRING + s.length * (isOneByte(s) ? 1 : 2);

  const sampled = <T>(items: readonly T[], each: (x: T) => number): number => {
    const n = items.length;
    if (n <= SAMPLE) return items.reduce((sum, x) => sum + each(x), 0);
    let sum = 0;
    const step = (n - 1) / (SAMPLE - 1);
    for (let k = 0; k < SAMPLE; k++) sum += each(items[Math.round(k * step)]);
    return (sum / SAMPLE) * n;
  };

  const walk = (v: unknown): number => {
    if (typeof v === 'string') return strBytes(v);
    if (v === null || typeof v !== 'object') return 0; // numbers are in their slot; functions are not walked
    if (seen.has(v) || shared.has(v)) return 0;
    seen.add(v);
    if (ArrayBuffer.isView(v)) {
      const buf = v.buffer;
      if (seen.has(buf)) return TYPED;
      seen.add(buf);
      return TYPED + buf.byteLength;
    }
    if (v instanceof ArrayBuffer) return TYPED + v.byteLength;
    if (Array.isArray(v)) return OBJECT + v.length * SLOT + sampled(v, walk);
    if (v instanceof Map) {
      const entries = [...v.entries()];
      return OBJECT + sampled(entries, ([k, x]) => MAP_ENTRY + walk(k) + walk(x));
    }
    if (v instanceof Set) return OBJECT + sampled([...v.values()], (x) => SET_ENTRY + walk(x));
    if (v instanceof Promise || v instanceof WeakMap || v instanceof WeakSet) return OBJECT;
    const keys = Object.getOwnPropertyNames(v);
    const record = v as Record<string, unknown>;
    return OBJECT + keys.length * SLOT + sampled(keys, (k) => walk(record[k]));
  };

  return Math.round(walk(value));
}

/** Whether V8 can keep the string one byte per character (Latin-1 only). */
function isOneByte(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return false;
  return true;
}
