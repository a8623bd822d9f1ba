import type { RecResult, TakenAs } from '../../app/types.js';
import { recommendationsView, showsList } from '../../present/recommendations.js';
import { withTaken } from '../../present/taken.js';
import { itemButtons, itemSelects, withVoteButton } from './components.js';
import { LIMITS, type Rendered } from './limits.js';
import { md, renderView } from './view.js';

export interface RecOptions {
  /** Heading, e.g. `Recommendations for "cozy mystery"` (escaped here). */
  title: string;
  /** Adds Watched / Not interested / More like this components. */
  buttons?: boolean;
  /** Private answers keep reasons that name the asker's history; public ones show "similar to X" instead. */
  ephemeral?: boolean;
  /** A line after the list (Markdown, e.g. "Reply in this thread to refine"). */
  hint?: string;
  /** The title typed was read as another ("T2"): the answer says which it took. */
  taken?: TakenAs;
}

/** A list of recommendations: one line per item with its reason, the engine note, and item buttons (none for a reply without a list). */
export function renderRecommendations(result: RecResult, opts: RecOptions): Rendered {
  const view = recommendationsView(result, { title: opts.title, private: opts.ephemeral, hint: opts.hint ? [opts.hint] : undefined });
  const lines = (view.lines ?? []).map(md);
  // Keep whole lines: drop items from the end rather than cutting one in half.
  let description = lines.join('\n');
  while (description.length > LIMITS.embedDescription && lines.length > 1) {
    lines.splice(lines.length - (opts.hint ? 3 : 1), 1);
    description = lines.join('\n');
  }
  const items = showsList(result) ? result.items.map((r) => r.item) : [];
  const components = opts.buttons && items.length ? (items.length <= 5 ? itemButtons(items) : itemSelects(items)) : [];
  // A public list can be put to a vote (a private one is the asker's alone).
  const withVote = components.length && !opts.ephemeral ? withVoteButton(components) : components;
  return renderView(withTaken(view, opts.taken), { description, components: withVote });
}
