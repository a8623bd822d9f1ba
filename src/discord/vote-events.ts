import { Events, MessageType, PermissionFlagsBits, type Client, type Message, type PartialMessage } from 'discord.js';
import type { Services } from '../app/types.js';
import type { Logger } from '../log.js';
import { NO_MENTIONS } from './render/limits.js';
import { renderVoteOutcome } from './render/vote.js';

/** Answer counts in answer order (ids 1..n, the list's order). */
function countsOf(m: Message): number[] {
  return [...(m.poll?.answers.values() ?? [])].sort((a, b) => a.id - b.id).map((a) => a.voteCount ?? 0);
}

/**
 * Closes the vote of a finished poll and announces the winner under it, once: the announcement is marked done
 * only after the reply went out; a failed reply frees it for the next close (the other gateway event, a replay).
 */
async function closeVote(services: Services, poll: Message, logger: Logger): Promise<void> {
  if (!poll.guild || !poll.poll?.resultsFinalized) return;
  const scope = poll.guild.id;
  const outcome = await services.votes.close(scope, { pollId: poll.id, counts: countsOf(poll) });
  if (!outcome) return; // not ours, announced already, or another handler is announcing it
  try {
    const me = poll.guild.members.me ?? (await poll.guild.members.fetchMe());
    const canSchedule = me.permissions.any([PermissionFlagsBits.ManageEvents, PermissionFlagsBits.CreateEvents]);
    const { flags: _f, ...body } = renderVoteOutcome(outcome, canSchedule);
    await poll.reply({ ...body, allowedMentions: NO_MENTIONS, failIfNotExists: false });
  } catch (err) {
    await services.votes.announceFailed(scope, poll.id);
    throw err;
  }
  await services.votes.announced(scope, poll.id);
  logger.info({ scope, pollId: poll.id, winner: outcome.winner?.id, votes: outcome.votes, total: outcome.total }, 'vote closed');
}

/**
 * A poll ends in two gateway events, in either order, both handled and idempotent (`votes.close` announces once):
 * MESSAGE_UPDATE of the poll with `results.is_finalized` (only for a poll still in the cache), and the
 * MESSAGE_CREATE of type POLL_RESULT (46) that points at the poll (fetched fresh; works after a restart).
 * Here the two take turns per poll, so that when the first one's announcement fails the second one retries it.
 */
export function attachVoteEvents(client: Client, services: Services, logger: Logger): void {
  const turns = new Map<string, Promise<void>>();
  const inTurn = (pollId: string, fn: () => Promise<void>): Promise<void> => {
    const next = (turns.get(pollId) ?? Promise.resolve()).catch(() => undefined).then(fn);
    turns.set(pollId, next);
    void next.catch(() => undefined).finally(() => turns.get(pollId) === next && turns.delete(pollId));
    return next;
  };
  const close = (poll: Message) => inTurn(poll.id, () => closeVote(services, poll, logger));
  const run = (what: string, p: Promise<void>) => void p.catch((err: unknown) => logger.error({ err: err instanceof Error ? err.message : String(err) }, `vote close failed (${what})`));
  client.on(Events.MessageUpdate, (_old, m: Message | PartialMessage) => {
    if (m.partial || !m.poll?.resultsFinalized || m.author.id !== client.user?.id) return;
    run('poll update', close(m));
  });
  client.on(Events.MessageCreate, (m) => {
    const ref = m.reference?.messageId;
    if (m.type !== MessageType.PollResult || !ref) return;
    run('poll result', (async () => {
      const poll = await m.channel.messages.fetch({ message: ref, force: true });
      if (poll.author.id === client.user?.id) await close(poll);
    })());
  });
}
