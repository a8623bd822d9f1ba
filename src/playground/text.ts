import { oneLine, type Inline, type Text } from '../present/text.js';
import { fitLines, type Field, type View } from '../present/view.js';

/** How many characters of a cut-short list a field shows (the same budget as in Discord, so both list the same rows). */
const LIST_CHARS = 1024;

/** Markdown (the message table's texts) as terminal text: bold/italic markers, escapes, code marks removed. */
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

/** Presenter text for a terminal: user text on one line, no markup, moments as "2024-05-01 12:30". */
export function inline(t: Text | Inline): string {
  if (Array.isArray(t)) return t.map(inline).join('');
  if (typeof t === 'string') return t;
  if ('user' in t) return oneLine(t.user, t.max);
  if ('strong' in t) return inline(t.strong);
  if ('em' in t) return inline(t.em);
  if ('code' in t) return t.code;
  if ('time' in t) return new Date(Math.floor(t.time / 1000) * 1000).toISOString().slice(0, 16).replace('T', ' ');
  return `user ${t.mention}`;
}

function fieldText(f: Field): string {
  const lines = f.lines.map(inline);
  // A monospace block ends with a blank line.
  const v = f.pre ? `${lines.join('\n')}\n` : f.total !== undefined ? fitLines(lines, LIST_CHARS, f.total) : lines.join('\n');
  return v.includes('\n') ? `${f.name}:\n${v}` : `${f.name}: ${v}`;
}

/** A view as terminal text: the note, `== title ==`, the body, `name: value` fields, `(footer)`. The file is saved by the caller. */
export function viewText(v: View): string {
  const note = inline(v.note ?? []);
  const title = inline(v.title ?? []);
  const body = (v.lines ?? []).map(inline).join('\n');
  const out: string[] = [];
  if (note) out.push(note);
  if (title) out.push(`== ${title} ==`);
  if (body) out.push(body);
  for (const f of v.fields ?? []) out.push(fieldText(f));
  if (v.footer) out.push(`(${v.footer})`);
  return out.join('\n');
}
