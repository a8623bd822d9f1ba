import type { RecResult } from '../../app/types.js';
import { itemButtons, itemSelects } from './components.js';
import { engineNote } from './engine.js';
import { publicReason } from './reasons.js';
import { safe, titleOf } from './escape.js';
import { clampReply, EPHEMERAL, LIMITS, type Rendered } from './limits.js';

export interface RecOptions {
  /** Heading, e.g. `Recommendations for "cozy mystery"` (escaped here). */
  title: string;
  /** Adds Watched / Not interested / More like this components. */
  buttons?: boolean;
  /** Private answers keep reasons that name the asker's history; public ones show "similar to X" instead. */
  ephemeral?: boolean;
  /** A line before the list (e.g. "Reply in this thread to refine"). */
  hint?: string;
}

const ACCENT = 0x5865f2;

/** A list of recommendations: one line per item with its reason, the engine note, and item buttons. */
export function renderRecommendations(result: RecResult, opts: RecOptions): Rendered {
  const lines: string[] = [];
  if (result.change) lines.push(`*${safe(result.change, 600)}*`, '');
  if (!result.items.length) lines.push('No matches this time. Try other words, or fewer constraints.');
  for (const [i, rec] of result.items.entries()) {
    // Public lists never tell the channel what the asker watched or how they rated it.
    const text = opts.ephemeral ? rec.reason : publicReason(rec.reason);
    const reason = text ? ` — ${safe(text, 160)}` : '';
    lines.push(`**${i + 1}. ${titleOf(rec.item)}**${reason}`);
  }
  if (opts.hint) lines.push('', opts.hint);
  // Keep whole lines: drop items from the end rather than cutting one in half.
  let description = lines.join('\n');
  while (description.length > LIMITS.embedDescription && lines.length > 1) {
    lines.splice(lines.length - (opts.hint ? 3 : 1), 1);
    description = lines.join('\n');
  }
  const items = result.items.map((r) => r.item);
  const components = opts.buttons && items.length ? (items.length <= 5 ? itemButtons(items) : itemSelects(items)) : [];
  return clampReply({
    embeds: [{ title: safe(opts.title, 240), description, color: ACCENT, footer: { text: engineNote(result) } }],
    components,
    ...(opts.ephemeral ? { flags: EPHEMERAL } : {}),
  });
}
