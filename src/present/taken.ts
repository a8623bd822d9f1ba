import type { TakenAs } from '../app/types.js';
import { strong, titleOf, user, type Text } from './text.js';
import type { View } from './view.js';

/** What a typed title was taken as: "Taking “T2” as Terminator 2: Judgment Day (1991)." */
export function takenText(t: TakenAs): Text {
  return ['Taking “', user(t.typed, 100), '” as ', strong(...titleOf(t.item)), '.'];
}

/** The view, first saying which title a typed one was taken as (when it was not the title as written). */
export function withTaken(view: View, taken: TakenAs | undefined): View {
  if (!taken) return view;
  const said = takenText(taken);
  return { ...view, note: view.note ? [...said, ' ', ...view.note] : said };
}
