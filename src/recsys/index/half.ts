/**
 * float16 vectors: Node 20 has no Float16Array, so halves live in a Uint16Array (converted by
 * ../models/float16.ts, as the community prior stores its values) and are read back through a
 * 65,536-entry table (256 KB, built once) by the JS loop.
 */
import { fromHalf } from '../models/float16.js';

export { toHalf } from '../models/float16.js';

let table: Float32Array | undefined;

/** halfTable()[bits] is the float value of the half `bits`. */
export function halfTable(): Float32Array {
  if (!table) {
    table = new Float32Array(65536);
    for (let h = 0; h < 65536; h++) table[h] = fromHalf(h);
  }
  return table;
}
