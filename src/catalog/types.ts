import type { CatalogItem } from '../domain/item.js';


/**
 * A problem with one row of an uploaded file. `row`: 0 for the whole file; in a CSV the row a spreadsheet
 * shows (the header is row 1); in a JSON array the item's position (1-based); in JSON Lines the line.
 */
export interface CatalogIssue {
  row: number;
  /** CSV: the line of the file where the row starts, when it is known. */
  line?: number;
  column?: string;
  code: string;
  message: string;
}

export interface ParseResult {
  items: CatalogItem[];
  errors: CatalogIssue[];
  warnings: CatalogIssue[];
}

export type CatalogFormat = 'csv' | 'json' | 'jsonl';

export interface ParseLimits {
  maxBytes: number;
  maxItems: number;
  maxTitle: number;
  maxDescription: number;
  maxTag: number;
  maxTags: number;
  maxField: number;
  /** Item ids: short enough to ride in a Discord custom id (100 characters) with its prefix. */
  maxId: number;
}

export const DEFAULT_LIMITS: ParseLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxItems: 50_000,
  maxTitle: 300,
  maxDescription: 4_000,
  maxTag: 60,
  maxTags: 50,
  maxField: 1_000,
  maxId: 64,
};
