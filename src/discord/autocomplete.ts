import type { AutocompleteInteraction } from 'discord.js';
import type { Services } from '../app/types.js';
import { callerOf } from './caller.js';
import { LIMITS, trim } from './render/limits.js';

/** Title suggestions from the catalog: at most 25, names at most 100 characters, value = item id. */
export async function titleChoices(services: Services, i: Pick<AutocompleteInteraction, 'guildId' | 'user'>, query: string) {
  const items = await services.searchTitles(callerOf(i), query.slice(0, 100), LIMITS.choices);
  const seen = new Set<string>();
  const out: { name: string; value: string }[] = [];
  for (const it of items) {
    if (seen.has(it.id) || it.id.length > LIMITS.choiceName) continue;
    seen.add(it.id);
    const name = trim(`${it.title.replace(/\s+/g, ' ')}${it.year ? ` (${it.year})` : ''}`, LIMITS.choiceName);
    out.push({ name: name || it.id, value: it.id });
    if (out.length >= LIMITS.choices) break;
  }
  return out;
}

/** Autocomplete for any command whose focused option is a title. */
export async function autocompleteTitle(i: AutocompleteInteraction, services: Services): Promise<void> {
  const focused = i.options.getFocused(true);
  await i.respond(await titleChoices(services, i, String(focused.value ?? '')));
}
