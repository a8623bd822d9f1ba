import { Events, MessageType, PermissionFlagsBits, type Client, type Message, type PartialMessage } from 'discord.js';
import type { Services } from '../app/types.js';
import type { Logger } from '../log.js';
import { NO_MENTIONS } from './render/limits.js';
import { renderVoteOutcome } from './render/vote.js';

/** Answer counts in answer order (ids 1..n, the list's order). */
function countsOf(m: Message): number[] {
  return [...(m.poll?.answers.values() ?? [])].sort((a, b) => a.id - b.id).map((a) => a.voteCount ?? 0);
}

/** Closes the vote of a finished poll once, announces the winner under the poll, offers an event when the bot may make one. */
async function closeVote(services: Services, poll: Message, logger: Logger): Promise<void> {
  if (!poll.guild || !poll.poll?.resultsFinalized) return;
  const outcome = await services.votes.close(poll.guild.id, { pollId: poll.id, counts: countsOf(poll) });
  if (!outcome) return; // not ours, or the other event (or a replay) closed it already
  const me = poll.guild.members.me ?? (await poll.guild.members.fetchMe());
  const canSchedule = me.permissions.any([PermissionFlagsBits.ManageEvents, PermissionFlagsBits.CreateEvents]);
  const { flags: _f, ...body } = renderVoteOutcome(outcome, canSchedule);
  await poll.reply({ ...body, allowedMentions: NO_MENTIONS, failIfNotExists: false });
  logger.info({ scope: poll.guild.id, pollId: poll.id, winner: outcome.winner?.id, votes: outcome.votes, total: outcome.total }, 'vote closed');
}

/**
 * A poll ends in two gateway events, in either order, both handled and idempotent (`votes.close` acts once):
 * MESSAGE_UPDATE of the poll with `results.is_finalized` (only for a poll still in the cache), and the
 * MESSAGE_CREATE of type POLL_RESULT (46) that points at the poll (fetched fresh; works after a restart).
 */
export function attachVoteEvents(client: Client, services: Services, logger: Logger): void {
  const run = (what: string, p: Promise<void>) => void p.catch((err: unknown) => logger.error({ err: err instanceof Error ? err.message : String(err) }, `vote close failed (${what})`));
  client.on(Events.MessageUpdate, (_old, m: Message | PartialMessage) => {
    if (m.partial || !m.poll?.resultsFinalized || m.author.id !== client.user?.id) return;
    run('poll update', closeVote(services, m, logger));
  });
  client.on(Events.MessageCreate, (m) => {
    const ref = m.reference?.messageId;
    if (m.type !== MessageType.PollResult || !ref) return;
    run('poll result', (async () => {
      const poll = await m.channel.messages.fetch({ message: ref, force: true });
      if (poll.author.id === client.user?.id) await closeVote(services, poll, logger);
    })());
  });
}
