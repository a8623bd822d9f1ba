import { errorMessage } from '../kit/index.js';
import {
  GoogleGenerativeAIAbortError,
  GoogleGenerativeAIError,
  GoogleGenerativeAIFetchError,
  type ErrorDetails,
  type GenerateContentResponse,
} from '@google/generative-ai';
import { scrubSecrets } from '../log.js';
import { LlmError } from './types.js';

/** "1s", "0.5s", "1.250s" (google.protobuf.Duration in JSON) to milliseconds. */
export function parseDuration(d: unknown): number | undefined {
  if (typeof d !== 'string') return undefined;
  const m = /^(\d+(?:\.\d+)?)s$/.exec(d.trim());
  return m ? Math.round(Number(m[1]) * 1000) : undefined;
}

function retryDelayMs(details: ErrorDetails[] | undefined): number | undefined {
  for (const d of details ?? []) {
    if (typeof d['@type'] === 'string' && d['@type'].endsWith('google.rpc.RetryInfo')) return parseDuration(d.retryDelay);
  }
  return undefined;
}

/** Maps whatever the SDK threw to a typed LlmError; messages are scrubbed of the key. */
export function toLlmError(e: unknown, key: string, timedOut: boolean): LlmError {
  if (e instanceof LlmError) return e;
  const msg = scrubSecrets(errorMessage(e), [key]).slice(0, 300);
  if (timedOut) return new LlmError('timeout', 'the model did not answer in time');
  if (e instanceof GoogleGenerativeAIAbortError) return new LlmError('timeout', 'request aborted');
  if (e instanceof GoogleGenerativeAIFetchError) {
    const s = e.status ?? 0;
    const invalidKey = (e.errorDetails ?? []).some((d) => d.reason === 'API_KEY_INVALID');
    if (invalidKey || s === 401 || s === 403) return new LlmError('auth', 'the API key was refused (check GEMINI_API_KEY)');
    if (s === 429) return new LlmError('rate-limit', 'rate limited by the provider', retryDelayMs(e.errorDetails));
    if (s >= 500) return new LlmError('server', `provider error ${s}`);
    return new LlmError('bad-request', `request refused (${s}): ${msg}`);
  }
  if (e instanceof SyntaxError) return new LlmError('server', 'provider sent a response that is not JSON');
  if (e instanceof GoogleGenerativeAIError) return new LlmError('network', msg);
  if (e instanceof Error && e.name === 'AbortError') return new LlmError('timeout', 'request aborted');
  return new LlmError('network', msg);
}

const BLOCKING = new Set(['SAFETY', 'RECITATION', 'LANGUAGE', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY']);

/**
 * Reads the text of a response without the SDK's `.text()` (which throws on blocks): a blocked prompt,
 * a blocked candidate and an empty answer become typed errors.
 */
export function readAnswer(r: GenerateContentResponse): { text: string; finishReason: string } {
  const c = r.candidates?.[0];
  if (!c) {
    const why = r.promptFeedback?.blockReason;
    if (why) throw new LlmError('blocked', `the prompt was blocked (${why})`);
    throw new LlmError('empty', 'the model returned no answer');
  }
  const finishReason = String(c.finishReason ?? 'STOP');
  if (BLOCKING.has(finishReason)) throw new LlmError('blocked', `the answer was blocked (${finishReason})`);
  const text = (c.content?.parts ?? []).map((p) => p.text ?? '').join('');
  if (text.trim() === '') throw new LlmError('empty', `the model returned an empty answer (${finishReason})`);
  return { text, finishReason };
}
