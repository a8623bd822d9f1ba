import type { APIEmbed } from 'discord.js';
import type { Inline, Text } from '../../present/text.js';
import { fitLines, type Field, type View } from '../../present/view.js';
import { safe } from './escape.js';
import { clampReply, EPHEMERAL, LIMITS, type Rendered } from './limits.js';

/** Presenter text as Discord Markdown: user text escaped, emphasis in asterisks, moments as `<t:…:R>`. */
export function md(t: Text | Inline): string {
  if (Array.isArray(t)) return t.map(md).join('');
  if (typeof t === 'string') return t;
  if ('user' in t) return safe(t.user, t.max);
  if ('strong' in t) return `**${md(t.strong)}**`;
  if ('em' in t) return `*${md(t.em)}*`;
  if ('code' in t) return `\`${t.code}\``;
  if ('time' in t) return `<t:${Math.floor(t.time / 1000)}:R>`;
  return `<@${t.mention}>`;
}

const fileBytes = (data: string | Uint8Array): Buffer => (typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data));

const COLOR: Record<NonNullable<View['tone']>, number> = { accent: 0x5865f2, success: 0x57f287, failure: 0xed4245 };

function fieldValue(f: Field): string {
  const lines = f.lines.map(md);
  if (f.pre) return `\`\`\`\n${lines.join('\n')}\n\`\`\``;
  return f.total !== undefined ? fitLines(lines, LIMITS.fieldValue, f.total) : lines.join('\n');
}

/** The embed of a view: title, body, fields, footer and colour (none when the view has only a note). */
function embedOf(v: View, description = v.lines?.map(md).join('\n')): APIEmbed | undefined {
  if (v.title === undefined && v.lines === undefined && v.fields === undefined) return undefined;
  const e: APIEmbed = {};
  if (v.title !== undefined) e.title = md(v.title);
  if (description !== undefined) e.description = description;
  if (v.fields) e.fields = v.fields.map((f) => ({ name: f.name, value: fieldValue(f), ...(f.inline ? { inline: true } : {}) }));
  if (v.tone) e.color = COLOR[v.tone];
  if (v.footer !== undefined) e.footer = { text: v.footer };
  return e;
}

/**
 * A view as a Discord reply: the note as the message text, the rest as one embed, the file attached,
 * private views ephemeral; `extra` adds Discord-only parts (buttons, a replacement text). Clamped to Discord's limits.
 */
export function renderView(v: View, extra: Partial<Pick<Rendered, 'content' | 'components'>> & { description?: string } = {}): Rendered {
  const { description, ...rest } = extra;
  const embed = embedOf(v, description ?? v.lines?.map(md).join('\n'));
  return clampReply({
    ...(v.note ? { content: md(v.note) } : {}),
    ...(embed ? { embeds: [embed] } : {}),
    ...(v.file ? { files: [{ attachment: fileBytes(v.file.data), name: v.file.name }] } : {}),
    ...rest,
    ...(v.private ? { flags: EPHEMERAL } : {}),
  });
}
