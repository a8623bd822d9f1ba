/** A JSON schema in the subset Gemini's responseSchema and OpenAI's json_schema both accept. */
export interface JsonSchema {
  type: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: string[];
  nullable?: boolean;
}

export interface ChatMessage {
  role: 'user' | 'model';
  text: string;
}

export interface LlmUsage {
  promptTokens: number;
  outputTokens: number;
}

export interface GenerateRequest {
  /** The prompt's use, for logs and budgets: 'conversation', 'refine', 'next', 'predict', 'rank-pointwise'... */
  use: string;
  system: string;
  /** Multi-turn chat; the last message is the user's. */
  messages: ChatMessage[];
  schema: JsonSchema;
  temperature?: number;
  maxOutputTokens?: number;
  signal?: AbortSignal;
}

export interface GenerateResult {
  /** Raw text of the answer (expected to hold JSON). */
  text: string;
  usage: LlmUsage;
  finishReason: string;
  latencyMs: number;
}

export interface LlmProvider {
  readonly name: string;
  readonly model: string;
  generate(req: GenerateRequest): Promise<GenerateResult>;
  embed(texts: string[], opts?: { signal?: AbortSignal }): Promise<{ vectors: Float32Array[]; requests: number }>;
  readonly embedModel: string;
  readonly embedDims: number;
  countTokens(req: Pick<GenerateRequest, 'system' | 'messages'>): Promise<number>;
}

/** Errors a provider throws, typed so callers can choose fallback and message. */
export class LlmError extends Error {
  constructor(
    readonly kind: 'auth' | 'rate-limit' | 'server' | 'timeout' | 'blocked' | 'empty' | 'bad-request' | 'circuit-open' | 'network',
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'LlmError';
  }
}
