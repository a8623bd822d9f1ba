/** Untrusted text made drawable: one line, no control or direction-override characters, glyphs the font has, cut to a width. */

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Newlines, tabs, control and bidi-override characters out; runs of spaces collapsed. */
export function drawable(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/**
 * What the shipped font can draw: compatibility forms folded (fullwidth "Ｔｈｅ" -> "The"), emoji and their joiners
 * and variation selectors dropped (DejaVu Sans has no emoji: they would show as empty boxes).
 */
export function forCardFont(text: string): string {
  return drawable(text.normalize('NFKC').replace(/[\p{Extended_Pictographic}\u200d\ufe0e\ufe0f\u20e3]|[\u{1f3fb}-\u{1f3ff}]|[\u{e0020}-\u{e007f}]/gu, ''));
}

interface Measurer {
  measureText(text: string): { width: number };
}

/**
 * `text` cut at a grapheme boundary (an emoji or an accented letter stays whole) so that it, with an ellipsis,
 * fits `maxWidth` in the context's current font. Binary search over graphemes: a few measurements per line.
 */
export function fitText(ctx: Measurer, text: string, maxWidth: number): string {
  const clean = forCardFont(text);
  if (ctx.measureText(clean).width <= maxWidth) return clean;
  const parts = [...segmenter.segment(clean)].map((s) => s.segment);
  let lo = 0;
  let hi = parts.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ctx.measureText(`${parts.slice(0, mid).join('').trimEnd()}…`).width <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '…' : `${parts.slice(0, lo).join('').trimEnd()}…`;
}
