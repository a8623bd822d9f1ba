import { expect, it } from 'vitest';
import { describeStores } from '../../helpers/store.js';
import { EmbeddingCache } from '../../../src/store/embcache.js';

describeStores('EmbeddingCache', (ctx) => {
  it('GIVEN some texts cached THEN getMany returns their vectors in order and undefined for the rest', async () => {
    const cache = new EmbeddingCache(ctx.store);
    await cache.setMany('models/text-embedding-004', ['heat', 'alien'], [new Float32Array([1, 2, 3]), new Float32Array([4, 5, 6])]);
    const got = await cache.getMany('models/text-embedding-004', ['alien', 'unknown', 'heat']);
    expect(got.map((v) => (v ? Array.from(v) : v))).toEqual([[4, 5, 6], undefined, [1, 2, 3]]);
  });

  it('GIVEN the same text under another model THEN it is a miss', async () => {
    const cache = new EmbeddingCache(ctx.store);
    await cache.setMany('a', ['heat'], [new Float32Array([1])]);
    expect(await cache.getMany('b', ['heat'])).toEqual([undefined]);
  });

  it('GIVEN the key THEN it is emb:{model}:{sha256 of the text}', () => {
    const cache = new EmbeddingCache(ctx.store);
    expect(cache.key('m1', 'abc')).toBe('emb:m1:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('GIVEN texts and vectors of different counts THEN setMany refuses', async () => {
    await expect(new EmbeddingCache(ctx.store).setMany('m', ['a', 'b'], [new Float32Array(1)])).rejects.toMatchObject({ code: 'emb.length' });
  });
});
