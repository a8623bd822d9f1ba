/**
 * The word-vector table on disk (data/word-vectors-100d.{json,bin}), shared by the build script and the
 * loader. The JSON header says where each section of the binary file starts; all numbers little-endian.
 *
 * Sections of the .bin file, in order (each aligned to 4 bytes):
 *   words      UTF-8, '\n'-separated, one per row, most frequent first
 *   ranks      Uint32 per row: the best (lowest) GloVe frequency rank of any kept word with the row's stem
 *   scales     Float32 per row: the row's int8 values times its scale give the (unit-length) vector
 *   vectors    Int8, rows x dims
 *   aliases    UTF-8, '\n'-separated: Porter2 stems that are not themselves rows
 *   aliasRows  Uint32 per alias: the row of the most frequent kept word with that stem
 */
export const WORD_VECTORS_FORMAT = 'tastemaker-word-vectors';
export const WORD_VECTORS_VERSION = 1;
export const WORD_VECTORS_BASENAME = 'word-vectors-100d';

export interface Section {
  offset: number;
  bytes: number;
}

export interface WordVectorsHeader {
  format: typeof WORD_VECTORS_FORMAT;
  version: number;
  dims: number;
  rows: number;
  aliases: number;
  /** Total GloVe vocabulary size, the rank given to a word that is not in the table. */
  vocabulary: number;
  sections: { words: Section; ranks: Section; scales: Section; vectors: Section; aliases: Section; aliasRows: Section };
  binBytes: number;
  sha256: string;
  source: { package: string; version: string; licence: string; upstream: string };
  build: { wordPattern: string; postprocess: string; quantisation: string };
}

export function align4(n: number): number {
  return (n + 3) & ~3;
}
