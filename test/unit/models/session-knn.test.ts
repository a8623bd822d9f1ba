import { describe, expect, it } from 'vitest';
import { sessionKnnFromState, trainSessionKnn } from '../../../src/recsys/models/session-knn.js';
import { SessionKnnSource } from '../../../src/recsys/sources/session-knn.js';
import { profile, query } from '../recsys/helpers.js';

const titles: Record<string, string> = { x: 'Alien', y: 'Aliens', z: 'Predator', w: 'Notting Hill', a: 'Amelie', b: 'Brazil' };
const title = (id: string) => titles[id];

/** Three members watched Alien, Aliens, then Predator; two others watched Notting Hill then Amelie. */
const histories = new Map<string, string[]>([
  ['n1', ['x', 'y', 'z']],
  ['n2', ['w', 'x', 'y', 'z', 'b']],
  ['n3', ['x', 'y', 'z']],
  ['r1', ['w', 'a']],
  ['r2', ['w', 'a', 'b']],
]);

/** The emptied-out state as the training worker posts it (typed arrays copied, functions gone). */
const overTheWire = <T>(x: T): T => structuredClone(x);

describe('session-kNN model', () => {
  it('GIVEN members who watched Alien, Aliens then Predator THEN a member whose last films were Alien, Aliens gets Predator first, "after Aliens"', () => {
    const m = trainSessionKnn(histories);
    const [first] = m.scoreNext('me', ['x', 'y'], 3);
    expect(first).toMatchObject({ itemId: 'z', because: 'y' });
  });

  it('GIVEN a member whose older film leads to one pick and whose latest film to another THEN what followed the latest film ranks first', () => {
    const m = trainSessionKnn(new Map([['n1', ['x', 'a']], ['n2', ['x', 'a']], ['n3', ['w', 'b']], ['n4', ['w', 'b']]]));
    expect(m.scoreNext('me', ['x', 'w'], 2).map((h) => h.itemId)).toEqual(['b', 'a']);
    expect(m.scoreNext('me', ['w', 'x'], 2).map((h) => h.itemId)).toEqual(['a', 'b']);
  });

  it('GIVEN the member is in the model THEN they are not their own neighbour: what only they watched next is not suggested', () => {
    const m = trainSessionKnn(new Map([...histories, ['me', ['x', 'y', 'q']]]));
    const ids = m.scoreNext('me', ['x', 'y'], 10).map((h) => h.itemId);
    expect(ids[0]).toBe('z');
    expect(m.scoreNext('someone-else', ['x', 'y'], 10).map((h) => h.itemId)).toContain('q');
    expect(ids).not.toContain('q');
  });

  it('GIVEN a film everyone watched and a rare film THEN members sharing the rare one speak louder', () => {
    const crowd = Array.from({ length: 8 }, (_, i): [string, string[]] => [`c${i}`, ['p', 'a']]);
    const m = trainSessionKnn(new Map([...crowd, ['fan1', ['p', 'r', 'b']], ['fan2', ['r', 'b']]]), { after: 1 });
    expect(m.scoreNext('me', ['p', 'r'], 1)[0].itemId).toBe('b');
  });

  it('GIVEN recent films and an exclude set THEN neither comes back, and films nobody shares give nothing', () => {
    const m = trainSessionKnn(histories);
    const ids = m.scoreNext('me', ['w', 'x'], 10, new Set(['z'])).map((h) => h.itemId);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ['w', 'x', 'z']) expect(ids).not.toContain(id);
    expect(m.scoreNext('me', ['never-seen'], 5)).toEqual([]);
  });

  it('GIVEN a model rebuilt from its state THEN it answers exactly as the trained one', () => {
    const m = trainSessionKnn(histories);
    const r = sessionKnnFromState(overTheWire(m.toState()));
    for (const recent of [['x', 'y'], ['w'], ['a', 'x', 'w']]) expect(r.scoreNext('n1', recent, 5)).toEqual(m.scoreNext('n1', recent, 5));
  });
});

describe('session-kNN source', () => {
  it('GIVEN Alien 5★, Aliens 5★, then Notting Hill 1★ THEN /next continues from Aliens (the disliked film is no seed, nor a reason)', async () => {
    const watched = profile({
      history: [{ itemId: 'x', at: 1 }, { itemId: 'y', at: 2 }, { itemId: 'w', at: 3 }],
      ratings: { x: { value: 5, at: 1 }, y: { value: 5, at: 2 }, w: { value: 1, at: 3 } },
    });
    const got = await new SessionKnnSource({ model: trainSessionKnn(histories), userId: 'me', profile: watched, title }).fetch(query(), 3);
    expect(got[0]).toMatchObject({ itemId: 'z', sources: ['session-knn'], reason: { kind: 'after', itemId: 'y', title: 'Aliens' } });
    expect(got.map((c) => c.itemId)).not.toContain('a');
  });

  it('GIVEN a member with no history and no seeds THEN the source says nothing', async () => {
    expect(await new SessionKnnSource({ model: trainSessionKnn(histories), userId: 'me', profile: profile(), title }).fetch(query(), 3)).toEqual([]);
  });
});
