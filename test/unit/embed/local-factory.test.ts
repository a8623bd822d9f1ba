import { describe, expect, it } from 'vitest';
import { createLocalEmbedder as createHashEmbedder } from '../../../src/embed/local.js';
import { createLocalEmbedder, isLocalEmbedderKind, localEmbedderKindOf } from '../../../src/embed/semantic/factory.js';

describe('createLocalEmbedder(kind)', () => {
  it('GIVEN "hash" (the default) THEN it is the local-hash-v1 baseline, vector for vector', async () => {
    const e = createLocalEmbedder();
    expect(e.model).toBe('local-hash-v1-512');
    expect(createLocalEmbedder('hash', { dims: 128 }).model).toBe('local-hash-v1-128');
    const [a] = await e.embed(['A heist thriller']);
    const [b] = await createHashEmbedder().embed(['A heist thriller']);
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it('GIVEN "semantic" THEN it is local-sem-v2 (a new id, so stored local-sem-v1 vectors are re-embedded)', () => {
    const e = createLocalEmbedder('semantic');
    expect(e.model).toBe('local-sem-v2-624');
    expect(e.model).not.toBe('local-sem-v1-624');
    expect(e.dims).toBe(624);
  });

  it('GIVEN model ids and names THEN the kind is recognised; unknown kinds are refused', () => {
    expect(localEmbedderKindOf('local-hash-v1-512')).toBe('hash');
    expect(localEmbedderKindOf('local-sem-v2-624')).toBe('semantic');
    expect(localEmbedderKindOf('local-sem-v1-624')).toBe('semantic');
    expect(localEmbedderKindOf('text-embedding-004')).toBeUndefined();
    expect(isLocalEmbedderKind('semantic')).toBe(true);
    expect(isLocalEmbedderKind('bert')).toBe(false);
    expect(() => createLocalEmbedder('bert' as never)).toThrow(RangeError);
  });
});
