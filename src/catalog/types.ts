import type { CatalogItem } from '../domain/item.js';


/** A problem with one row of an uploaded file. `row` is 1-based over data rows (the header is row 0). */
export interface CatalogIssue {
  row: number;
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
}

export const DEFAULT_LIMITS: ParseLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxItems: 50_000,
  maxTitle: 300,
  maxDescription: 4_000,
  maxTag: 60,
  maxTags: 50,
  maxField: 1_000,
};
