import { describe, expect, it } from 'vitest';
import { createLocalEmbedder } from '../../../src/embed/semantic/factory.js';
import { rescoreBySeedText } from '../../../src/recsys/sources/seed-untitled.js';

const TEXT: Record<string, string> = {
  alien: 'Horror, Sci-Fi, aliens, space',
  stepmother: 'Comedy, Romance',
  thing: 'Horror, Sci-Fi, aliens, antarctica',
  untitled: '',
};

describe('rescoreBySeedText: "like Alien" by what the films are, not by their names', () => {
  const embedder = createLocalEmbedder('semantic');
  const untitled = (id: string) => TEXT[id];

  it('GIVEN a hit found by its title (a comedy called "... an Alien") above a horror sci-fi film THEN the film like Alien in content comes first', async () => {
    const hits = [{ id: 'stepmother', score: 0.7 }, { id: 'thing', score: 0.6 }];
    const out = await rescoreBySeedText(hits, ['alien'], untitled, embedder);
    expect(out.map((h) => h.id)).toEqual(['thing', 'stepmother']);
    expect(out[0].score).toBeGreaterThan(out[1].score + 0.3);
  });

  it('GIVEN a hit with no text but its title THEN it keeps its score; GIVEN a seed with none THEN nothing changes', async () => {
    const hits = [{ id: 'untitled', score: 0.65 }, { id: 'stepmother', score: 0.6 }];
    const out = await rescoreBySeedText(hits, ['alien'], untitled, embedder);
    expect(out.find((h) => h.id === 'untitled')?.score).toBe(0.65);
    expect(await rescoreBySeedText(hits, ['untitled'], untitled, embedder)).toBe(hits);
  });
});
