import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Caller, Services } from '../app/types.js';
import { asUserError } from '../app/errors.js';
import { APOLOGY } from '../app/messages.js';
import { recommendationsView } from '../present/recommendations.js';
import { dispatch, type Session } from './dispatch.js';
import { parseLine } from './parse.js';
import { saveReplyFiles } from './save.js';
import { plain, viewText } from './text.js';

export interface PlaygroundOptions {
  services: Services;
  input: Readable;
  output: Writable;
  /** A terminal gets a prompt and a greeting; otherwise one command per line, each answer printed, exit at EOF. */
  isTTY: boolean;
  /** Default: scope `playground`, user `local`. */
  caller?: Caller;
  maxBytes?: number;
  /** Where files a command returns (`/catalog export`, `/privacy export`) are written, never overwriting. Default: the working folder. */
  outDir?: string;
  /** Where unexpected errors go (never to the answer text). Default: nowhere. */
  onError?: (e: unknown) => void;
}

/** The same commands as in Discord, typed in a terminal, over the same services. Resolves at /quit or EOF. */
export async function runPlayground(o: PlaygroundOptions): Promise<void> {
  const session: Session = {
    services: o.services,
    caller: o.caller ?? { scope: 'playground', userId: 'local', userName: 'you' },
    maxBytes: o.maxBytes ?? 10 * 1024 * 1024,
    turns: 0,
    started: Date.now(),
    progress: (line) => void o.output.write(`${line}\n`),
  };
  const write = (s: string) => o.output.write(s.endsWith('\n') ? s : `${s}\n`);
  const rl = createInterface({ input: o.input, output: o.isTTY ? o.output : undefined, terminal: o.isTTY, prompt: 'tastemaker> ' });
  if (o.isTTY) {
    const info = await o.services.catalog.info(session.caller.scope).catch(() => null);
    const catalog = info ? `The catalog holds ${info.itemCount.toLocaleString('en-US')} items.` : 'No catalog yet: /catalog starter switches on the movie catalog.';
    write(`Tastemaker playground. ${catalog} Try /recommend heist movies, then type to refine it. /help lists commands, /quit leaves.`);
    rl.prompt();
  }
  for await (const line of rl) {
    const p = parseLine(line);
    let quit = false;
    try {
      if (p.kind === 'command') {
        const r = await dispatch(session, p.name, p.args);
        if (r === 'quit') quit = true;
        else if (!r.file) write(viewText(r));
        else {
          const data = r.file.data;
          const saved = await saveReplyFiles(o.outDir ?? process.cwd(), [{ name: r.file.name, attachment: typeof data === 'string' ? Buffer.from(data, 'utf8') : data }]);
          write([viewText(r), ...saved].filter(Boolean).join('\n'));
        }
      } else if (p.kind === 'text') {
        if (!session.conversationId) write('Start with /recommend <what you want>; then plain text refines it. /help lists commands.');
        else {
          const r = await o.services.refine(session.caller, { conversationId: session.conversationId, text: p.text });
          write(viewText(recommendationsView(r, { title: 'Updated list' })));
        }
      }
    } catch (e) {
      const user = asUserError(e);
      if (!user) o.onError?.(e);
      write(`! ${user ? plain(user.message) : APOLOGY}`);
    }
    if (quit) break;
    if (o.isTTY) {
      write('');
      rl.prompt();
    } else if (p.kind !== 'empty') write('');
  }
  rl.close();
}
