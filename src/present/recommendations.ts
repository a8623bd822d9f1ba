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
  /** The items are shown apart (a face's item cards): the view holds everything but their lines. */
  itemsApart?: boolean;
}

/**
 * Whether an answer shows its list. A refinement turn that left the list exactly as it was and has
 * something to say ("thanks!", "2", a message not understood) answers with its words alone: the member
 * still has the list above, and the same list again would read as if something had changed.
 */
export function showsList(result: RecResult): boolean {
  return !(result.listChanged === false && (result.replies?.length ?? 0) > 0);
}

/** An item's reason as words; public lists never tell the channel what the asker watched or how they rated it. */
export function itemReason(rec: RecResult['items'][number], o: { private?: boolean }): string | undefined {
  return reasonText(rec.reason, { public: !o.private }) || undefined;
}

/**
 * A list of recommendations: what the bot says about a refinement and what changed (refinements), one line
 * per item with its reason, a hint, the engine. A refinement that changed nothing: its replies alone.
 */
export function recommendationsView(result: RecResult, o: RecViewOptions): View {
  // Replies may quote the member's words and titles: untrusted text.
  const replies: Text[] = (result.replies ?? []).map((r) => [user(r.text, 600)]);
  const footer = engineNote(result);
  const priv = o.private ? { private: true } : {};
  if (!showsList(result)) return { lines: replies, footer, tone: 'accent', ...priv };
  const lines: Text[] = [...replies];
  if (result.change) lines.push([em(user(result.change, 600))]);
  if (lines.length) lines.push([]);
  if (!result.items.length) lines.push(['No matches this time. Try other words, or fewer constraints.']);
  if (!o.itemsApart) {
    for (const [i, rec] of result.items.entries()) {
      const text = itemReason(rec, o);
      lines.push([strong(`${i + 1}. `, ...titleOf(rec.item)), ...(text ? [' — ', user(text, 160)] : [])]);
    }
  }
  if (o.hint) lines.push(...(lines.length ? [[]] : []), o.hint);
  return { title: [user(o.title, 240)], lines, footer, tone: 'accent', ...priv };
}
