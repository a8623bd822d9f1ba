// Types for wink-porter2-stemmer (MIT), which ships none: one function, word -> Porter2 stem.
declare module 'wink-porter2-stemmer' {
  const stem: (word: string) => string;
  export default stem;
}
