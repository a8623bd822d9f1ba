import { VOTE } from '../../app/vote-types.js';
import type { CatalogItem } from '../../domain/item.js';
import { RATING_VALUES } from '../../domain/rules.js';
import { LIMITS, trim, type Row } from './limits.js';

/** Custom ids: compact, `<prefix>:<itemId>`; an id that would exceed 100 characters gets no component. */
export const IDS = {
  watched: 'w',
  notInterested: 'ni',
  moreLike: 'ml',
  rate: 'rs',
  privacyConfirm: 'pd',
  privacyCancel: 'pc',
  page: 'wl',
  vote: 'vt',
  details: 'dt',
  /** "Who here would like this?" (commands/match.ts answers it). */
  whoLikes: 'wh',
} as const;

export function customId(prefix: string, rest: string): string | null {
  const id = `${prefix}:${rest}`;
  return id.length <= LIMITS.customId ? id : null;
}

const BUTTON = 2;
const SELECT = 3;
const ROW = 1;
const STYLE = { primary: 1, secondary: 2, success: 3, danger: 4 } as const;

export function button(id: string, label: string, style: keyof typeof STYLE = 'secondary', disabled = false) {
  return { type: BUTTON, custom_id: id, label: trim(label, LIMITS.buttonLabel), style: STYLE[style], disabled } as const;
}

export function row(components: Row['components']): Row {
  return { type: ROW, components } as Row;
}

/**
 * Per item: Watched, Not interested, More like this, Details (items in `details`), Who here would like it?
 * (up to 5 items: one row each).
 */
export function itemButtons(items: CatalogItem[], details: ReadonlySet<string> = new Set()): Row[] {
  const rows: Row[] = [];
  for (const [i, item] of items.slice(0, LIMITS.rows).entries()) {
    const w = customId(IDS.watched, item.id);
    const ni = customId(IDS.notInterested, item.id);
    const ml = customId(IDS.moreLike, item.id);
    const wh = customId(IDS.whoLikes, item.id);
    if (!w || !ni || !ml) continue;
    rows.push(
      row([
        button(w, `${i + 1}. Watched`, 'success'),
        button(ni, 'Not interested', 'secondary'),
        button(ml, 'More like this', 'primary'),
        ...detailsButton(item, details),
        ...(wh ? [button(wh, 'Who here would like it?', 'secondary')] : []),
      ]),
    );
  }
  return rows;
}

function detailsButton(item: CatalogItem, details: ReadonlySet<string>) {
  const id = details.has(item.id) ? customId(IDS.details, item.id) : null;
  return id ? [button(id, 'Details', 'secondary')] : [];
}

/**
 * More than 5 items: selects over all of them: Watched…, Not interested…, More like this…, Details of… (when
 * items have cards), Who here would like… (the last, so a vote row can take its place: withVoteButton). Each
 * option keeps the item's number in the list, also when an item before it has an id too long for an option
 * value (an older catalog), so "3." in the menu is always "3." in the list.
 */
export function itemSelects(items: CatalogItem[], details: ReadonlySet<string> = new Set()): Row[] {
  const options = items
    .slice(0, LIMITS.selectOptions)
    .map((it, i) => ({ label: trim(`${i + 1}. ${it.title}${it.year ? ` (${it.year})` : ''}`, LIMITS.optionText), value: it.id }))
    .filter((o) => o.value.length <= LIMITS.optionText);
  if (!options.length) return [];
  const select = (prefix: string, placeholder: string) =>
    row([{ type: SELECT, custom_id: `${prefix}:`, placeholder, min_values: 1, max_values: 1, options } as unknown as Row['components'][number]]);
  const rows = [select(IDS.watched, 'Mark as watched…'), select(IDS.notInterested, 'Not interested in…'), select(IDS.moreLike, 'More like…')];
  return [...rows, ...(details.size ? [select(IDS.details, 'Details of…')] : []), select(IDS.whoLikes, 'Who here would like…')];
}

/** The rating select shown after "Watched": every allowed rating, highest first. */
export function ratingSelect(itemId: string): Row[] {
  const id = customId(IDS.rate, itemId);
  if (!id) return [];
  const options = [...RATING_VALUES].reverse().map((v) => ({ label: `${v} ★`, value: String(v) }));
  return [row([{ type: SELECT, custom_id: id, placeholder: 'Rate it (optional)', min_values: 1, max_values: 1, options } as unknown as Row['components'][number]])];
}

/**
 * "Vote on this" for a list of `itemCount` catalog items (none under 2): a row of its own under a list, or
 * beside the last row's buttons when the list uses all 5 rows.
 */
export function withVoteButton(rows: Row[], itemCount: number): Row[] {
  if (itemCount < VOTE.minItems) return rows; // a poll needs 2 answers: the vote would be refused
  const vote = button(`${IDS.vote}:`, 'Vote on this', 'secondary');
  if (rows.length < LIMITS.rows) return [...rows, row([vote])];
  const last = rows[rows.length - 1];
  const onlyButtons = last.components.every((c) => c.type === BUTTON);
  // Five rows in use: the vote takes the place of the last "Who here would like…" (a select row, or the last item's button).
  if (!onlyButtons) return isWhoLikes(last.components[0]) ? [...rows.slice(0, -1), row([vote])] : rows;
  const kept = last.components.length >= LIMITS.buttonsPerRow ? last.components.filter((c) => !isWhoLikes(c)) : last.components;
  return kept.length < LIMITS.buttonsPerRow ? [...rows.slice(0, -1), row([...kept, vote])] : rows;
}

const isWhoLikes = (c: Row['components'][number] | undefined): boolean =>
  c !== undefined && 'custom_id' in c && typeof c.custom_id === 'string' && c.custom_id.startsWith(`${IDS.whoLikes}:`);
