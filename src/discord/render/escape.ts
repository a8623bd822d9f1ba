import { escapeMarkdown } from 'discord.js';

/**
 * Makes untrusted text (titles, descriptions, user requests) safe to show: markdown escaped, mentions
 * (@everyone, <@id>, <#id>, <@&id>) broken with a zero-width space, masked links and newlines flattened.
 */
export function safe(text: string, max = 300): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
  const cut = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return escapeMarkdown(cut, { maskedLink: true })
    .replace(/@/g, '@\u200b')
    .replace(/<([#@&:])/g, '<\u200b$1');
}

/** A title with its year, escaped: "Heat (1995)". */
export function titleOf(item: { title: string; year?: number }, max = 120): string {
  return item.year ? `${safe(item.title, max)} (${item.year})` : safe(item.title, max);
}

/** 1234 -> "1,234". */
export function num(n: number): string {
  return n.toLocaleString('en-US');
}

/** A rating as stars text: 4.5 -> "4.5★". */
export function stars(r: number): string {
  return `${Number.isInteger(r) ? r.toFixed(0) : r.toFixed(1)}★`;
}

/** Bytes in human units: 10485760 -> "10 MB". */
export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
}
