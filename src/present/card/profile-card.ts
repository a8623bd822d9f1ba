import type { SKRSContext2D } from '@napi-rs/canvas';
import { blankCard } from './canvas.js';
import { font } from './fonts.js';
import { CARD, HISTOGRAM, histogramBars } from './layout.js';
import type { ProfileCardData } from './profile-data.js';
import { fitText, forCardFont } from './text-fit.js';

const C = {
  bgTop: '#1d1b3a', bgBottom: '#3b1f4f', panel: 'rgba(255,255,255,0.06)', text: '#f5f3ff', muted: '#b8b2d6',
  accent: '#ffb547', bar: '#ff7a59', barTop: '#ffb547', stub: 'rgba(255,255,255,0.18)', pill: 'rgba(255,181,71,0.16)',
} as const;

const RIGHT = { x: 680, w: CARD.width - 680 - CARD.margin - 28 } as const;

function starText(r: number): string {
  return `${Number.isInteger(r) ? r.toFixed(0) : r.toFixed(1)}★`;
}

function header(ctx: SKRSContext2D, d: ProfileCardData): void {
  const m = CARD.margin;
  ctx.fillStyle = C.accent;
  ctx.font = font(22, true);
  ctx.fillText(fitText(ctx, `${(forCardFont(d.serverName) || 'This server').toUpperCase()} · TASTE PROFILE`, CARD.width - 2 * m), m, 72);
  ctx.fillStyle = C.text;
  ctx.font = font(54, true);
  ctx.fillText(fitText(ctx, forCardFont(d.memberName) || 'A member', CARD.width - 2 * m), m, 136);
  ctx.fillStyle = C.muted;
  ctx.font = font(24);
  const mean = d.meanRating === null ? 'no ratings yet' : `mean ${starText(Math.round(d.meanRating * 10) / 10)}`;
  ctx.fillText(`${d.watched.toLocaleString('en-US')} watched · ${d.rated.toLocaleString('en-US')} rated · ${mean}`, m, 178);
}

function histogram(ctx: SKRSContext2D, d: ProfileCardData): void {
  const box = HISTOGRAM;
  ctx.fillStyle = C.text;
  ctx.font = font(24, true);
  ctx.fillText('Ratings ★', box.x, box.y - 22);
  const bars = histogramBars(d.spread, box);
  ctx.textAlign = 'center';
  for (const b of bars) {
    const cx = b.x + b.w / 2;
    if (b.h > 0) {
      const g = ctx.createLinearGradient(0, b.y, 0, b.y + b.h);
      g.addColorStop(0, C.barTop);
      g.addColorStop(1, C.bar);
      ctx.fillStyle = g;
      ctx.beginPath();
      ctx.roundRect(b.x, b.y, b.w, b.h, Math.min(8, b.h / 2));
      ctx.fill();
      ctx.fillStyle = C.text;
      ctx.font = font(18, true);
      ctx.fillText(String(b.count), cx, b.y - 8);
    } else {
      ctx.fillStyle = C.stub;
      ctx.fillRect(b.x, box.y + box.h - 3, b.w, 3);
    }
    ctx.fillStyle = C.muted;
    ctx.font = font(17);
    ctx.fillText(String(b.value), cx, box.y + box.h + 28);
  }
  ctx.textAlign = 'left';
  if (!bars.some((b) => b.count > 0)) {
    ctx.fillStyle = C.muted;
    ctx.font = font(22);
    ctx.fillText('No ratings yet: rate a few titles with /rate', box.x, box.y + box.h / 2);
  }
}

/** Tags as pills, wrapped over at most two rows; returns the y below them. */
function tags(ctx: SKRSContext2D, d: ProfileCardData, top: number): number {
  ctx.fillStyle = C.text;
  ctx.font = font(24, true);
  ctx.fillText('Top tags', RIGHT.x, top);
  ctx.font = font(19);
  let x = RIGHT.x;
  let y = top + 18;
  let row = 0;
  if (!d.topTags.length) {
    ctx.fillStyle = C.muted;
    ctx.fillText('No tags yet', RIGHT.x, y + 22);
    return y + 78;
  }
  for (const t of d.topTags) {
    const label = fitText(ctx, t.tag, RIGHT.w - 28);
    const w = ctx.measureText(label).width + 28;
    if (x + w > RIGHT.x + RIGHT.w) {
      if (++row >= 2) break;
      x = RIGHT.x;
      y += 44;
    }
    ctx.fillStyle = C.pill;
    ctx.beginPath();
    ctx.roundRect(x, y, w, 34, 17);
    ctx.fill();
    ctx.fillStyle = C.accent;
    ctx.fillText(label, x + 14, y + 24);
    x += w + 10;
  }
  return y + 70;
}

function favourites(ctx: SKRSContext2D, d: ProfileCardData, top: number): void {
  ctx.fillStyle = C.text;
  ctx.font = font(24, true);
  ctx.fillText('Recent favourites', RIGHT.x, top);
  const list = d.favourites.slice(0, Math.max(1, Math.floor((HISTOGRAM.y + HISTOGRAM.h + 30 - top) / 36)));
  ctx.font = font(20);
  if (!list.length) {
    ctx.fillStyle = C.muted;
    ctx.fillText('Nothing watched yet', RIGHT.x, top + 38);
    return;
  }
  list.forEach((f, i) => {
    const y = top + 38 + i * 36;
    const stars = f.rating !== undefined ? starText(f.rating) : '';
    ctx.font = font(20, true);
    const sw = stars ? ctx.measureText(stars).width + 12 : 0;
    ctx.fillStyle = C.accent;
    if (stars) ctx.fillText(stars, RIGHT.x + RIGHT.w - sw + 12, y);
    ctx.font = font(20);
    ctx.fillStyle = C.text;
    ctx.fillText(fitText(ctx, f.year ? `${f.title} (${f.year})` : f.title, RIGHT.w - sw - 4), RIGHT.x, y);
  });
}

function footer(ctx: SKRSContext2D, d: ProfileCardData): void {
  const y = CARD.height - 34;
  ctx.font = font(20, true);
  ctx.fillStyle = C.muted;
  ctx.textAlign = 'right';
  ctx.fillText('tastemaker', CARD.width - CARD.margin, y);
  const brand = ctx.measureText('tastemaker').width;
  ctx.textAlign = 'left';
  if (!d.groupPick) return;
  ctx.font = font(20);
  ctx.fillStyle = C.text;
  ctx.fillText(fitText(ctx, `Group's pick: ${d.groupPick}`, CARD.width - 2 * CARD.margin - brand - 24), CARD.margin, y);
}

/** The profile card as a PNG (1200×630): pure, data in and bytes out. */
export function renderProfileCard(d: ProfileCardData): Buffer {
  const { canvas, ctx } = blankCard(C);
  ctx.fillStyle = C.panel;
  ctx.beginPath();
  ctx.roundRect(RIGHT.x - 28, HISTOGRAM.y - 60, RIGHT.w + 56, HISTOGRAM.h + 110, 20);
  ctx.fill();
  header(ctx, d);
  histogram(ctx, d);
  favourites(ctx, d, tags(ctx, d, HISTOGRAM.y - 22));
  footer(ctx, d);
  return canvas.toBuffer('image/png');
}
