import { describe, expect, it } from 'vitest';
import { decodeFloat32, decodeFloat32Rows, decodeInt8, encodeFloat32, encodeFloat32Rows, encodeInt8 } from '../../../src/store/vectors.js';

describe('vector encoding', () => {
  it('GIVEN a Float32Array THEN base64 round-trips it exactly', () => {
    const v = new Float32Array([0.1, -2.5, 3.14159, 1e-30, -0]);
    const back = decodeFloat32(encodeFloat32(v));
    expect(Array.from(back)).toEqual(Array.from(v));
  });

  it('GIVEN a view into a larger buffer THEN only the view is encoded', () => {
    const big = new Float32Array([1, 2, 3, 4, 5]);
    expect(Array.from(decodeFloat32(encodeFloat32(big.subarray(1, 3))))).toEqual([2, 3]);
  });

  it('GIVEN an Int8Array THEN base64 round-trips it exactly', () => {
    const v = new Int8Array([-128, -1, 0, 1, 127]);
    expect(Array.from(decodeInt8(encodeInt8(v)))).toEqual([-128, -1, 0, 1, 127]);
  });

  it('GIVEN rows of equal length THEN they pack into one string and unpack in order', () => {
    const rows = [new Float32Array([1, 2]), new Float32Array([3, 4]), new Float32Array([5, 6])];
    const { dims, data } = encodeFloat32Rows(rows);
    expect(dims).toBe(2);
    expect(decodeFloat32Rows(data, 2, 3).map((r) => Array.from(r))).toEqual([[1, 2], [3, 4], [5, 6]]);
  });

  it('GIVEN rows of different lengths THEN encoding refuses', () => {
    expect(() => encodeFloat32Rows([new Float32Array(2), new Float32Array(3)])).toThrow(RangeError);
  });

  it('GIVEN base64 whose length is not a whole number of floats THEN decoding refuses', () => {
    expect(() => decodeFloat32(Buffer.from([1, 2, 3]).toString('base64'))).toThrow(RangeError);
  });
});
