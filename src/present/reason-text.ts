import { isPersonal, type Reason } from '../domain/reason.js';
import { groupFitText } from './together-fit.js';

/**
 * What a public list shows instead of a personal reason: the item it names, without the rating or the
 * asker ("because you rated Heat 4.5" becomes "similar to Heat"), or a neutral line when it names none. A
 * reason from what members watch together or next keeps saying so ("often watched with The Godfather"): it
 * is a fact about the two films, and "similar to" would claim a likeness (Star Wars, similar to The
 * Godfather) that nobody measured.
 */
function publicStandIn(r: Reason): string {
  if (r.kind === 'co-watched') return `often watched with ${r.title}`;
  if (r.kind === 'after') return `often watched after ${r.title}`;
  return 'title' in r ? `similar to ${r.title}` : 'close to the request';
}

/**
 * A reason in words, the same for every face. In a public list (`public: true`) a reason that reveals the
 * asker's history or ratings (`personal`, see src/domain/reason.ts) is replaced by its stand-in.
 */
export function reasonText(r: Reason, o: { public: boolean }): string {
  if (o.public && isPersonal(r)) return publicStandIn(r);
  switch (r.kind) {
    case 'request':
      return 'close to your request';
    case 'similar':
      return `similar to ${r.title}`;
    case 'liked':
      return `because you liked ${r.title}`;
    case 'rated':
      return `because you rated ${r.title} ${r.value}`;
    case 'co-watched':
      return `people who watched ${r.title} also watched this`;
    case 'after':
      return `often watched after ${r.title}`;
    case 'popular':
      return 'a crowd favourite';
    case 'listed':
      return 'on your list';
    case 'kept':
      return 'still on your list';
    case 'picked':
      return 'picked for you';
    case 'offline-rank':
      return 'ranked by the offline engine';
    case 'predicted':
      return `predicted ${r.value}`;
    case 'llm-predicted':
      return `LLM predicts ${r.value}`;
    case 'llm-ranked':
      return `LLM ${r.method} rank; predicted ${r.predicted}`;
    case 'llm':
      return r.text;
    case 'group-fit':
      return groupFitText(r);
    default: {
      const unknown: never = r;
      return String(unknown);
    }
  }
}
