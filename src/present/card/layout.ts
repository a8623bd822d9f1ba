/** Where the card's parts go: pure geometry, so tests can check the histogram without reading pixels. */

export const CARD = { width: 1200, height: 630, margin: 56 } as const;

export interface Box { x: number; y: number; w: number; h: number }

/** The histogram's plot area (bars stand on its bottom edge). */
export const HISTOGRAM: Box = { x: CARD.margin, y: 250, w: 560, h: 250 };

export interface Bar extends Box {
  value: number;
  count: number;
}

/**
 * One bar per rating value, lowest value on the left; heights proportional to the counts, the highest count
 * filling the box. A value nobody gave gets a zero-height bar (drawn as a faint stub).
 */
export function histogramBars(spread: readonly { value: number; count: number }[], box: Box = HISTOGRAM): Bar[] {
  const ordered = [...spread].sort((a, b) => a.value - b.value);
  const max = Math.max(0, ...ordered.map((s) => s.count));
  const slot = ordered.length ? box.w / ordered.length : 0;
  const w = Math.max(1, Math.floor(slot * 0.7));
  return ordered.map((s, i) => {
    const h = max > 0 ? Math.round((s.count / max) * box.h) : 0;
    return { value: s.value, count: s.count, x: Math.round(box.x + i * slot + (slot - w) / 2), y: box.y + box.h - h, w, h };
  });
}
