import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GlobalFonts } from '@napi-rs/canvas';

/** The card's font family: DejaVu Sans shipped in `data/fonts/` (licence beside it), never a system font. */
export const CARD_FONT = 'Tastemaker Sans';

const FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];
let registered = false;

/** data/fonts/ next to src/ (tsx) or next to dist/ (compiled). */
function fontDir(): string {
  const candidates = ['../../../data/fonts/', '../../../../data/fonts/'].map((p) => fileURLToPath(new URL(p, import.meta.url)));
  const dir = candidates.find((d) => existsSync(`${d}${FILES[0]}`));
  if (!dir) throw new Error(`The card font is missing: looked for ${FILES[0]} in ${candidates.join(', ')}`);
  return dir;
}

/** Registers the shipped font once per process (regular and bold under one family name). */
export function ensureCardFonts(): void {
  if (registered) return;
  const dir = fontDir();
  for (const f of FILES) {
    if (!GlobalFonts.registerFromPath(`${dir}${f}`, CARD_FONT)) throw new Error(`Could not load the card font ${dir}${f}`);
  }
  registered = true;
}

/** A CSS font string in the card's family. */
export function font(px: number, bold = false): string {
  return `${bold ? 'bold ' : ''}${px}px "${CARD_FONT}"`;
}
