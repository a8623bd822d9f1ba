import { errorMessage, withTimeout } from '../kit/index.js';

export interface HealthDeps {
  /** Null when the Discord gateway is connected and the bot takes interactions; otherwise why not. */
  gateway(): string | null;
  /** Any read of the store (a missing key is fine): it must answer. */
  probeStore(): Promise<unknown>;
  /** How long the store may take to answer (default 2 s). */
  storeTimeoutMs?: number;
}

export interface HealthReport {
  ok: boolean;
  gateway: string;
  store: string;
  /** What is wrong, in words; empty when ok. */
  reasons: string[];
}

/** Ready means: the gateway is connected (not starting, reconnecting or stopping) and the store answers in time. */
export async function checkHealth(d: HealthDeps): Promise<HealthReport> {
  const reasons: string[] = [];
  const gatewayProblem = d.gateway();
  if (gatewayProblem) reasons.push(`gateway: ${gatewayProblem}`);
  let store = 'ok';
  const ms = d.storeTimeoutMs ?? 2000;
  try {
    await withTimeout(() => d.probeStore(), ms, undefined, () => new Error(`no answer after ${ms} ms`));
  } catch (e) {
    store = errorMessage(e).slice(0, 200);
    reasons.push(`store: ${store}`);
  }
  return { ok: reasons.length === 0, gateway: gatewayProblem ?? 'ready', store, reasons };
}
