import type { ProfileSummary } from '../../app/types.js';
import { profileView } from '../../present/profile.js';
import type { Rendered } from './limits.js';
import { renderView } from './view.js';

/** A taste summary: counts, top tags, rating spread as a small bar chart, recent items. Ephemeral. */
export function renderProfile(p: ProfileSummary): Rendered {
  return renderView(profileView(p));
}
