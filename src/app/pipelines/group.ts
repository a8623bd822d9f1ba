import { contentMatchFilter } from '../../recsys/filters/filters.js';
import { GroupScorer, GroupSource, type GroupTaste } from '../../recsys/group-scorer.js';
import type { PipelineDeps } from '../../recsys/pipeline.js';

/** How much the group's aggregate weighs beside the definition's scorers (fusion 1, quality 1, ...). */
export const GROUP_SCORER_WEIGHT = 3;

/**
 * Turns one member's pipeline into the group's (`/together` and its conversation): the group's own best
 * items join the candidates (fusion weight 1), the group's aggregate ranks them instead of the asker's rating model, and a
 * request with no words keeps what is near the GROUP's taste (not the asker's). What any counted member saw
 * or turned down is excluded by the runner (run.ts).
 */
export function asGroup(deps: PipelineDeps, group: GroupTaste): void {
  deps.sources.push(new GroupSource(group));
  deps.scorers = deps.scorers.filter((s) => s.scorer.id !== 'rating-model' && s.scorer.id !== 'personal-rating');
  deps.scorers.push({ scorer: new GroupScorer(group), weight: GROUP_SCORER_WEIGHT });
  deps.filters = deps.filters.map((f) => (f.id === 'content-match' ? contentMatchFilter({ query: 'embedding', taste: ['group'] }) : f));
}
