import type { SKRSContext2D } from '@napi-rs/canvas';
import { blankCard } from './canvas.js';
import { font } from './fonts.js';
import { CARD } from './layout.js';
import { fitText } from './text-fit.js';

/** What a /match card shows: two members, how alike their tastes are (0 to 1), and what they share. */
export interface MatchCardData {
  serverName: string;
  left: string;
  right: string;
  /** Taste similarity, 0 to 1 (clamped). */
  score: number;
  /** Titles both liked, best first ("Heat (1995)"). */
  shared: string[];
  /** Tags both lean to. */
  tags: string[];
}

const C = { bgTop: '#132a3a', bgBottom: '#1f1b45', text: '#f3f7ff', muted: '#a9b8d6', accent: '#5ee0c0', track: 'rgba(255,255,255,0.12)' } as const;

function meter(ctx: SKRSContext2D, score: number, y: number): void {
  const x = CARD.margin;
  const w = CARD.width - 2 * CARD.margin;
  ctx.fillStyle = C.track;
  ctx.beginPath();
  ctx.roundRect(x, y, w, 18, 9);
  ctx.fill();
  ctx.fillStyle = C.accent;
  ctx.beginPath();
  ctx.roundRect(x, y, Math.max(18, w * score), 18, 9);
  ctx.fill();
}

/** A match card as a PNG (1200×630): pure, data in and bytes out; same font and text rules as the profile card. */
export function renderMatchCard(d: MatchCardData): Buffer {
  const score = Math.min(1, Math.max(0, Number.isFinite(d.score) ? d.score : 0));
  const { canvas, ctx } = blankCard(C);
  const m = CARD.margin;
  const inner = CARD.width - 2 * m;
  ctx.fillStyle = C.accent;
  ctx.font = font(22, true);
  ctx.fillText(fitText(ctx, `${d.serverName.toUpperCase()} · TASTE MATCH`, inner), m, 72);
  ctx.fillStyle = C.text;
  ctx.font = font(46, true);
  ctx.fillText(fitText(ctx, `${d.left}  ×  ${d.right}`, inner), m, 134);
  ctx.font = font(96, true);
  ctx.fillStyle = C.accent;
  const pct = `${Math.round(score * 100)}%`;
  ctx.fillText(pct, m, 250);
  const after = m + ctx.measureText(pct).width + 24;
  ctx.font = font(26);
  ctx.fillStyle = C.muted;
  ctx.fillText('taste in common', after, 250);
  meter(ctx, score, 276);
  ctx.fillStyle = C.text;
  ctx.font = font(24, true);
  ctx.fillText('Both loved', m, 350);
  ctx.font = font(21);
  const shared = d.shared.length ? d.shared.slice(0, 5) : ['Nothing in common yet'];
  shared.forEach((t, i) => {
    ctx.fillStyle = d.shared.length ? C.text : C.muted;
    ctx.fillText(fitText(ctx, t, inner / 2 - 20), m, 388 + i * 36);
  });
  ctx.fillStyle = C.text;
  ctx.font = font(24, true);
  ctx.fillText('Shared leanings', m + inner / 2 + 20, 350);
  ctx.font = font(21);
  ctx.fillStyle = C.accent;
  const tags = d.tags.length ? d.tags.slice(0, 5) : ['—'];
  tags.forEach((t, i) => ctx.fillText(fitText(ctx, t, inner / 2 - 20), m + inner / 2 + 20, 388 + i * 36));
  ctx.font = font(20, true);
  ctx.fillStyle = C.muted;
  ctx.textAlign = 'right';
  ctx.fillText('tastemaker', CARD.width - m, CARD.height - 34);
  return canvas.toBuffer('image/png');
}
