/**
 * Two wishes of one message that cannot both hold ("no comedies, only comedies"; "before 2000 ... after
 * 2010"). The later one is kept. `subject` is the tag, or 'years'; `kept` and `dropped` are the phrases
 * as written (lower-cased).
 */
export interface ConstraintConflict {
  subject: string;
  kept: string;
  dropped: string;
}
