import { escapeMarkdown } from 'discord.js';
import { oneLine } from '../../present/text.js';

/**
 * Discord's angle-bracket markup: user, role and channel mentions (`<@1>`, `<@&1>`, `<#1>`), slash-command
 * mentions (`</recommend:1>`), custom and animated emoji (`<:x:1>`, `<a:x:1>`), timestamps (`<t:1:R>`) and
 * guild navigation (`<id:customize>`). A zero-width space after the `<` shows them as the text they are.
 */
const MARKUP = /<(?=[/#@&:!]|[a-z]+:)/gi;

/**
 * Makes untrusted text (titles, descriptions, user requests) safe to show: Markdown escaped (also headings,
 * subtext and lists at the start), masked links and newlines flattened, mentions (@everyone, @here) and every
 * angle-bracket markup broken with a zero-width space, so catalog text can neither ping, link a command,
 * nor pose as a timestamp or an emoji.
 */
export function safe(text: string, max = 300): string {
  return escapeMarkdown(oneLine(text, max), { maskedLink: true, heading: true, bulletedList: true, numberedList: true })
    .replace(/^-#/, '\\-#')
    .replace(/@/g, '@\u200b')
    .replace(MARKUP, '<\u200b');
}

/** A title with its year, escaped: "Heat (1995)". */
export function titleOf(item: { title: string; year?: number }, max = 120): string {
  return item.year ? `${safe(item.title, max)} (${item.year})` : safe(item.title, max);
}
