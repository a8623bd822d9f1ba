/** `npm run bench -- store|engine|llm|bot|card|memory|load [options]`: runs one bench, or all of them without a name. */
const BENCHES: Record<string, (args: string[]) => Promise<unknown>> = {
  store: async (a) => (await import('./store.js')).benchStore(a),
  engine: async (a) => (await import('./engine.js')).benchEngine(a),
  llm: async () => (await import('./llm.js')).benchLlm(),
  bot: async (a) => (await import('./bot.js')).benchBot(a),
  card: async (a) => (await import('./card.js')).benchCard(a),
  memory: async (a) => (await import('./memory.js')).benchMemory(a),
  load: async (a) => (await import('./load.js')).benchLoad(a),
};

const [name, ...rest] = process.argv.slice(2);
const chosen = name ? [name] : Object.keys(BENCHES);
for (const n of chosen) {
  const run = BENCHES[n];
  if (!run) {
    console.error(`Unknown bench "${n}". Choose one of: ${Object.keys(BENCHES).join(', ')}.`);
    process.exit(2);
  }
  console.log(`\n=== bench ${n}`);
  await run(rest);
}
process.exit(0);
