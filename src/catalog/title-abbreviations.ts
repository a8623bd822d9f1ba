/**
 * Short names people type for well-known titles, lower-case, and what they stand for: a title, a subtitle
 * or a series name, read again by the title resolver (so "hp 3" is "harry potter 3", the third of the series,
 * and "t2" is "terminator 2", whose subtitle the resolver fills in). Any catalog may use them: an entry
 * whose expansion names nothing in the catalog simply finds nothing. Initials typed in capitals ("BTTF")
 * need no entry here: the resolver matches them against every title's initials.
 */
export const TITLE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  lotr: 'the lord of the rings the fellowship of the ring',
  fotr: 'the fellowship of the ring',
  ttt: 'the two towers',
  rotk: 'the return of the king',
  hp: 'harry potter',
  sw: 'star wars',
  anh: 'a new hope',
  esb: 'the empire strikes back',
  rotj: 'return of the jedi',
  tpm: 'the phantom menace',
  aotc: 'attack of the clones',
  rots: 'revenge of the sith',
  tfa: 'the force awakens',
  tlj: 'the last jedi',
  t1: 'the terminator',
  t2: 'terminator 2',
  t3: 'terminator 3',
  bttf: 'back to the future',
  jp: 'jurassic park',
  mi: 'mission impossible',
  potc: 'pirates of the caribbean',
  gotg: 'guardians of the galaxy',
  tdk: 'the dark knight',
  tdkr: 'the dark knight rises',
  mib: 'men in black',
  st: 'star trek',
  et: 'e t the extra terrestrial',
  id4: 'independence day',
  indy: 'indiana jones',
  hg: 'the hunger games',
  '2001': '2001 a space odyssey',
};

/** What a typed short name stands for: an entry ("t2"), or an entry and a number ("hp3", "hp 3" -> "harry potter 3"). */
export function expandAbbreviation(norm: string): string | undefined {
  const whole = TITLE_ABBREVIATIONS[norm];
  if (whole) return whole;
  const m = /^([a-z]+) ?(\d+)$/.exec(norm);
  const base = m ? TITLE_ABBREVIATIONS[m[1]] : undefined;
  return base && m ? `${base} ${m[2]}` : undefined;
}
