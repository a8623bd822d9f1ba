import type { PriorMeta } from './prior-types.js';

/**
 * The JSON header of a community prior file: its format tag and version, and the layout of the binary
 * body's sections (each 8-byte aligned, little-endian).
 */

export const PRIOR_FORMAT = 'tastemaker-community-prior';
export const PRIOR_VERSION = 1;

export type Dtype = 'u32' | 'u16' | 'i8' | 'f32' | 'f16';

/** Bytes per element of each section type. */
export const BYTES: Record<Dtype, number> = { u32: 4, u16: 2, i8: 1, f32: 4, f16: 2 };

export interface PriorSection {
  name: string;
  dtype: Dtype;
  /** Elements (not bytes). */
  length: number;
  /** Byte offset in the body. */
  offset: number;
}

/** The JSON header written beside the binary body. */
export interface PriorHeader {
  format: typeof PRIOR_FORMAT;
  version: number;
  /** Item id = idPrefix + the uint32 in the `ids` section. */
  idPrefix: string;
  items: number;
  factors: number;
  mu: number;
  meta: PriorMeta;
  sections: PriorSection[];
  /** Body size in bytes, and its sha256 (hex) when the writer computed one. */
  bytes: number;
  sha256?: string;
  licence?: string;
}

/** Parses and checks a header (JSON text or an object). */
export function parsePriorHeader(json: string | unknown): PriorHeader {
  const h = (typeof json === 'string' ? JSON.parse(json) : json) as PriorHeader;
  if (!h || h.format !== PRIOR_FORMAT) throw new TypeError('not a Tastemaker community prior header');
  if (h.version !== PRIOR_VERSION) throw new RangeError(`community prior version ${String(h.version)} is not supported (this build reads ${PRIOR_VERSION})`);
  if (!Array.isArray(h.sections) || !Number.isInteger(h.items) || !Number.isInteger(h.factors)) throw new TypeError('community prior header is incomplete');
  return h;
}
