import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Caller, Services } from '../app/types.js';
import { checkRankTitles, checkRating } from '../app/checks.js';
import { AppError } from '../app/errors.js';
import { findItem, resolveItem } from '../app/resolve-title.js';
import { splitTitles } from '../domain/rules.js';
import { importReportView, privacyExportView } from '../present/account.js';
import { catalogExportView, catalogInfoView, progressLine, uploadReportView } from '../present/catalog.js';
import { COMMANDS, helpView, typedUsage } from '../present/help.js';
import { catalogClearedNotice, catalogRemovedNotice, ratedNotice, watchedAddedNotice, watchedRemovedNotice } from '../present/notices.js';
import { predictView, rankView } from '../present/predict.js';
import { profileView } from '../present/profile.js';
import { profileCardData } from '../present/card/profile-data.js';
import { renderProfileCard } from '../present/card/profile-card.js';
import { groupPickText } from '../present/vote.js';
import { recommendationsView } from '../present/recommendations.js';
import { bytes as human, num } from '../present/text.js';
import { notice, type View } from '../present/view.js';
import { withTaken } from '../present/taken.js';
import { watchedView } from '../present/watched.js';
import { firstWord, trailingNumber } from './parse.js';

export interface Session {
  services: Services;
  caller: Caller;
  maxBytes: number;
  /** The conversation plain text refines (set by /recommend). */
  conversationId?: string;
  /** Counter and start time for conversation ids (letters, digits, `.`, `_`, `-` only, as the store requires). */
  turns: number;
  started: number;
  /** Progress lines while uploading. */
  progress: (line: string) => void;
}

const usage = (name: string) => new AppError('command.usage', { usage: typedUsage(name) });

async function readLocal(path: string, maxBytes: number): Promise<Uint8Array> {
  try {
    const st = await stat(path);
    if (st.size > maxBytes) throw new AppError('attachment.too-large', { size: human(st.size), max: human(maxBytes) });
    return new Uint8Array(await readFile(path));
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('file.unreadable', { path, reason: e instanceof Error && 'code' in e ? String((e as { code: unknown }).code) : 'unknown error' });
  }
}

/** The commands the playground answers (its `switch` below); /help names the others as Discord's. */
const PLAYGROUND_COMMANDS: ReadonlySet<string> = new Set(['recommend', 'next', 'rate', 'watched', 'predict', 'rank', 'similar', 'profile', 'privacy', 'import', 'catalog']);

