/**
 * The word lists and patterns the rule-based reader matches, on a message already cleaned by
 * `normaliseMessage` (lower case, shorthand spelled out, typos of known words corrected). Each pattern
 * is general (a cue word plus what may sit around it), never one user's sentence.
 */

/** Intensifiers that may sit between a cue and its word: "too *damn* dark", "a *bit* less violent". */
const INT = String.raw`(?:(?:a\s+)?(?:bit|little|lot|tad|way|much|slightly|somewhat|kinda|kind of|sort of|really|so|very|all|pretty|quite|too|super|rather|damn|bloody|overly|just)\s+)*`;

/**
 * A complaint about the list, for unambiguously negative words only: "these are all kinda dark", "it's
 * boring", "they're so violent" (said with "too", any tone word counts: "too cute").
 */
const COMPLAINT = String.raw`(?:these|they|those|it|this|that|they're|it's|that's|all of them|the list|this list|the picks)\s+(?:(?:are|is|were|was|seem|seems|look|looks|feel|feels|all|kinda|kind of|so|very|really|pretty|quite|rather|way|super|just|a bit|a little|bit|a tad|all a bit)\s+)*`;

/** "start over", "from scratch", "back to the original list": the first request again (rejections kept). */
export const START_OVER = new RegExp(
  String.raw`\b(?:start (?:over|again|afresh|fresh|from (?:the )?(?:top|beginning|scratch))|restart|begin again|from (?:the )?(?:top|scratch)|` +
    String.raw`back to (?:the )?(?:original|first|initial|start|beginning)(?: (?:list|one|ones|request|picks|suggestions))?|` +
    String.raw`(?:the )?original (?:list|picks|request|suggestions)|fresh start|reset|clear (?:it|everything|all)|forget (?:it|that|all that|everything)|never ?mind)\b`,
);

/** "undo", "go back", "previous list", "the last one was better", "put them back". */
export const UNDO = new RegExp(
  String.raw`\b(?:undo(?: that| it| this)?|go back|going back|back to (?:the )?(?:previous|last|old|earlier|other|prior)(?: (?:list|one|ones|set|batch|picks|suggestions))?|` +
    String.raw`(?:the )?(?:previous|old|earlier|prior|other) (?:list|set|batch|picks|suggestions)|(?:last|old|previous) (?:list|set|batch) back|` +
    String.raw`(?:the )?(?:last|previous|old|earlier|other|first) (?:one|ones|list|set|batch|picks) (?:was|were|is|are|looked|seemed) ${INT}better|` +
    String.raw`liked (?:it|that|the list|them|those|the old ones) better (?:before|earlier)|(?:as|how) (?:it was|they were) before|` +
    String.raw`revert(?: that| it| back| to)?|put (?:it|them|that|those|everything|the old ones?) back|bring (?:it|them|that|those|the (?:old|previous|last) (?:ones?|list)) back|` +
    String.raw`ctrl[- ]?z|take (?:that|it) back)\b`,
);

/** Thanks and acknowledgements: said alone (with praise and filler), the list needs no change. */
export const ACK = new RegExp(
  String.raw`\b(?:thanks|thank you|thank|cheers|perfect|great|awesome|amazing|cool|nice|ok|good|excellent|brilliant|fantastic|lovely|sweet|neat|` +
    String.raw`wonderful|superb|splendid|noted|got it|will do|sounds good|looks good|that works|that's it|that'll do|love it|love (?:them|these|this|that|those)|` +
    String.raw`appreciate it|appreciated|you rock|you're the best|legend|nailed it|spot on|exactly|yes|yeah|yep|yup|all good|that's all|good stuff|ta|` +
    String.raw`gracias|merci|danke|much obliged|no worries|awesome sauce|solid|dope|fab|fabulous|ideal|just right|bang on|sure|alright|fair enough|makes sense|` +
    String.raw`okie dokie|works for me|good one|nice one|top notch)\b`,
  'g',
);

