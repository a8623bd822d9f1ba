import { describe, expect, it } from 'vitest';
import { code, em, mention, strong, time, user } from '../../../src/present/text.js';
import { inline, plain, viewText } from '../../../src/playground/text.js';

describe('playground text: presenter views as terminal text', () => {
  it('GIVEN marked parts THEN they show without markup; user text is not escaped', () => {
    expect(inline([strong('1. ', user('M*A*S*H')), ' — ', em(user('a\nb', 300)), ' ', code('/help')])).toBe('1. M*A*S*H — a b /help');
    expect(inline([mention('123'), ' ', time(Date.UTC(2024, 4, 1, 12, 30, 45))])).toBe('user 123 2024-05-01 12:30');
  });

  it('GIVEN a view THEN note, == title ==, body, fields and (footer) follow each other', () => {
    const text = viewText({
      note: ['Saved.'],
      title: ['T'],
      lines: [['a'], [], ['b']],
      fields: [
        { name: 'One', lines: [['x']], inline: true },
        { name: 'Many', lines: [['x'], ['y']] },
        { name: 'List', lines: [['x'], ['y']], total: 5 },
        { name: 'Chart', lines: [['5.0 ██ 1'], ['4.5']], pre: true },
      ],
      footer: 'Offline engine',
    });
    expect(text).toBe('Saved.\n== T ==\na\n\nb\nOne: x\nMany:\nx\ny\nList:\nx\ny\n…and 3 more\nChart:\n5.0 ██ 1\n4.5\n\n(Offline engine)');
  });

  it('GIVEN a message-table text (Markdown) THEN plain() drops its marks', () => {
    expect(plain('You need **Manage Server** to use `/catalog`.')).toBe('You need Manage Server to use /catalog.');
  });
});
