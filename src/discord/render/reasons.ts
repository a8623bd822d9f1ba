/**
 * Reasons that name the asker's own history ("because you rated Heat 4.5", "because you liked Heat", "often
 * watched after Heat") are fine in private answers; in public ones they would tell the channel what the asker
 * watched and how they rated it. There they become "similar to Heat" (no rating); other reasons stay. The
 * templates are those of src/recsys/reasons.ts.
 */
const PERSONAL: RegExp[] = [
  /^because you rated (.+) \d+(?:\.\d+)?★?$/i,
  /^because you (?:liked|loved|watched) (.+)$/i,
  /^often watched after (.+)$/i,
  /^people who watched (.+) also watched this$/i,
];

/** Free-text reasons (from an LLM) that still speak of the asker's ratings or history without a known template. */
const MENTIONS_HISTORY = /\byou (?:rated|gave|liked|loved|watched|have seen|saw)\b|\byour (?:ratings?|history|watch(?:ed|list)?|favou?rites?)\b/i;

/** The reason as shown in a public list. */
export function publicReason(reason: string | undefined): string | undefined {
  if (!reason) return reason;
  for (const re of PERSONAL) {
    const m = re.exec(reason.trim());
    if (m?.[1]) return `similar to ${m[1]}`;
  }
  return MENTIONS_HISTORY.test(reason) ? 'close to the request' : reason;
}
