/** InteractionRecord: what the bot answered to one interaction, filled in as REST calls arrive. */
import type { EmulatorState } from './state.js';
import type { EmulatorUser, InteractionRecord, Json, RecordedBody, UploadedFile } from './types.js';

export interface RecordContext {
  /** Interaction type (2 command, 3 component, 4 autocomplete, 5 modal). */
  interactionType: number;
  channelId: string;
  user: EmulatorUser;
  commandName?: string;
  /** For components (and modals opened from one): the message `@original` refers to before any reply. */
  componentMessageId?: string;
}

export class InteractionRecordImpl implements InteractionRecord {
  callbacks: InteractionRecord['callbacks'] = [];
  edits: RecordedBody[] = [];
  followUps: RecordedBody[] = [];
  /** Message id `@original` points at. */
  originalId: string | undefined;
  private activityCount = 0;

  constructor(
    private readonly state: EmulatorState,
    readonly id: string,
    readonly token: string,
    readonly payload: Json,
    readonly ctx: RecordContext,
  ) {
    this.originalId = ctx.componentMessageId;
  }

  get messageId(): string | undefined { return this.originalId; }

  /** Called by the REST routes whenever the bot does something for this interaction. */
  activity(): void {
    this.activityCount += 1;
    this.state.touch();
  }

  addCallback(type: number, data: unknown, files: UploadedFile[]): void {
    this.callbacks.push({ type, data, files, at: this.state.clock() });
    this.activity();
  }

  final(): any { // eslint-disable-line @typescript-eslint/no-explicit-any -- bot-sent JSON, read freely by tests
    const last = this.callbacks[this.callbacks.length - 1];
    if (last && (last.type === 8 || last.type === 9) && this.edits.length === 0) return last.data;
    const stored = this.originalId ? this.state.messages.get(this.originalId) : undefined;
    if (stored) {
      const r = stored.raw;
      return { content: r.content, embeds: r.embeds, components: r.components, flags: r.flags, attachments: r.attachments };
    }
    const lastEdit = this.edits[this.edits.length - 1];
    return lastEdit?.body ?? last?.data;
  }

  acknowledged(timeoutMs = 5000): Promise<void> {
    return this.until(() => this.callbacks.length > 0, timeoutMs, 'no interaction callback');
  }

  async settled(quietMs = 200, timeoutMs = 10_000): Promise<void> {
    const started = this.state.clock();
    await this.acknowledged(timeoutMs);
    await new Promise<void>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const arm = (): void => {
        clearTimeout(timer);
        const now = this.state.clock();
        if (now - started > timeoutMs) { done(); reject(new Error(`interaction ${this.id} never went quiet within ${timeoutMs}ms`)); return; }
        timer = setTimeout(() => { done(); resolve(); }, quietMs);
      };
      const done = (): void => { clearTimeout(timer); this.state.changes.off('change', onChange); };
      let seen = this.activityCount;
      const onChange = (): void => { if (this.activityCount !== seen) { seen = this.activityCount; arm(); } };
      this.state.changes.on('change', onChange);
      arm();
    });
  }

  private until(cond: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (cond()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onChange = (): void => { if (cond()) { cleanup(); resolve(); } };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`interaction ${this.id} (${this.ctx.commandName ?? `type ${this.ctx.interactionType}`}): ${what} within ${timeoutMs}ms`));
      }, timeoutMs);
      const cleanup = (): void => { clearTimeout(timer); this.state.changes.off('change', onChange); };
      this.state.changes.on('change', onChange);
    });
  }
}
