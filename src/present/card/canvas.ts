import { createCanvas } from '@napi-rs/canvas';
import { ensureCardFonts } from './fonts.js';
import { CARD } from './layout.js';

/**
 * A blank card (1200×630) with the fonts registered and a top-to-bottom gradient background. Vertical: every
 * row is one colour, which PNG compresses well (a diagonal gradient cost about 4x the encode time).
 */
export function blankCard(colors: { bgTop: string; bgBottom: string }) {
  ensureCardFonts();
  const canvas = createCanvas(CARD.width, CARD.height);
  const ctx = canvas.getContext('2d');
  const bg = ctx.createLinearGradient(0, 0, 0, CARD.height);
  bg.addColorStop(0, colors.bgTop);
  bg.addColorStop(1, colors.bgBottom);
  ctx.fillStyle = bg;
  ctx.fillRect(0, 0, CARD.width, CARD.height);
  return { canvas, ctx };
}
