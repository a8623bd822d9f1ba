/**
 * The words of a request that say nothing about what is wanted: function words (and bare numbers); the words
 * of asking ("recommend", "suggestions", "what should I watch"); the thing asked for ("movie", "something");
 * when ("tonight", "this weekend"); vague praise and acclaim ("good", "great", "classic"); and states that ask
 * for anything at all ("bored", "surprise me"). A request made only of these has no content: the member's taste and the server's
 * habits answer it, never a search for its words. Words that also name a subject ("time" in "time travel",
 * "love" in "love story", "new", "fun", "light") are not here: they count as content.
 */
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from as into about than then so is are was were be been ' +
    'being am it its this that these those there here he she they them his her their we us our you your yours ' +
    'i me my mine myself im ive id ill youre thats whats theres lets it s t d ll m re ve ' +
    'what which who whom when where why how all any some such each every other another else more most few ' +
    'couple bit lot lots kind sort type sorts types kinds ' +
    'can could would should will shall may might must do does did doing have has had get got gonna wanna gotta ' +
    'just really very quite pretty too also maybe perhaps please pls plz thanks thank hey hi hello ok okay yeah ' +
    'yes u ur'
  ).split(' '),
);

/** The words of asking, and of asking for anything at all. */
const ASKING_WORDS = new Set(
  (
    // asking
    'recommend recommends recommended recommending recommendation recommendations rec recs suggest suggests ' +
    'suggested suggestion suggestions idea ideas option options pick picks choice choices choose help tell show ' +
    'give find want wants wanted need needs looking look like likes mood put ' +
    // what is asked for
    'watch watching watched see seeing seen stream streaming movie movies film films flick flicks cinema ' +
    'something anything stuff thing things one ones title titles list ' +
    // when
    'tonight today tomorrow now later weekend evening tonite ' +
    // vague praise, and asking for anything at all
    'good great nice best better decent solid cool awesome amazing excellent fine worth watchable entertaining ' +
    'popular favorite favourite top random whatever surprise bored ' +
    // acclaim: how well thought of, not what it is about ("a classic western" is a western the crowd rates well)
    'classic classics iconic legendary acclaimed beloved masterpiece masterpieces'
  ).split(' '),
);

/** Lower-cased words of a text (letters, digits, apostrophes inside words dropped: "I'm" -> "im"). */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}-]+/u)
    .filter(Boolean);
}

const bare = (word: string): string => word.toLowerCase().replace(/['’]/g, '');

/**
 * A word of asking ("recommend", "movie", "tonight", "good"): what a text search leaves out. Function words
 * and numbers stay in what is searched, where they hold phrases together ("coming of age", "world war 2").
 */
export function isAskingWord(word: string): boolean {
  return ASKING_WORDS.has(bare(word));
}

/** A word that says nothing about what is wanted: a word of asking, a function word or a bare number. */
export function isRequestWord(word: string): boolean {
  const w = bare(word);
  return ASKING_WORDS.has(w) || FUNCTION_WORDS.has(w) || /^\d+$/.test(w);
}

/** The words of a text that say what is wanted: "a tense heist movie for tonight" -> tense, heist. */
export function contentWords(text: string): string[] {
  return wordsOf(text).filter((w) => !isRequestWord(w));
}
