/**
 * Native polls: votes (a test control, as members would cast them), the voters route, ending a poll (the bot's
 * POST .../expire, or the test control for "the time ran out") with what Discord sends then: MESSAGE_UPDATE
 * with `poll.results.is_finalized`, and a MESSAGE_CREATE of type 46 (POLL_RESULT) with the `poll_result` embed.
 */
import { DiscordHttpError, type Route } from './http.js';
import { createMessage, userObject } from './payloads.js';
import type { Deps } from './routes-channels.js';
import type { EmulatorState, StoredMessage } from './state.js';
import type { Json } from './types.js';

export const MESSAGE_TYPE_POLL_RESULT = 46;
const INTENT_GUILD_MESSAGE_POLLS = 1 << 24;

/** Poll message id -> user id -> answer ids. */
const ballots = new WeakMap<EmulatorState, Map<string, Map<string, Set<number>>>>();

function votesOf(state: EmulatorState, messageId: string): Map<string, Set<number>> {
  let all = ballots.get(state);
  if (!all) ballots.set(state, (all = new Map()));
  let v = all.get(messageId);
  if (!v) all.set(messageId, (v = new Map()));
  return v;
}

function pollMessage(state: EmulatorState, messageId: string, channelId?: string): StoredMessage & { raw: { poll: Json } } {
  const m = state.messages.get(messageId);
  if (!m || (channelId !== undefined && m.raw.channel_id !== channelId)) throw new DiscordHttpError(404, 10008, 'Unknown Message');
  if (!m.raw.poll) throw new DiscordHttpError(400, 520000, 'This message has no poll');
  return m as StoredMessage & { raw: { poll: Json } };
}

const finalized = (poll: Json): boolean => Boolean((poll.results as Json | undefined)?.is_finalized);

function counts(state: EmulatorState, m: StoredMessage & { raw: { poll: Json } }): { id: number; count: number }[] {
  const votes = votesOf(state, m.raw.id as string);
  return (m.raw.poll.answers as Json[]).map((a) => {
    const id = a.answer_id as number;
    return { id, count: [...votes.values()].filter((s) => s.has(id)).length };
  });
}

export interface PollControls {
  /** A member votes (replacing their earlier vote); dispatches MESSAGE_POLL_VOTE_ADD to sessions with that intent. */
  castVote(input: { messageId: string; userId: string; answerIds: number[] }): void;
  /** The poll's time runs out now: results finalised, MESSAGE_UPDATE, then the POLL_RESULT message. Returns that message's id. */
  expirePoll(messageId: string): string;
}

/** Ends a poll like Discord does when its time runs out (or its author ends it early). */
function endPoll(deps: Deps, m: StoredMessage & { raw: { poll: Json } }): StoredMessage {
  const { state } = deps;
  if (finalized(m.raw.poll)) throw new DiscordHttpError(400, 520001, 'This poll has already ended');
  const answerCounts = counts(state, m).map((c) => ({ ...c, me_voted: false }));
  m.raw.poll.results = { is_finalized: true, answer_counts: answerCounts.filter((c) => c.count > 0) };
  m.raw.poll.expiry = new Date(state.clock()).toISOString();
  deps.gateway.dispatch('MESSAGE_UPDATE', m.raw);
  const total = answerCounts.reduce((a, c) => a + c.count, 0);
  const top = Math.max(0, ...answerCounts.map((c) => c.count));
  const leaders = answerCounts.filter((c) => c.count === top && top > 0);
  const victor = leaders.length === 1 ? (m.raw.poll.answers as Json[]).find((a) => a.answer_id === leaders[0].id) : undefined;
  const field = (name: string, value: unknown) => ({ name, value: String(value), inline: false });
  const fields = [field('poll_question_text', (m.raw.poll.question as Json).text), field('victor_answer_votes', victor ? top : 0), field('total_votes', total),
    ...(victor ? [field('victor_answer_id', victor.answer_id), field('victor_answer_text', (victor.poll_media as Json).text)] : [])];
  const author = state.users.get(m.authorId) ?? state.botUser;
  const result = createMessage(state, { channelId: m.raw.channel_id as string, author, files: [],
    body: { content: '', embeds: [{ type: 'poll_result', fields }], message_reference: { message_id: m.raw.id, channel_id: m.raw.channel_id } } });
  result.raw.type = MESSAGE_TYPE_POLL_RESULT;
  deps.gateway.dispatchMessage(result.raw);
  return result;
}

export function pollControls(deps: Deps): PollControls {
  const { state } = deps;
  return {
    castVote({ messageId, userId, answerIds }) {
      const m = pollMessage(state, messageId);
      if (finalized(m.raw.poll)) throw new Error(`discord emulator: the poll on ${messageId} has ended`);
      const known = new Set((m.raw.poll.answers as Json[]).map((a) => a.answer_id as number));
      if (!answerIds.length || answerIds.some((a) => !known.has(a))) throw new Error(`discord emulator: no such answer on ${messageId}: ${answerIds.join(', ')}`);
      if (answerIds.length > 1 && !m.raw.poll.allow_multiselect) throw new Error('discord emulator: this poll takes one answer per member');
      votesOf(state, messageId).set(userId, new Set(answerIds));
      for (const answerId of answerIds) {
        deps.gateway.dispatch('MESSAGE_POLL_VOTE_ADD', { user_id: userId, channel_id: m.raw.channel_id, message_id: messageId,
          ...(m.raw.guild_id ? { guild_id: m.raw.guild_id } : {}), answer_id: answerId }, INTENT_GUILD_MESSAGE_POLLS);
      }
    },
    expirePoll: (messageId) => endPoll(deps, pollMessage(state, messageId)).raw.id as string,
  };
}

export function pollRoutes(deps: Deps): Route[] {
  const { state } = deps;
  return [
    { method: 'GET', pattern: '/channels/:cid/polls/:mid/answers/:aid', auth: true, handle: (ctx) => {
      const m = pollMessage(state, ctx.params.mid, ctx.params.cid);
      const answerId = Number(ctx.params.aid);
      if (!(m.raw.poll.answers as Json[]).some((a) => a.answer_id === answerId)) throw new DiscordHttpError(404, 10008, 'Unknown answer');
      const after = ctx.query.get('after');
      const limit = Math.min(100, Number(ctx.query.get('limit') ?? 25));
      const ids = [...votesOf(state, m.raw.id as string)].filter(([, s]) => s.has(answerId)).map(([u]) => u).sort()
        .filter((u) => after === null || u > after);
      const users = ids.slice(0, limit).map((id) => userObject(state.users.get(id) ?? { id, username: id }));
      return { status: 200, body: { users } };
    } },
    { method: 'POST', pattern: '/channels/:cid/polls/:mid/expire', auth: true, handle: (ctx) => {
      const m = pollMessage(state, ctx.params.mid, ctx.params.cid);
      if (m.authorId !== state.botUser.id) throw new DiscordHttpError(403, 50005, 'Cannot expire a poll authored by another user');
      endPoll(deps, m);
      return { status: 200, body: m.raw };
    } },
  ];
}
