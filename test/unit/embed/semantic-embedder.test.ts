import { describe, expect, it } from 'vitest';
import { createLocalEmbedder as createHashEmbedder } from '../../../src/embed/local.js';
import { createSemanticEmbedder } from '../../../src/embed/semantic/embedder.js';

const dot = (a: Float32Array, b: Float32Array): number => a.reduce((s, x, i) => s + x * b[i], 0);
const e = createSemanticEmbedder();

describe('semantic local embedder (local-sem-v2)', () => {
  it('GIVEN "robots" THEN an item about an android is closer than an unrelated item (the hashed baseline cannot tell)', async () => {
    const texts = ['robots', 'An android learns what it means to be human in a future city', 'A romantic comedy about a baker in Paris'];
    const [q, android, other] = await e.embed(texts);
    expect(dot(q, android)).toBeGreaterThan(dot(q, other) + 0.05);
    const [hq, hAndroid, hOther] = await createHashEmbedder().embed(texts);
    expect(dot(hq, hAndroid)).toBeLessThan(dot(q, android));
    expect(Math.abs(dot(hq, hAndroid) - dot(hq, hOther))).toBeLessThan(0.05);
  });

  it('GIVEN "dragons" THEN an item with "dragon" is close and closer than an unrelated item', async () => {
    const [q, dragon, other] = await e.embed(['movies about dragons', 'A young knight tames a dragon', 'A young lawyer takes on a corrupt firm']);
    expect(dot(q, dragon)).toBeGreaterThan(0.4);
    expect(dot(q, dragon)).toBeGreaterThan(dot(q, other) + 0.2);
  });

  it('GIVEN "scary" THEN a horror item is closer than a comedy or a legal drama', async () => {
    const [q, horror, comedy, legal] = await e.embed([
      'something scary',
      'Horror. A family is terrorised by a ghost in their new house',
      'Comedy. Two friends open a bakery',
      'Drama. A lawyer defends a client in court',
    ]);
    expect(dot(q, horror)).toBeGreaterThan(dot(q, comedy));
    expect(dot(q, horror)).toBeGreaterThan(dot(q, legal));
  });

  it('GIVEN request filler words ("movie", "something", "like", "watch", "tonight", "good") THEN they carry no weight', async () => {
    const [a, b, c] = await e.embed(['robots', 'something good like a movie about robots to watch tonight', 'I want a good film with robots please']);
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(Array.from(c)).toEqual(Array.from(a));
    const [q, titled] = await e.embed(['a good movie to watch tonight', 'Tonight: a film']);
    // a request of nothing but filler still works on exact words, with no vector meaning
    expect(Array.from(q).some((x) => x !== 0)).toBe(true);
    expect(dot(q, titled)).toBeGreaterThan(0);
  });

  it('GIVEN a title made of a filler word ("Up") THEN it is kept and found by its word', async () => {
    const [q, up, other] = await e.embed(['up', 'Up', 'Heat']);
    expect(dot(q, up)).toBeCloseTo(1, 5);
    expect(dot(q, other)).toBeLessThan(0.2);
  });

  it('GIVEN the same text in different batches and embedders THEN the vector is identical (deterministic, stateless)', async () => {
    const [a] = await e.embed(['A heist thriller in Los Angeles']);
    const [, b] = await createSemanticEmbedder().embed(['something else entirely', 'A heist thriller in Los Angeles']);
    const [c] = await e.embed(['A heist thriller in Los Angeles']);
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(Array.from(c)).toEqual(Array.from(a));
  });

  it('GIVEN default options THEN vectors are 624-dim, L2-normalised, and the model id names the dims and settings', async () => {
    expect(e.model).toBe('local-sem-v2-624');
    expect(e.dims).toBe(624);
    const [v] = await e.embed(['Toy Story (1995). Adventure, Animation, Children, Comedy, Fantasy, pixar, fun']);
    expect(v.length).toBe(624);
    expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 5);
    expect(createSemanticEmbedder({ lexicalDims: 1024 }).model).toBe('local-sem-v2-1136');
    const tuned = createSemanticEmbedder({ semanticShare: 0.7 }).model;
    expect(tuned).toMatch(/^local-sem-v2-624-[0-9a-z]+$/);
    expect(createSemanticEmbedder({ semanticShare: 0.4 }).model).toBe('local-sem-v2-624');
  });

  it('GIVEN "science fiction" or "sci-fi" THEN both are the same phrase token and give the same vector', async () => {
    const [a, b, c] = await e.embed(['science fiction', 'sci-fi', 'science']);
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(dot(a, c)).toBeLessThan(0.9);
  });

  it('GIVEN a misspelt title word THEN character n-grams keep it closer to the right spelling', async () => {
    const [a, b, c] = await e.embed(['terminator', 'terminater', 'casablanca']);
    expect(dot(a, b)).toBeGreaterThan(dot(a, c) + 0.1);
  });

  it('GIVEN "a coming of age story" THEN a coming-of-age film ranks above a film that only has "Story" in its title', async () => {
    const [q, teen, toy] = await e.embed([
      'a coming of age story',
      'Thirteen (2003). Drama, coming of age, teenagers',
      'Toy Story (1995). Adventure, Animation, Children, Comedy',
    ]);
    expect(dot(q, teen)).toBeGreaterThan(dot(q, toy) + 0.1);
    // "story" is filler, but the phrase "true story" still counts
    const [tq, war, other] = await e.embed(['a true story about a war', 'Based on a true story. Soldiers in the war', 'Soldiers in the war']);
    expect(dot(tq, war)).toBeGreaterThan(dot(tq, other));
  });

  it('GIVEN a plural request word THEN an item with the singular meets it nearly as well as one with the plural', async () => {
    const [q, one, many, other] = await e.embed(['movies about robots', 'A robot falls in love', 'Robots fall in love', 'A baker falls in love']);
    expect(dot(q, one)).toBeGreaterThan(0.7 * dot(q, many));
    expect(dot(q, one)).toBeGreaterThan(dot(q, other) + 0.3);
  });

  it('GIVEN "artificial intelligence and robots" THEN android and computer-mind films rank above unrelated ones', async () => {
    const texts = [
      'a movie about artificial intelligence and robots',
      'Ex Machina (2015). Drama, Sci-Fi, Thriller, android, AI',
      'A programmer falls for the operating system of his computer',
      'Notting Hill (1999). Comedy, Romance',
      'A chef opens a restaurant in Paris',
    ];
    const [q, ...items] = await e.embed(texts);
    const order = items.map((v, i) => [dot(q, v), i] as const).sort((a, b) => b[0] - a[0]).map(([, i]) => i);
    expect(order.slice(0, 2).sort()).toEqual([0, 1]);
  });

  it('GIVEN empty text THEN the vector is all zeros rather than NaN', async () => {
    const [v, w] = await e.embed(['', '...']);
    expect(Array.from(v).every((x) => x === 0)).toBe(true);
    expect(Array.from(w).every((x) => x === 0)).toBe(true);
  });

  it('GIVEN an aborted signal THEN embed rejects', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(createSemanticEmbedder().embed(['x'], { signal: ac.signal })).rejects.toThrow();
  });

  it('GIVEN bad options THEN it throws a RangeError', () => {
    expect(() => createSemanticEmbedder({ lexicalDims: 4 })).toThrow(RangeError);
    expect(() => createSemanticEmbedder({ semanticShare: 2 })).toThrow(RangeError);
    expect(() => createSemanticEmbedder({ lexicalHashes: 0 })).toThrow(RangeError);
  });

  it('GIVEN a missing word-vector table THEN embed rejects with a message that says how to make it', async () => {
    await expect(createSemanticEmbedder({ table: '/nonexistent/word-vectors-100d' }).embed(['x'])).rejects.toThrow(/build-word-vectors/);
  });
});
