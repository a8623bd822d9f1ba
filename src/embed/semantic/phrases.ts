/**
 * Multi-word expressions that mean something their words do not: each becomes one token ("time travel"
 * is not "time" plus "travel"). A small, hand-written table of general film and story vocabulary.
 *
 * `variants` are matched on Porter2 stems of consecutive words (so "serial killers" and "coming-of-age"
 * match), longest first. `vector` names the words whose vectors stand for the phrase in the semantic
 * part (default: the content words of the first variant); the lexical part hashes the phrase id.
 */
export interface Phrase {
  id: string;
  variants: string[];
  vector?: string[];
}

export const PHRASES: readonly Phrase[] = [
  { id: 'science_fiction', variants: ['science fiction', 'sci fi', 'scifi', 'science fi'], vector: ['sci-fi', 'science', 'fiction'] },
  { id: 'coming_of_age', variants: ['coming of age', 'come of age', 'comes of age', 'growing up', 'grow up'], vector: ['coming-of-age', 'adolescence', 'teenage'] },
  { id: 'film_noir', variants: ['film noir', 'neo noir', 'noir'], vector: ['noir', 'detective', 'crime'] },
  { id: 'true_story', variants: ['based on a true story', 'based on true story', 'based on true events', 'based on a true event', 'true story', 'true events', 'real events', 'real life events'], vector: ['true', 'story', 'real'] },
  { id: 'found_footage', variants: ['found footage'], vector: ['footage', 'camcorder', 'documentary'] },
  { id: 'time_travel', variants: ['time travel', 'time traveling', 'time travelling', 'time traveler', 'time traveller', 'time machine', 'travels through time', 'travel through time', 'back in time'], vector: ['time-travel', 'future', 'past'] },
  { id: 'serial_killer', variants: ['serial killer', 'serial murderer', 'serial killing'], vector: ['killer', 'murders'] },
  { id: 'martial_arts', variants: ['martial arts', 'martial artist', 'kung fu', 'karate'], vector: ['martial', 'kung', 'karate'] },
  { id: 'road_trip', variants: ['road trip', 'road movie'], vector: ['road', 'trip', 'journey'] },
  { id: 'high_school', variants: ['high school', 'highschool'], vector: ['school', 'students', 'teenagers'] },
  { id: 'world_war_ii', variants: ['world war ii', 'world war 2', 'world war two', 'second world war', 'ww2', 'wwii'], vector: ['wartime', 'nazis', 'war'] },
  { id: 'world_war_i', variants: ['world war i', 'world war 1', 'world war one', 'first world war', 'great war', 'ww1', 'wwi'], vector: ['wartime', 'trenches', 'war'] },
  { id: 'cold_war', variants: ['cold war'], vector: ['soviet', 'espionage'] },
  { id: 'civil_war', variants: ['civil war'], vector: ['civil', 'war'] },
  { id: 'outer_space', variants: ['outer space', 'in space', 'deep space', 'space travel', 'space station', 'spaceship', 'space ship'], vector: ['space', 'spacecraft', 'astronaut'] },
  { id: 'post_apocalyptic', variants: ['post apocalyptic', 'post apocalypse', 'postapocalyptic', 'end of the world'], vector: ['apocalyptic', 'apocalypse', 'survivors'] },
  { id: 'romantic_comedy', variants: ['romantic comedy', 'rom com', 'romcom'], vector: ['romantic', 'comedy'] },
  { id: 'dark_comedy', variants: ['dark comedy', 'black comedy', 'dark humor', 'dark humour', 'black humor'], vector: ['comedy', 'satire', 'macabre'] },
  { id: 'superhero', variants: ['super hero', 'super heroes', 'superhero', 'superheroes'], vector: ['superhero', 'superheroes'] },
  { id: 'stop_motion', variants: ['stop motion'], vector: ['animation', 'puppets'] },
  { id: 'artificial_intelligence', variants: ['artificial intelligence', 'a i'], vector: ['artificial', 'intelligence', 'robot'] },
  { id: 'virtual_reality', variants: ['virtual reality'], vector: ['virtual', 'simulation'] },
  { id: 'haunted_house', variants: ['haunted house', 'haunted mansion'], vector: ['haunted', 'ghosts', 'house'] },
  { id: 'alien_invasion', variants: ['alien invasion', 'aliens invade', 'invasion from space'], vector: ['aliens', 'invasion'] },
  { id: 'new_york', variants: ['new york', 'new york city', 'nyc', 'manhattan'], vector: ['york', 'manhattan'] },
  { id: 'los_angeles', variants: ['los angeles'], vector: ['angeles', 'hollywood'] },
  { id: 'las_vegas', variants: ['las vegas', 'vegas'], vector: ['vegas', 'casino'] },
  { id: 'small_town', variants: ['small town'], vector: ['town', 'rural'] },
  { id: 'organized_crime', variants: ['organized crime', 'organised crime', 'crime boss', 'crime family'], vector: ['mafia', 'mob', 'gangsters'] },
  { id: 'hitman', variants: ['hit man', 'hitman', 'contract killer', 'hired killer', 'hired gun'], vector: ['hitman', 'assassin'] },
  { id: 'best_friend', variants: ['best friend', 'best friends'], vector: ['friend', 'friendship'] },
  { id: 'fish_out_of_water', variants: ['fish out of water'], vector: ['stranger', 'unfamiliar'] },
  { id: 'cult_film', variants: ['cult film', 'cult movie', 'cult classic'], vector: ['cult', 'classic'] },
  { id: 'twist_ending', variants: ['twist ending', 'plot twist', 'surprise ending'], vector: ['twist', 'surprise'] },
  { id: 'mind_bending', variants: ['mind bending', 'mind blowing', 'mind fuck', 'mindfuck'], vector: ['surreal', 'psychological'] },
  { id: 'feel_good', variants: ['feel good', 'feelgood', 'heart warming', 'heartwarming'], vector: ['heartwarming', 'uplifting'] },
  { id: 'spaghetti_western', variants: ['spaghetti western'], vector: ['western', 'italian'] },
  { id: 'sword_and_sorcery', variants: ['sword and sorcery'], vector: ['sword', 'sorcery', 'fantasy'] },
  { id: 'drug_addiction', variants: ['drug addiction', 'drug addict', 'drug abuse'], vector: ['addiction', 'drugs'] },
  { id: 'based_on_book', variants: ['based on a book', 'based on the book', 'based on a novel', 'based on the novel', 'book adaptation', 'novel adaptation'], vector: ['novel', 'adaptation', 'book'] },
  { id: 'based_on_comic', variants: ['based on a comic', 'based on comic', 'comic book', 'graphic novel'], vector: ['comic', 'comics'] },
  { id: 'single_parent', variants: ['single mother', 'single father', 'single parent', 'single mom', 'single dad'], vector: ['mother', 'father', 'parent'] },
  { id: 'human_nature', variants: ['human nature'], vector: ['human', 'nature'] },
];
