/** The poll object Discord stores and returns for a message created with `poll` (a poll request in, a poll out). */
import { DiscordHttpError } from './http.js';
import type { Json } from './types.js';

/** Discord's limits on a poll request. */
export const POLL_LIMITS = { question: 300, answer: 55, answers: 10, maxHours: 768 } as const;

const invalid = (what: string): DiscordHttpError => new DiscordHttpError(400, 50035, `Invalid Form Body: poll.${what}`);

/**
 * Checks a poll request like Discord (question 1-300 characters, 1-10 answers of 1-55, duration 1-768 hours)
 * and returns the stored poll: answers numbered from 1, `expiry` from now, empty unfinalised results.
 */
export function pollObject(now: number, req: Json): Json {
  const question = String((req.question as Json | undefined)?.text ?? '');
  if (question.length < 1 || question.length > POLL_LIMITS.question) throw invalid(`question.text must be 1-${POLL_LIMITS.question} characters`);
  const answers = Array.isArray(req.answers) ? (req.answers as Json[]) : [];
  if (answers.length < 1 || answers.length > POLL_LIMITS.answers) throw invalid(`answers must be 1-${POLL_LIMITS.answers}`);
  const media = answers.map((a, i) => {
    const m = (a.poll_media ?? {}) as Json;
    const text = String(m.text ?? '');
    if (text.length < 1 || text.length > POLL_LIMITS.answer) throw invalid(`answers[${i}].poll_media.text must be 1-${POLL_LIMITS.answer} characters`);
    return { answer_id: i + 1, poll_media: { text, ...(m.emoji ? { emoji: m.emoji } : {}) } };
  });
  const hours = Number(req.duration ?? 24);
  if (!Number.isInteger(hours) || hours < 1 || hours > POLL_LIMITS.maxHours) throw invalid(`duration must be 1-${POLL_LIMITS.maxHours} hours`);
  return {
    question: { text: question }, answers: media, expiry: new Date(now + hours * 3_600_000).toISOString(),
    allow_multiselect: Boolean(req.allow_multiselect), layout_type: Number(req.layout_type ?? 1),
    results: { is_finalized: false, answer_counts: [] },
  };
}
