import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord.js';

/** Discord's documented limits (https://discord.com/developers/docs/resources/message). */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedTotal: 6000,
  rows: 5,
  buttonsPerRow: 5,
  selectOptions: 25,
  customId: 100,
  buttonLabel: 80,
  optionText: 100,
  placeholder: 150,
  choiceName: 100,
  choices: 25,
  threadName: 100,
} as const;

export type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

/** A reply as every renderer returns it: a discord.js reply options object, mentions always off. */
export interface Rendered {
  content?: string;
  embeds?: APIEmbed[];
  components?: Row[];
  files?: { attachment: Buffer; name: string; description?: string }[];
  allowedMentions: { parse: [] };
  /** MessageFlags.Ephemeral (64) for private replies. */
  flags?: number;
}

export const EPHEMERAL = 64;
export const NO_MENTIONS: { parse: [] } = Object.freeze({ parse: [] }) as { parse: [] };

/** Cuts text to `max` characters, ending with an ellipsis when cut. */
export function trim(text: string, max: number): string {
  if (text.length <= max) return text;
  return max <= 1 ? text.slice(0, max) : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The characters of an embed that count towards Discord's 6,000-character total. */
export function embedLength(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

function clampEmbed(e: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...e };
  if (out.title !== undefined) out.title = trim(out.title, LIMITS.embedTitle);
  if (out.description !== undefined) out.description = trim(out.description, LIMITS.embedDescription);
  if (out.footer) out.footer = { ...out.footer, text: trim(out.footer.text, LIMITS.footer) };
  if (out.author) out.author = { ...out.author, name: trim(out.author.name, LIMITS.author) };
  if (out.fields) {
    out.fields = out.fields.slice(0, LIMITS.embedFields).map((f) => ({
      ...f,
      name: trim(f.name || '\u200b', LIMITS.fieldName),
      value: trim(f.value || '\u200b', LIMITS.fieldValue),
    }));
  }
  return out;
}

function clampRow(row: Row): Row | null {
  const comps = row.components.filter((c) => !('custom_id' in c) || (c.custom_id as string).length <= LIMITS.customId);
  const fixed = comps.slice(0, LIMITS.buttonsPerRow).map((c) => {
    const copy = { ...c } as Record<string, unknown>;
    if (typeof copy.label === 'string') copy.label = trim(copy.label, LIMITS.buttonLabel);
    if (typeof copy.placeholder === 'string') copy.placeholder = trim(copy.placeholder, LIMITS.placeholder);
    if (Array.isArray(copy.options)) {
      copy.options = (copy.options as { label: string; value: string; description?: string }[])
        .filter((o) => o.value.length <= LIMITS.optionText)
        .slice(0, LIMITS.selectOptions)
        .map((o) => ({
          ...o,
          label: trim(o.label, LIMITS.optionText),
          ...(o.description !== undefined ? { description: trim(o.description, LIMITS.optionText) } : {}),
        }));
    }
    return copy as unknown as (typeof comps)[number];
  });
  return fixed.length ? { ...row, components: fixed } : null;
}

/**
 * Enforces every Discord limit on a reply: content, each embed's parts, the 6,000-character total over
 * all embeds (later embeds and fields are dropped first), rows, buttons, select options and custom ids.
 * Always sets `allowedMentions: { parse: [] }`.
 */
export function clampReply(r: Omit<Rendered, 'allowedMentions'> & { allowedMentions?: unknown }): Rendered {
  const out: Rendered = { ...r, allowedMentions: { parse: [] } };
  if (out.content !== undefined) out.content = trim(out.content, LIMITS.content);
  if (out.embeds) {
    const embeds = out.embeds.slice(0, LIMITS.embeds).map(clampEmbed);
    let total = 0;
    const kept: APIEmbed[] = [];
    for (const e of embeds) {
      let len = embedLength(e);
      while (total + len > LIMITS.embedTotal && e.fields && e.fields.length) {
        e.fields.pop();
        len = embedLength(e);
      }
      if (total + len > LIMITS.embedTotal && e.description) {
        const room = LIMITS.embedTotal - total - (len - e.description.length);
        if (room > 20) e.description = trim(e.description, room);
        len = embedLength(e);
      }
      if (total + len > LIMITS.embedTotal) break;
      total += len;
      kept.push(e);
    }
    out.embeds = kept;
  }
  if (out.components) {
    out.components = out.components.map(clampRow).filter((x): x is Row => x !== null).slice(0, LIMITS.rows);
  }
  return out;
}