/** Words that may sit around an acknowledgement without asking for anything ("great *picks*, *mate*"). */
export const ACK_FILLER = new Set(
  (
    'picks pick list lists suggestions suggestion recs recommendations recommendation choices choice selection options option movies ' +
    'films job work stuff man mate bot buddy dude bro friend pal look looks looking seem seems sound sounds these them so much lot ' +
    'lots many very really super totally definitely indeed watch watching tonight later will check out try trying glad happy gonna going ' +
    'bunch ton tons million heaps loads again mate much mucho'
  ).split(' '),
);

/** Positions written as words or marked numbers (not bare digits): "the first one", "#2", "3rd", "last". */
export const POSITION_WORDS =
  /(?:#\s*\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)\b|\b(?:number|no\.|item|pick|option)\s*\d{1,2}\b|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|penultimate|top|bottom)\b)/g;

/** One position token, for a message that is only positions ("2", "#3", "the 2nd one?", "2 and 4"). */
const TOKEN = String.raw`(?:#\s*\d{1,2}|\d{1,2}(?:st|nd|rd|th)?|(?:number|no\.|item|pick|option|movie|film)\s*\d{1,2}|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|penultimate|second (?:to|from) (?:the )?last)`;
const ASK_LEAD = String.raw`(?:(?:so|and|ok|hmm+|um+|uh+|well|but|oh)\s*,?\s*)*(?:(?:what|how) about|what of|about|and|re|regarding|tell me about)?\s*`;
const ONE = String.raw`(?:\s+(?:one|movie|film|pick|option|item|title))?`;
export const ASK_POSITION = new RegExp(
  String.raw`^${ASK_LEAD}(?:the\s+)?${TOKEN}${ONE}(?:\s*(?:,|and|&|or|\+)\s*(?:the\s+)?${TOKEN}${ONE})*\s*(?:then|again|please|though)?\s*[?.!]*$`,
);
/** The words a message naming only a title may carry around it ("what about Heat?", "Heat?"). */
export const ASK_TITLE_LEAD = new RegExp(String.raw`^${ASK_LEAD}(?:the\s+)?`);

/** "seen", "watched", "saw": the member has watched something on the list. */
export const SEEN = /\b(?:seen|watched|saw)\b/;
/** Not a seen statement: "haven't seen", "never watched", "want to watch". */
export const NOT_SEEN =
  /\b(?:haven't|have not|hasn't|has not|never|not|didn't|did not|don't|do not|want to|wanna|would like to|like to|going to|gonna|will|could|should|might|may)\s+(?:(?:ever|yet|actually|really|even|already|have|be)\s+)*(?:seen|watched|saw|see|watch)\b/;
/** Every item: "seen them all", "all of these", "every one". */
export const ALL_ITEMS = /\b(?:(?:them|these|those|it) all|all (?:of )?(?:them|these|those|the list|of it)|every (?:one|single one|last one)|the (?:whole|entire) (?:list|lot|thing)|everything)\b/;

/** A fresh list instead of every item shown: "none of these", "swap them all", "new list", "try again". */
export const SWAP_ALL = new RegExp(
  String.raw`\b(?:none of (?:these|them|those|this|it|the above)|(?:don't|do not) (?:like|want|love|fancy) any|not (?:into|feeling|keen on|a fan of|loving) (?:any of )?(?:these|them|those|this list|the list)|` +
    String.raw`(?:swap|replace|change|drop|remove|ditch|toss|scrap|bin|redo) (?:them |these |those |it )?(?:all|everything|every one|the (?:whole|entire) (?:list|lot|thing))|` +
    String.raw`(?:swap|replace|change|scrap|ditch|redo) (?:the )?(?:list|lot)|new (?:list|batch|set|picks|ones|suggestions)|different (?:ones|list|picks|options|batch|set|suggestions)|` +
    String.raw`other (?:ones|options|picks|suggestions)|try again|re-?roll|another (?:batch|list|set|round|go)|all (?:bad|wrong|meh|terrible|awful)|` +
    String.raw`(?:these|they|those) (?:all )?(?:suck|stink|are (?:all )?(?:bad|terrible|awful|wrong|not it|not for me)))\b`,
);

/** A "surprise": a draw for variety rather than closeness ("surprise me", "something random", "hidden gems"). */
export const SURPRISE = new RegExp(
  String.raw`\b(?:surprise(?: me| us)?|surprising|random(?:ly)?|something (?:different|else|unexpected|unusual|out there|left[- ]field|wild|new|fresh|original)|` +
    String.raw`anything goes|dealer'?s choice|you (?:pick|choose|decide)|your (?:pick|choice|call)|mix (?:it|things) up|shake (?:it|things) up|wild ?card|` +
    String.raw`roll the dice|feeling lucky|go wild|hidden gems?|off the beaten (?:path|track)|under the radar|lesser[- ]known|obscure|` +
    String.raw`whatever you (?:like|want|think|recommend|fancy)|something i (?:wouldn't|would not|won't|will not) (?:expect|think of|pick|find))\b`,
);
/** Weaker: a surprise only when the message asks nothing else ("anything", "idk, whatever"). */
export const SURPRISE_WEAK =
  /\b(?:anything|whatever|(?:i )?(?:don't|do not) (?:care|mind)|no idea|no preference|up to you|either way|doesn't matter|dunno|any(?: one| of them)? (?:is|will be) fine)\b/;

/** Newer than the list shown ("newer stuff", "something more recent", "too old"), without a year given. */
export const NEWER = new RegExp(
  String.raw`\b(?:newer|more recent|recent(?:er)? ones|more modern|modern(?: ones| stuff| films| movies)?|less old|not (?:so|as|that) old|fresher|` +
    String.raw`(?:the )?latest(?: ones| stuff| films| movies)?|new(?:er)? (?:ones|stuff|films|movies|releases)|too ${INT}(?:old|dated|old[- ]fashioned)|` +
    String.raw`dated|more current|up to date|from this (?:decade|century)|this (?:decade|century)|nothing (?:too |so )?old)\b`,
);
/** Older than the list shown ("older films", "classics", "old school"), without a year given. */
export const OLDER = new RegExp(
  String.raw`\b(?:older|classics?|vintage|retro|old[- ]school|old(?:er)? (?:ones|stuff|films|movies|favourites|favorites)|less (?:new|recent|modern)|` +
    String.raw`not (?:so|as|that) (?:new|recent|modern)|too ${INT}(?:new|recent|modern)|golden age|black and white|from back in the day|timeless|oldies|old but gold)\b`,
);
/** An explicit year or decade: then "older"/"newer" are absolute ("older than 2000"), read as constraints. */
export const YEARISH = /\b(?:19|20)\d\d\b|(?:^|\s)'?\d0'?s\b|\b(?:19|20)\d0'?s\b|\b(?:eighties|nineties|seventies|sixties|fifties|noughties)\b/;

export type Tone = 'lighter' | 'upbeat' | 'gentler' | 'less-scary' | 'calmer' | 'darker' | 'scarier' | 'exciting' | 'funnier';

/**
 * Mood words about tone, each with the genres it shifts toward (`more`) and away from (`fewer`),
 * canonical names as the constraints use them. Never a title search: "too dark" is about the list.
 */
export const TONES: { tone: Tone; cue: RegExp; more: string[]; fewer: string[] }[] = [
  {
    tone: 'lighter',
    cue: new RegExp(
      String.raw`\b${COMPLAINT}(?:dark|grim|bleak|depressing|gloomy|morbid|heavy|sad|miserable|dreary|downbeat)\b|` +
              String.raw`\btoo ${INT}(?:dark|grim|bleak|heavy|depressing|sad|gloomy|morbid|miserable|somber|sombre|dreary|serious|disturbing|harrowing|brutal|bleak|much of a downer|downbeat)\b|` +
        String.raw`\b(?:less|not so|not as|not that|nothing (?:too|so))\s+${INT}(?:dark|grim|bleak|heavy|depressing|sad|gloomy|morbid|serious|disturbing|dreary|somber|sombre|downbeat)\b|` +
        String.raw`\b(?:lighter|light[- ]?hearted|feel[- ]?good|cheerful|cheerier|happier|uplifting|wholesome|cozy|cosy|cozier|comforting|heart[- ]?warming|sunnier|brighter|` +
        String.raw`easy[- ]?going|easy watch(?:ing)?|family[- ]friendly|kid[- ]friendly|for the (?:kids|family|whole family)|something (?:for|with) the kids|light (?:stuff|ones?|movies?|films?|watch(?:ing)?|fare)|something light|fluffier|something fun|fun (?:stuff|ones|movies|films)|more fun|funner)\b`,
    ),
    more: ['comedy', 'animation', 'children', 'romance'],
    fewer: ['horror', 'thriller', 'crime', 'war'],
  },
  {
    tone: 'upbeat',
    cue: /\b(?:upbeat|more positive|positive vibes|livelier|more lively|peppy|peppier|good vibes|happy vibes|cheer me up|pick me up|pick-me-up)\b/,
    more: ['comedy', 'musical', 'animation', 'adventure'],
    fewer: ['horror', 'thriller', 'crime', 'war', 'drama'],
  },
  {
    tone: 'gentler',
    cue: new RegExp(
      String.raw`\b${COMPLAINT}(?:violent|gory|bloody|brutal|gruesome)\b|` +
              String.raw`\b(?:too ${INT}|less\s+${INT}|not so |not as |nothing |without (?:the |all the )?|no |fewer )(?:violent|violence|gory|gore|bloody|blood|brutal|graphic|gruesome|fighting|shooting|killing)\b|` +
        String.raw`\b(?:non-?violent|gentler|softer|tamer|kinder)\b`,
    ),
    more: ['comedy', 'romance', 'drama', 'animation'],
    fewer: ['action', 'war', 'crime', 'horror', 'thriller'],
  },
  {
    tone: 'less-scary',
    cue: new RegExp(
      String.raw`\b${COMPLAINT}(?:scary|creepy|frightening|terrifying)\b|` +
        String.raw`\b(?:too ${INT}|less\s+${INT}|not so |not as )(?:scary|creepy|spooky|frightening|terrifying|freaky|horrifying|nightmarish)\b`,
    ),
    more: [],
    fewer: ['horror', 'thriller'],
  },
  {
    tone: 'calmer',
    cue: new RegExp(
      String.raw`\b${COMPLAINT}(?:intense|stressful|hectic|frantic|loud|chaotic)\b|` +
              String.raw`\btoo ${INT}(?:intense|tense|stressful|loud|hectic|frantic|action[- ]packed|much action|exciting|noisy|chaotic)\b|` +
        String.raw`\b(?:less|not so|not as)\s+${INT}(?:intense|tense|stressful|hectic|frantic|loud|chaotic)\b|` +
        String.raw`\b(?:calmer|chill(?:er)?|relaxing|relaxed|quieter|slower|mellow(?:er)?|low[- ]key|laid[- ]back|something calm|calm (?:ones|stuff|movies|films))\b`,
    ),
    more: ['drama', 'romance', 'documentary'],
    fewer: ['action', 'thriller', 'horror', 'war'],
  },
  {
    tone: 'darker',
    cue: new RegExp(
      String.raw`\b${COMPLAINT}(?:silly|childish|kiddy|cheesy|corny|sappy|juvenile|fluffy|goofy)\b|` +
              String.raw`\b(?:darker|grittier|edgier|more serious|more mature|more grown[- ]up|heavier|bleaker|more adult|something dark|dark (?:ones|stuff|movies|films))\b|` +
        String.raw`\btoo ${INT}(?:light|fluffy|silly|childish|kiddy|kiddie|cheesy|sappy|happy|cute|cheerful|goofy|light[- ]?hearted|soft|tame|sweet|saccharine|lightweight|corny|juvenile|family[- ]friendly)\b|` +
        String.raw`\b(?:less|not so|not as)\s+${INT}(?:silly|childish|cheesy|sappy|goofy|fluffy|kiddy|corny|cute|light[- ]?hearted)\b`,
    ),
    more: ['thriller', 'crime', 'drama', 'mystery'],
    fewer: ['children', 'animation', 'comedy', 'musical'],
  },
  {
    tone: 'scarier',
    cue: /\b(?:scarier|creepier|spookier|more (?:scary|creepy|spooky|frightening|terrifying|horrifying|chilling)|something (?:scary|creepy|spooky)|scary (?:ones|stuff|movies|films)|not scary enough)\b/,
    more: ['horror', 'thriller'],
    fewer: ['children', 'animation', 'comedy'],
  },
  {
    tone: 'exciting',
    cue: new RegExp(
      String.raw`\b${COMPLAINT}(?:boring|dull|slow|tedious|sleepy)\b|` +
              String.raw`\b(?:more (?:exciting|intense|thrilling|gripping|suspenseful|action[- ]packed|fast[- ]paced|energetic|edgy)|faster[- ]paced|punchier|edge of (?:my|your|the) seat|not exciting enough)\b|` +
        String.raw`\btoo ${INT}(?:slow|boring|dull|tame|quiet|sleepy|calm|talky|slow[- ]paced)\b`,
    ),
    more: ['action', 'thriller', 'adventure'],
    fewer: ['drama', 'romance', 'documentary'],
  },
  {
    tone: 'funnier',
    cue: /\b(?:funnier|more (?:funny|humou?r|laughs|jokes|hilarious|comedic)|make me laugh|something (?:funny|hilarious)|need a laugh|not funny enough)\b/,
    more: ['comedy'],
    fewer: [],
  },
];

/** Away from a genre, softly: "fewer sci-fi", "less horror", "not so much romance", "too many thrillers". */
export const FEWER_OF =
  /\b(?:fewer|less|not (?:so|as|that) (?:much|many)|not as many|too (?:much|many)|cut (?:down |back )?on|go easy on|lay off|tone down|dial (?:back|down)(?: on)?|lighter on|enough with|easy on)\s+(?:(?:of|on)\s+)?(?:(?:the|those|these|that|all the|all those)\s+)?/g;
/** Toward a genre, softly: "more comedy", "extra action", "lots of romance", "heavier on thrillers". */
export const MORE_OF =
  /(?<!\b(?:no|not|any|nothing|never|don't want|do not want)\s+)\b(?:more|extra|lots of|lots more|a lot more|plenty of|heavier on|bit more|some more|add(?: some| more)?|throw in(?: some| more)?|up the|bump up(?: the)?)\s+(?:of\s+)?(?:(?:the|those|these)\s+)?/g;
/** Where a genre phrase after FEWER_OF / MORE_OF ends. */
export const PHRASE_END =
  /$|[,.;:!?)]|\s(?:and\s+(?:more|less|fewer|no|not|only|just|also|then|maybe|some)|but|please|thanks|from|before|after|since|than|then|instead|though|maybe|if|or\s+(?:more|less|fewer)|more|less|fewer|while|plus)\b/;

/** Words that frame a request for content ("something with...", "what about heist movies", "set in Paris"). */
export const REQUEST_FRAME =
  /\b(?:something|anything|movies?|films?|flicks?|ones|stuff|shows?|about|with|set in|takes? place|featuring|starring|what about|how about|i want|i'd like|looking for|in the mood|mood for|give me|show me|got any|instead|rather|based on|more|kind of|type of|genre)\b/;
export const FRAME_WORDS = new Set(
  'something anything movie movies film films flick flicks ones stuff show shows about with set takes take place featuring starring instead rather based more genre kind type mood looking'.split(
    ' ',
  ),
);
