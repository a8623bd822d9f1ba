import { displayTitle } from '../domain/item.js';
import type { GroupPick, VoteOutcome, VotePlan, VotedItem } from '../app/vote-types.js';
import { drawable } from './card/text-fit.js';
import { breakMentions, strong, user, type Text } from './text.js';
import type { View } from './view.js';

/** Discord's limits on a native poll's text. */
export const POLL_TEXT = { question: 300, answer: 55 } as const;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Catalog or user text as poll text: one line, no control or direction characters, mentions broken
 * (a zero-width space after `@`), cut at a grapheme boundary to `max` UTF-16 units with an ellipsis.
 */
export function pollText(text: string, max: number): string {
  const flat = breakMentions(drawable(text));
  if (flat.length <= max) return flat || '…';
  let out = '';
  for (const { segment } of graphemes.segment(flat)) {
    if (out.length + segment.length > max - 1) break;
    out += segment;
  }
  return `${out.trimEnd()}…`;
}

/** The poll of a list: its heading as the question (or a plain one), each item "Title (Year)" as an answer. */
export function votePoll(plan: VotePlan, heading?: string): { question: string; answers: string[] } {
  const question = heading?.trim() ? `Vote: ${heading}` : 'What should we pick?';
  return { question: pollText(question, POLL_TEXT.question), answers: plan.items.map((it) => pollText(displayTitle(it), POLL_TEXT.answer)) };
}

const named = (it: VotedItem): Text => [strong(user(displayTitle(it), 120))];

/** The announcement when a vote closes: the winner (or the tie and how it was broken), the pick, the event offer. */
export function voteOutcomeView(o: VoteOutcome, opts: { canSchedule: boolean }): View {
  const lines: Text[] = [];
  if (!o.winner) {
    lines.push(['Nobody voted, so there is no pick this time.']);
    return { title: ['The vote is closed'], lines, tone: 'failure' };
  }
  if (o.tied.length > 1) {
    const names = o.tied.flatMap((t, i) => [...(i ? [i === o.tied.length - 1 ? ' and ' : ', '] : []), ...named(t)]);
    lines.push(["It's a tie between ", ...names, ` (${o.votes} vote${o.votes === 1 ? '' : 's'} each); the list's order picks `, ...named(o.winner), '.']);
  } else {
    lines.push([...named(o.winner), ` wins with ${o.votes} of ${o.total} vote${o.total === 1 ? '' : 's'}.`]);
  }
  lines.push(["It is now this server's pick (shown in `/profile`)."]);
  lines.push(opts.canSchedule
    ? ['Want to watch it together? The one who started the vote can create a server event for it.']
    : ['To let me create a server event for it, give my role the ', strong('Manage Events'), ' permission.']);
  return { title: ['The vote is closed'], lines, tone: 'success' };
}

/** The private confirmation for whoever started the vote. */
export function votePostedView(hours: number, items: number): View {
  return { note: [`Poll posted: ${items} choices, open for ${hours} hour${hours === 1 ? '' : 's'}. I will announce the winner when it closes.`], private: true };
}

/** The confirmation once the event exists. */
export function voteEventView(title: string, startMs: number, url: string): View {
  return { note: ['Event created for ', strong(user(title, 100)), ', starting ', { time: startMs }, `: ${url}`] };
}

/** "Heat (1995), 3 of 5 votes": the server's pick as one line. */
export function groupPickText(p: GroupPick): string {
  return `${displayTitle(p.item)} (${p.votes} of ${p.total} vote${p.total === 1 ? '' : 's'})`;
}