/** Runs one playground command against the services; returns what to print. */
export async function dispatch(s: Session, name: string, args: string): Promise<View | 'quit'> {
  const { services: sv, caller: c } = s;
  switch (name) {
    case 'quit':
    case 'exit':
      return 'quit';
    case 'help':
      return helpView(await sv.llmStatus(c.scope), { tmdb: sv.tmdbStatus().configured, available: PLAYGROUND_COMMANDS });
    case 'recommend': {
      if (!args) throw new AppError('request.empty');
      s.conversationId = `playground.${c.userId}.${s.started.toString(36)}.${++s.turns}`;
      const r = await sv.recommend(c, { text: args, count: 5, conversationId: s.conversationId });
      return recommendationsView(r, { title: `Recommendations: ${args}`, hint: ['Type plain text to refine this list.'] });
    }
    case 'next':
      return recommendationsView(await sv.next(c, { count: Number(args) || 5 }), { title: 'Up next for you' });
    case 'rate': {
      const { title, number } = trailingNumber(args);
      if (!title || number === undefined) throw usage('rate');
      const score = checkRating(number);
      const { item, taken } = await resolveItem(sv, c, title);
      await sv.rate(c, item.id, score);
      return withTaken(ratedNotice(item, score), taken);
    }
    case 'watched': {
      const [sub, rest] = firstWord(args);
      if (sub === 'list') return watchedView(await sv.watched.list(c));
      if ((sub !== 'add' && sub !== 'remove') || !rest) throw usage('watched');
      const { title, number } = sub === 'add' ? trailingNumber(rest) : { title: rest, number: undefined };
      const { item, taken } = await resolveItem(sv, c, title);
      if (sub === 'remove') {
        if (!(await sv.watched.remove(c, item.id))) throw new AppError('watched.not-found', { title: item.title });
        return withTaken(watchedRemovedNotice(item), taken);
      }
      const rating = number === undefined ? undefined : checkRating(number);
      await sv.watched.add(c, item.id, rating);
      return withTaken(watchedAddedNotice(item, rating), taken);
    }
    case 'predict': {
      if (!args) throw usage('predict');
      const { item, taken } = await resolveItem(sv, c, args);
      return withTaken(predictView(await sv.predict(c, { itemId: item.id })), taken);
    }
    case 'rank': {
      const m = args.match(/\s+method:(pointwise|pairwise|listwise)\s*$/i);
      const method = (m?.[1]?.toLowerCase() ?? 'listwise') as 'pointwise' | 'pairwise' | 'listwise';
      const titles = checkRankTitles(splitTitles(m ? args.slice(0, m.index) : args));
      return rankView(await sv.rank(c, { titles, method }));
    }
    case 'similar': {
      if (!args) throw new AppError('similar.need-input');
      const found = await findItem(sv, c, args);
      const item = found?.item;
      const r = await sv.similar(c, item ? { itemId: item.id, count: 8 } : { text: args, count: 8 });
      return withTaken(recommendationsView(r, { title: item ? `Similar to ${item.title}` : `Similar to "${args}"` }), found?.taken);
    }
    case 'profile': {
      // The picture card goes to a file beside the text, as Discord attaches it.
      const [p, pick] = await Promise.all([sv.profile(c), sv.votes.pick(c.scope)]);
      const data = profileCardData(p, { memberName: c.userName ?? 'you', serverName: 'Playground', ...(pick ? { groupPick: groupPickText(pick) } : {}) });
      return { ...profileView(p), file: { name: 'profile-card.png', data: renderProfileCard(data) } };
    }
    case 'privacy': {
      const [sub, rest] = firstWord(args);
      if (sub === 'export') return privacyExportView(await sv.privacy.export(c));
      if (sub === 'delete' && rest === 'confirm') {
        await sv.privacy.delete(c);
        return notice('Done: your data here is deleted.');
      }
      throw usage('privacy');
    }
    case 'import': {
      const [path, format] = args.split(/\s+(?=(?:letterboxd|imdb|csv)$)/i);
      if (!path) throw usage('import');
      const bytes = await readLocal(path, s.maxBytes);
      const fmt = format?.toLowerCase() as 'letterboxd' | 'imdb' | 'csv' | undefined;
      return importReportView(await sv.importHistory(c, { bytes, filename: basename(path), format: fmt }), basename(path));
    }
    case 'catalog':
      return catalog(s, args);
    default:
      if (COMMANDS.some((x) => x.usage.startsWith(`/${name} `) || x.usage === `/${name}`)) throw new AppError('command.discord-only', { command: `/${name}` });
      throw new AppError('command.unknown', { command: `/${name}` });
  }
}

async function catalog(s: Session, args: string): Promise<View> {
  const { services: sv, caller: c } = s;
  const [sub, rest] = firstWord(args);
  switch (sub) {
    case 'upload': {
      const m = rest.match(/^(.*?)(?:\s+(merge|replace))?$/i);
      const path = m?.[1]?.trim();
      if (!path) throw usage('catalog');
      const bytes = await readLocal(path, s.maxBytes);
      let last = '';
      const report = await sv.catalog.upload(c, {
        bytes, filename: basename(path), mode: (m?.[2]?.toLowerCase() ?? 'replace') as 'replace' | 'merge',
        onProgress: (p) => {
          const line = progressLine(p);
          if (p.phase !== 'embedding' || p.done === 0 || p.done === p.total || line.length !== last.length) s.progress(`  ${line}`);
          last = line;
        },
      });
      return uploadReportView(report, basename(path));
    }
    case 'starter': {
      // The playground switches the starter on by itself: saying "replaced, added 0" again would only confuse.
      const info = await sv.catalog.info(c.scope);
      if (info?.source === 'starter') return notice(`The starter catalog is already on (${num(info.itemCount)} items).`);
      return uploadReportView(await sv.catalog.starter(c), 'starter catalog');
    }
    case 'info':
      return catalogInfoView(await sv.catalog.info(c.scope));
    case 'export': {
      const items = await sv.catalog.export(c.scope);
      return catalogExportView(JSON.stringify(items), items.length);
    }
    case 'remove': {
      if (!rest) throw usage('catalog');
      const { item } = await resolveItem(sv, c, rest);
      return (await sv.catalog.remove(c, item.id)) ? catalogRemovedNotice(item) : notice('Nothing removed.');
    }
    case 'clear':
      return catalogClearedNotice(await sv.catalog.clear(c));
    default:
      throw usage('catalog');
  }
}
