import { describe, expect, it } from 'vitest';
import { POLL_TEXT, pollText, voteOutcomeView, votePoll } from '../../../src/present/vote.js';
import type { CatalogItem } from '../../../src/domain/item.js';

const flat = (v: ReturnType<typeof voteOutcomeView>) => JSON.stringify(v.lines);

describe('vote text', () => {
  it('GIVEN long, multi-line, mentioning or emoji catalog text THEN poll text stays one line within Discord limits, emoji whole', () => {
    const hostile = `@everyone <@123>\n${'🍿'.repeat(40)}\u202e tail`;
    const answer = pollText(hostile, POLL_TEXT.answer);
    expect(answer.length).toBeLessThanOrEqual(POLL_TEXT.answer);
    expect(answer).not.toMatch(/[\n\u202e]|@everyone|<@1/);
    expect(answer.endsWith('…')).toBe(true);
    expect(answer).not.toMatch(/[\ud800-\udbff]…$/); // no half of a surrogate pair before the ellipsis
    expect(pollText('   ', 55)).toBe('…');
  });

  it('GIVEN a list of 10 items with long titles THEN the poll has 10 answers of at most 55 and a question of at most 300', () => {
    const items: CatalogItem[] = Array.from({ length: 10 }, (_, i) => ({ id: `i${i}`, title: `A very long title number ${i} `.repeat(5), year: 2000 + i }));
    const p = votePoll({ items, hours: 24 }, `Recommendations for "${'x'.repeat(400)}"`);
    expect(p.answers).toHaveLength(10);
    expect(p.answers.every((a) => a.length <= 55)).toBe(true);
    expect(p.question.length).toBeLessThanOrEqual(300);
    expect(p.question.startsWith('Vote: Recommendations for')).toBe(true);
    expect(votePoll({ items: items.slice(0, 2), hours: 1 }).question).toBe('What should we pick?');
  });

  it('GIVEN outcomes THEN the view names the winner, a tie and its tie-break, nobody voting, and what to grant without Manage Events', () => {
    const base = { pollId: 'p', channelId: 'c', askerId: 'u' };
    const heat = { id: 'm1', title: 'Heat', year: 1995 };
    const up = { id: 'm3', title: 'Up', year: 2009 };
    expect(flat(voteOutcomeView({ ...base, winner: heat, votes: 3, total: 5, tied: [] }, { canSchedule: true }))).toContain(' wins with 3 of 5 votes.');
    const tie = flat(voteOutcomeView({ ...base, winner: heat, votes: 2, total: 4, tied: [heat, up] }, { canSchedule: false }));
    expect(tie).toContain("It's a tie between ");
    expect(tie).toContain("the list's order picks ");
    expect(tie).toContain('Manage Events');
    expect(flat(voteOutcomeView({ ...base, votes: 0, total: 0, tied: [] }, { canSchedule: true }))).toContain('Nobody voted');
  });
});
