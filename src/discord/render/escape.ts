import { escapeMarkdown } from 'discord.js';
import { breakMentions, oneLine } from '../../present/text.js';

/**
 * Makes untrusted text (titles, descriptions, user requests) safe to show: Markdown escaped (also headings,
 * subtext and lists at the start), masked links and newlines flattened, mentions (@everyone, @here) and every
 * angle-bracket markup broken with a zero-width space, so catalog text can neither ping, link a command,
 * nor pose as a timestamp or an emoji.
 */
export function safe(text: string, max = 300): string {
  return breakMentions(escapeMarkdown(oneLine(text, max), { maskedLink: true, heading: true, bulletedList: true, numberedList: true }).replace(/^-#/, '\\-#'));
}

/** A title with its year, escaped: "Heat (1995)". */
export function titleOf(item: { title: string; year?: number }, max = 120): string {
  return item.year ? `${safe(item.title, max)} (${item.year})` : safe(item.title, max);
}
