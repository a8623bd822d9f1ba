/**
 * What of a request is worth embedding: the request without filler ("recommend me some movies"), and
 * without negated or numeric constraints ("no horror", "before 2000"), which the constraint filter enforces
 * and which would otherwise pull the very items they exclude towards the query.
 */
const NEGATED = /\b(?:no|not|without|except|nothing|never|avoid(?:ing)?|skip(?:ping)?|but not|anything but|none of)\s+(?:any\s+|more\s+|the\s+)?[\w'-]+(?:\s+(?:or|and|nor)\s+[\w'-]+)*/gi;
const YEARS = /\b(?:older|newer|earlier|later)\s+than\s+(?:the\s+)?\d{2,4}s?\b|\b(?:before|after|since|from|in|between)\s+(?:the\s+)?(?:\d{4}|'?\d0s|\d{4}s)\b|(?:\bthe\s+)?(?:'|\b)\d0s\b|\b(?:18|19|20)\d{2}s?\b|\b(?:only|just)\b/gi;
const FILLER = new Set(
  'a an the some any me i im i\'m we us you my our please recommend recommendation recommendations suggest suggestion suggestions show shows give want would like love looking look for find watch watching to something anything movie movies film films flick flicks good great nice best kind sort type of with and or that is are be in on tonight today maybe really very'.split(' '),
);

/**
 * Moods and everyday words mapped to the genre and tag words catalogs use, so that "something cozy" finds
 * what the catalog calls Comedy or Mystery. The user's own words are kept; these are added.
 */
const EXPAND: [RegExp, string][] = [
  [/\bcozy|cosy\b/, 'comedy mystery romance light'],
  [/\b(feel[- ]?good|uplifting|heart ?warming|wholesome|cheerful|lighter|light[- ]hearted)\b/, 'comedy family feel-good romance'],
  [/\b(funny|hilarious|laughs?|silly)\b/, 'comedy funny'],
  [/\b(scary|creepy|spooky|terrifying|frightening)\b/, 'horror suspense'],
  [/\b(sad|tearjerker|cry|emotional|moving)\b/, 'drama romance emotional'],
  [/\b(mind[- ]?bending|trippy|twisty|cerebral)\b/, 'sci-fi mystery thought-provoking twist ending surreal'],
  [/\b(kids?|children|family)\b/, 'children animation family'],
  [/\b(space|alien|aliens|galaxy|outer space)\b/, 'sci-fi space aliens'],
  [/\b(true story|real events|biopic)\b/, 'based on a true story biography drama'],
  [/\b(date night|romantic)\b/, 'romance comedy'],
  [/\b(epic|sweeping)\b/, 'adventure epic war fantasy'],
  [/\b(dark|gritty|bleak)\b/, 'dark thriller crime'],
  [/\b(action[- ]packed|explosions?|fights?)\b/, 'action'],
  [/\b(magic|wizards?|dragons?)\b/, 'fantasy magic'],
  [/\b(cowboys?|wild west)\b/, 'western'],
  [/\b(detective|whodunit|murder mystery)\b/, 'mystery crime detective'],
  [/\b(singing|songs?)\b/, 'musical music'],
  [/\b(spy|spies|espionage)\b/, 'spy action thriller espionage'],
  [/\b(heists?|robbery|robberies|con artists?)\b/, 'heist crime'],
];

export function queryText(request: string): string {
  const stripped = request.replace(NEGATED, ' ').replace(YEARS, ' ');
  const words = stripped.split(/[^\p{L}\p{N}'-]+/u).filter((w) => w && !FILLER.has(w.toLowerCase()));
  // Only filler ("recommend me a movie"): keep those words rather than search for nothing. Only
  // constraints ("nothing from the 90s"): no text at all, so taste and popularity lead.
  if (!words.length) return stripped.replace(/\s+/g, ' ').trim();
  const lower = words.join(' ').toLowerCase();
  const extra = EXPAND.filter(([re]) => re.test(lower)).map(([, add]) => add);
  // The user's own words twice: the expansions help, the words asked for lead.
  return [...words, ...words, ...extra].join(' ');
}
