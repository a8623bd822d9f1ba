import { describe, expect, it } from 'vitest';
import { itemButtons, itemSelects, withVoteButton } from '../../../src/discord/render/components.js';
import { listHeading, listItemIds, parseMessageRef } from '../../../src/discord/vote-list.js';
import type { CatalogItem } from '../../../src/domain/item.js';

const items = (n: number): CatalogItem[] => Array.from({ length: n }, (_, i) => ({ id: `m${i + 1}`, title: `T${i + 1}` }));
const asMessage = (rows: unknown[]) => ({ components: rows.map((r) => ({ toJSON: () => r })) }) as never;

describe('vote: the list under a message', () => {
  it('GIVEN a list with buttons or with selects THEN its item ids come back in list order', () => {
    expect(listItemIds(asMessage(withVoteButton(itemButtons(items(3)), 3)))).toEqual(['m1', 'm2', 'm3']);
    expect(listItemIds(asMessage(withVoteButton(itemSelects(items(8)), 8)))).toEqual(items(8).map((i) => i.id));
    expect(listItemIds(asMessage([]))).toEqual([]);
  });

  it('GIVEN lists of 3, 5 and 8 items THEN "Vote on this" is added within Discord\'s 5 rows and 5 buttons per row', () => {
    const ids = (rows: ReturnType<typeof withVoteButton>) => rows.flatMap((r) => r.components.map((c) => (c as { custom_id: string }).custom_id));
    for (const rows of [withVoteButton(itemButtons(items(3)), 3), withVoteButton(itemButtons(items(5)), 5), withVoteButton(itemSelects(items(8)), 8)]) {
      expect(ids(rows)).toContain('vt:');
      expect(rows.length).toBeLessThanOrEqual(5);
      expect(rows.every((r) => r.components.length <= 5)).toBe(true);
    }
  });

  it('GIVEN a list of one item (or none) THEN it has no "Vote on this", since a vote needs 2 items', () => {
    const ids = (rows: ReturnType<typeof withVoteButton>) => rows.flatMap((r) => r.components.map((c) => (c as { custom_id: string }).custom_id));
    expect(ids(withVoteButton(itemButtons(items(1)), 1))).not.toContain('vt:');
    expect(ids(withVoteButton(itemButtons(items(2)), 2))).toContain('vt:');
  });

  it('GIVEN message links and ids THEN the message (and channel) are read; other text is not', () => {
    expect(parseMessageRef('https://discord.com/channels/111/222/333333')).toEqual({ channelId: '222', messageId: '333333' });
    expect(parseMessageRef(' 1234567890 ')).toEqual({ messageId: '1234567890' });
    expect(parseMessageRef('my list')).toBeNull();
    expect(listHeading({ embeds: [{ title: 'Recommendations for "a\\*b\\_c"' }] } as never)).toBe('Recommendations for "a*b_c"');
  });
});
