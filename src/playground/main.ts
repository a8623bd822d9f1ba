/** `npm run playground`: the terminal face over the real services and storage, token or not. */
import { exitOnError, start } from '../start.js';

start('playground').catch(exitOnError);
