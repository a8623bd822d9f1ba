/** `npm start`: the Discord bot with DISCORD_TOKEN, the local playground without. */
import { exitOnError, start } from './start.js';

start('auto').catch(exitOnError);
