import { ActionRowBuilder, ModalBuilder, TextInputBuilder, TextInputStyle, type PollData } from 'discord.js';
import { VOTE, type VoteOutcome } from '../../app/vote-types.js';
import { voteOutcomeView } from '../../present/vote.js';
import { button, customId, row } from './components.js';
import { EPHEMERAL, NO_MENTIONS, type Rendered, type Row } from './limits.js';
import { renderView } from './view.js';

/** Custom ids of the vote's components: pick a duration, create an event, the event's modal. */
export const VOTE_IDS = { duration: 'vd', event: 've', eventModal: 'vm' } as const;
export const EVENT_TIME_FIELD = 'when';

/** A native poll: one answer per member (a group pick), `hours` long. Texts come escaped and cut (`votePoll`). */
export function renderPoll(poll: { question: string; answers: string[] }, hours: number): PollData {
  return { question: { text: poll.question }, answers: poll.answers.map((text) => ({ text })), duration: hours, allowMultiselect: false };
}

const HOURS = [1, 3, 6, 12, 24, 48, 72] as const;

/** The private question after "Vote on this": how long the poll runs (the list's message id rides in the custom id). */
export function renderDurationPicker(listMessageId: string): Rendered {
  const id = customId(VOTE_IDS.duration, listMessageId);
  const options = HOURS.map((h) => ({ label: h === 1 ? '1 hour' : `${h} hours`, value: String(h), default: h === VOTE.defaultHours }));
  const select = { type: 3, custom_id: id ?? VOTE_IDS.duration, placeholder: 'How long should the vote run?', min_values: 1, max_values: 1, options };
  return { content: 'How long should the vote run?', components: [row([select as unknown as Row['components'][number]])], allowedMentions: NO_MENTIONS, flags: EPHEMERAL };
}

/** The public announcement of a closed vote; with the Manage Events permission, a button to plan an event for the winner. */
export function renderVoteOutcome(o: VoteOutcome, canSchedule: boolean): Rendered {
  const id = customId(VOTE_IDS.event, o.pollId);
  const offer = canSchedule && o.winner && id;
  const r = renderView(voteOutcomeView(o, { canSchedule }), offer ? { components: [row([button(id, 'Create an event for it', 'primary')])] } : {});
  return { ...r, flags: undefined };
}

/** The modal asking when the event starts. */
export function eventModal(pollId: string): ModalBuilder {
  const when = new TextInputBuilder().setCustomId(EVENT_TIME_FIELD).setLabel('When? (UTC, e.g. 2026-12-24 20:00)').setStyle(TextInputStyle.Short)
    .setMinLength(10).setMaxLength(30).setRequired(true).setPlaceholder('2026-12-24 20:00');
  return new ModalBuilder().setCustomId(`${VOTE_IDS.eventModal}:${pollId}`).setTitle('Watch it together')
    .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(when));
}
