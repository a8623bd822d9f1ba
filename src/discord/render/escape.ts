import { escapeMarkdown } from 'discord.js';
import { breakMentions, oneLine } from '../../present/text.js';

/**
 * Makes untrusted text (titles, descriptions, user requests) safe to show: markdown escaped, mentions
 * (@everyone, <@id>, <#id>, <@&id>) broken with a zero-width space, masked links and newlines flattened.
 */
export function safe(text: string, max = 300): string {
  return breakMentions(escapeMarkdown(oneLine(text, max), { maskedLink: true }));
}

/** A title with its year, escaped: "Heat (1995)". */
export function titleOf(item: { title: string; year?: number }, max = 120): string {
  return item.year ? `${safe(item.title, max)} (${item.year})` : safe(item.title, max);
}
