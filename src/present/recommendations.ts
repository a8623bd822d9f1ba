import type { RecResult } from '../app/types.js';
import { engineNote } from './engine-note.js';
import { reasonText } from './reason-text.js';
import { em, strong, titleOf, user, type Text } from './text.js';
import type { View } from './view.js';

export interface RecViewOptions {
  /** Heading, e.g. `Recommendations: cozy mystery` (untrusted: it holds the request). */
  title: string;
  /** Private answers keep reasons that name the asker's history; public ones show "similar to X" instead. */
  private?: boolean;
  /** A line after the list (e.g. "Type plain text to refine this list."). */
  hint?: Text;
}

/** A list of recommendations: what changed (refinements), one line per item with its reason, a hint, the engine. */
export function recommendationsView(result: RecResult, o: RecViewOptions): View {
  const lines: Text[] = [];
  if (result.change) lines.push([em(user(result.change, 600))], []);
  if (!result.items.length) lines.push(['No matches this time. Try other words, or fewer constraints.']);
  for (const [i, rec] of result.items.entries()) {
    // Public lists never tell the channel what the asker watched or how they rated it.
    const text = reasonText(rec.reason, { public: !o.private });
    lines.push([strong(`${i + 1}. `, ...titleOf(rec.item)), ...(text ? [' — ', user(text, 160)] : [])]);
  }
  if (o.hint) lines.push([], o.hint);
  return { title: [user(o.title, 240)], lines, footer: engineNote(result), tone: 'accent', ...(o.private ? { private: true } : {}) };
}
