/**
 * Abuse limits every face applies before the expensive work: per-member cooldowns per group of commands
 * (lists, files), refinements per minute, and the length of one conversation. Windows live in bounded LRUs
 * (src/kit/cooldown.ts). Scope is part of the key: a member's pace in one server does not limit another.
 */
import type { Config } from '../config.js';
import type { Conversation } from '../domain/conversation.js';
import { Cooldown } from '../kit/index.js';
import { AppError } from './errors.js';

export type LimitGroup = 'list' | 'file' | 'refine';

/** Which group a command (or component prefix) belongs to; undefined: not limited. */
const GROUP_OF: Readonly<Record<string, LimitGroup>> = {
  recommend: 'list',
  next: 'list',
  rank: 'list',
  similar: 'list',
  predict: 'list',
  together: 'list',
  match: 'list',
  import: 'file',
  'catalog upload': 'file',
};

/** `name` is the command with its subcommand ("catalog upload"). */
export function limitGroupOf(name: string): LimitGroup | undefined {
  return Object.hasOwn(GROUP_OF, name) ? GROUP_OF[name] : undefined;
}

/** Refused: when the member may go again (ms since the epoch); `firstRefusal` lets a face answer once per window. */
export type LimitCheck = { ok: true } | { ok: false; retryAt: number; firstRefusal: boolean };

export class MemberLimits {
  private readonly windows = new Map<LimitGroup, Cooldown>();

  constructor(config: Pick<Config, 'COOLDOWN_LIST_S' | 'COOLDOWN_LIST_USES' | 'COOLDOWN_FILE_S' | 'COOLDOWN_FILE_USES' | 'REFINES_PER_MINUTE'>, clock: () => number = Date.now) {
    const add = (g: LimitGroup, seconds: number, uses: number) => {
      if (seconds > 0 && uses > 0) this.windows.set(g, new Cooldown({ uses, windowMs: seconds * 1000, clock }));
    };
    add('list', config.COOLDOWN_LIST_S, config.COOLDOWN_LIST_USES);
    add('file', config.COOLDOWN_FILE_S, config.COOLDOWN_FILE_USES);
    add('refine', 60, config.REFINES_PER_MINUTE);
  }

  /** Counts one use by `userId` in `scope`; refused when the group's uses in the window are spent. */
  take(group: LimitGroup, scope: string, userId: string): LimitCheck {
    return this.windows.get(group)?.take(`${scope}\u0000${userId}`) ?? { ok: true };
  }
}

/** Refinements so far: the stored counter, or (older conversations) the user turns after the first request. */
export function refinementsOf(conv: Pick<Conversation, 'turns'> & { refinements?: number }): number {
  return conv.refinements ?? Math.max(0, conv.turns.filter((t) => t.role === 'user').length - 1);
}

/** Throws `conversation.too-long` once a conversation has had `max` refinements. */
export function checkConversationLength(conv: Pick<Conversation, 'turns'> & { refinements?: number }, max: number): void {
  if (refinementsOf(conv) >= max) throw new AppError('conversation.too-long', { max });
}
