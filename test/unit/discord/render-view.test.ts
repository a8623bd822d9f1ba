import { describe, expect, it } from 'vitest';
import { code, em, mention, strong, time, user } from '../../../src/present/text.js';
import { md, renderView } from '../../../src/discord/render/view.js';

describe('Discord rendering of presenter views', () => {
  it('GIVEN marked parts THEN Markdown: user text escaped, emphasis, code, relative time, unpinged mention', () => {
    expect(md([strong('1. ', user('**x** @everyone'))])).toBe('**1. \\*\\*x\\*\\* @\u200beveryone**');
    expect(md([em('a'), ' ', code('/help'), ' ', time(90_500), ' ', mention('42')])).toBe('*a* `/help` <t:90:R> <@42>');
  });

  it('GIVEN a private view with a file, a list field and a tone THEN an ephemeral reply with an embed, the file and a colour', () => {
    const r = renderView({
      note: ['n'],
      title: ['T'],
      lines: [['a'], ['b']],
      fields: [{ name: 'L', lines: [['x']], total: 3 }, { name: 'C', lines: [['1'], ['2']], pre: true }, { name: 'I', lines: [['v']], inline: true }],
      footer: 'f',
      file: { name: 'x.json', data: '{}' },
      tone: 'success',
      private: true,
    });
    expect(r.flags).toBe(64);
    expect(r.content).toBe('n');
    expect(r.embeds).toEqual([
      { title: 'T', description: 'a\nb', fields: [{ name: 'L', value: 'x\n…and 2 more' }, { name: 'C', value: '```\n1\n2\n```' }, { name: 'I', value: 'v', inline: true }], color: 0x57f287, footer: { text: 'f' } },
    ]);
    expect(r.files?.[0].name).toBe('x.json');
    expect(r.allowedMentions).toEqual({ parse: [] });
  });

  it('GIVEN a public note-only view THEN just the text, no embed, no flags', () => {
    expect(renderView({ note: ['hello'] })).toEqual({ content: 'hello', allowedMentions: { parse: [] } });
  });
});
