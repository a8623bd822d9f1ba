import type { EngineInfo } from '../app/types.js';

const REASONS: Record<NonNullable<EngineInfo['offlineReason']>, string> = {
  'no-key': 'Offline engine (no API key)',
  disabled: 'Offline engine (LLM switched off for this server)',
  'over-budget': 'Offline engine (daily LLM budget reached)',
  'llm-failed': 'Offline engine (LLM unavailable)',
  'bad-answer': 'Offline engine (LLM answer unusable)',
};

/** The footer line (plain text: footers show no markdown) every answer carries: which engine answered, and why when it was not the LLM. */
export function engineNote(info: Pick<EngineInfo, 'engine' | 'offlineReason' | 'notes'>): string {
  const head = info.engine === 'llm' ? 'Ranked with the LLM' : info.offlineReason ? REASONS[info.offlineReason] : 'Offline engine';
  const notes = info.notes.filter(Boolean).map((n) => n.replace(/\s+/g, ' ').slice(0, 120));
  return notes.length ? `${head} · ${notes.slice(0, 3).join(' · ')}` : head;
}
