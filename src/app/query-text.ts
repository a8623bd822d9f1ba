/**
 * What of a request is worth embedding: the request without filler ("recommend me some movies"), and
 * without negated or numeric constraints ("no horror", "before 2000"), which the constraint filter enforces
 * and which would otherwise pull the very items they exclude towards the query.
 */
const NEGATED = /\b(?:no|not|without|except|nothing|never|avoid(?:ing)?|skip(?:ping)?|but not|anything but|none of)\s+(?:any\s+|more\s+|the\s+)?[\w'-]+(?:\s+(?:or|and|nor)\s+[\w'-]+)*/gi;
const YEARS = /\b(?:older|newer|earlier|later)\s+than\s+\d{2,4}s?\b|\b(?:before|after|since|from|in)\s+(?:the\s+)?(?:\d{4}|'?\d0s|\d{4}s)\b|\b(?:only|just)\b/gi;
const FILLER = new Set(
  'a an the some any me i im i\'m we us you my our please recommend recommendation recommendations suggest suggestion suggestions show shows give want would like love looking look for find watch watching to something anything movie movies film films flick flicks good great nice best kind sort type of with and or that is are be in on tonight today maybe really very'.split(' '),
);

export function queryText(request: string): string {
  const stripped = request.replace(NEGATED, ' ').replace(YEARS, ' ');
  const words = stripped.split(/[^\p{L}\p{N}'-]+/u).filter((w) => w && !FILLER.has(w.toLowerCase()));
  // Nothing left ("recommend me a movie"): keep the request as it was rather than search for nothing.
  return words.length ? words.join(' ') : request;
}
