import type { Message, TextBasedChannel } from 'discord.js';
import { AppError } from '../app/errors.js';
import { IDS } from './render/components.js';

/** Every `custom_id` and select option value under a component tree (rows, buttons, selects), in order. */
function walk(node: unknown, out: { id: string; values: string[] }[]): void {
  if (Array.isArray(node)) return void node.forEach((n) => walk(n, out));
  if (!node || typeof node !== 'object') return;
  const o = node as { custom_id?: unknown; options?: { value?: unknown }[]; components?: unknown; component?: unknown };
  if (typeof o.custom_id === 'string') out.push({ id: o.custom_id, values: (o.options ?? []).map((x) => String(x.value ?? '')) });
  walk(o.components, out);
  walk(o.component, out);
}

/** The item ids of a list message, in list order: its Watched buttons (`w:<id>`), or its Watched select's options. */
export function listItemIds(m: Pick<Message, 'components'>): string[] {
  const found: { id: string; values: string[] }[] = [];
  walk(m.components.map((c) => c.toJSON()), found);
  const prefix = `${IDS.watched}:`;
  const ids = found.filter((c) => c.id.startsWith(prefix)).flatMap((c) => (c.id === prefix ? c.values : [c.id.slice(prefix.length)]));
  return [...new Set(ids.filter(Boolean))];
}

/** The list's heading as a member reads it (the embed title, Markdown escapes undone). */
export function listHeading(m: Pick<Message, 'embeds'>): string | undefined {
  return m.embeds[0]?.title?.replace(/\\([\\*_`~|>#\-[\]()])/g, '$1') ?? undefined;
}

/** "https://discord.com/channels/g/c/m" or a bare id -> the message id (and channel id when the link names one). */
export function parseMessageRef(text: string): { channelId?: string; messageId: string } | null {
  const link = /channels\/(?:\d+|@me)\/(\d+)\/(\d+)/.exec(text);
  if (link) return { channelId: link[1], messageId: link[2] };
  const id = /^\s*(\d{5,25})\s*$/.exec(text);
  return id ? { messageId: id[1] } : null;
}

/**
 * The asker's latest list in a channel or thread: the newest of the bot's messages (last 50) that carries list
 * items and answers the asker (their command, or a reply to their message in a conversation).
 */
export async function latestListOf(channel: TextBasedChannel, askerId: string, botId: string): Promise<Message> {
  const recent = await channel.messages.fetch({ limit: 50 });
  const mine = [...recent.values()]
    .sort((a, b) => b.createdTimestamp - a.createdTimestamp || (BigInt(b.id) > BigInt(a.id) ? 1 : -1))
    .find((m) => m.author.id === botId && (m.interactionMetadata?.user.id === askerId || m.mentions.repliedUser?.id === askerId) && listItemIds(m).length > 0);
  if (!mine) throw new AppError('vote.no-list');
  return mine;
}
