import type { Rendered } from '../discord/render/limits.js';

/** Undoes Discord-only markup for a terminal: escapes, bold/italic markers, mentions, timestamps, code fences. */
export function plain(md: string): string {
  return md
    .replace(/\u200b/g, '')
    .replace(/```\w*\n?/g, '')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/(^|\s)\*(\S(?:.*?\S)?)\*(?=\s|$)/gm, '$1$2')
    .replace(/\\([\\*_~`|>#\-[\]()])/g, '$1')
    .replace(/<#(\d+)>/g, 'the thread')
    .replace(/<@!?(\d+)>/g, 'user $1')
    .replace(/<t:(\d+)(?::\w)?>/g, (_, s: string) => new Date(Number(s) * 1000).toISOString().slice(0, 16).replace('T', ' '))
    .replace(/`([^`]*)`/g, '$1');
}

/**
 * A rendered reply as terminal text: content, then each embed's title, description, fields and footer.
 * Shares all wording with the Discord renderers; buttons become a one-line hint.
 */
export function toText(r: Rendered): string {
  const out: string[] = [];
  if (r.content) out.push(plain(r.content));
  for (const e of r.embeds ?? []) {
    if (e.title) out.push(`== ${plain(e.title)} ==`);
    if (e.description) out.push(plain(e.description));
    for (const f of e.fields ?? []) {
      const v = plain(f.value);
      out.push(v.includes('\n') ? `${plain(f.name)}:\n${v}` : `${plain(f.name)}: ${v}`);
    }
    if (e.footer?.text) out.push(`(${e.footer.text})`);
  }
  for (const f of r.files ?? []) out.push(`[file ${f.name}, ${f.attachment.byteLength} bytes]`);
  return out.join('\n');
}
