import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Caller, Services } from '../app/types.js';
import { UserError } from '../discord/errors.js';
import { checkRating, RANK_MAX, splitTitles } from '../discord/options.js';
import { bytes as human, num, stars, titleOf } from '../discord/render/escape.js';
import { progressLine, renderCatalogExport, renderCatalogInfo, renderUploadReport } from '../discord/render/catalog.js';
import type { Rendered } from '../discord/render/limits.js';
import { renderHelp, renderImportReport, renderNotice, renderPrivacyExport } from '../discord/render/misc.js';
import { renderPredict, renderRank } from '../discord/render/predict.js';
import { renderProfile } from '../discord/render/profile.js';
import { renderRecommendations } from '../discord/render/recommendations.js';
import { renderWatchedList } from '../discord/render/watched.js';
import { resolveItem } from '../discord/resolve.js';
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

const USAGE: Record<string, string> = {
  recommend: '/recommend <what you want> (then type plain text to refine)',
  rate: '/rate <title> <0.5-5>',
  watched: '/watched add <title> [rating] | /watched list | /watched remove <title>',
  predict: '/predict <title>',
  rank: '/rank <title>, <title>, ... [method:pointwise|pairwise|listwise]',
  similar: '/similar <title or description>',
  catalog: '/catalog upload <file> [merge] | info | export | remove <title> | starter | clear',
  import: '/import <file> [letterboxd|imdb|csv]',
  privacy: '/privacy export | /privacy delete confirm',
};

const usage = (name: string) => new UserError('playground.usage', { usage: USAGE[name] ?? `/${name}` });

async function readLocal(path: string, maxBytes: number): Promise<Uint8Array> {
  try {
    const st = await stat(path);
    if (st.size > maxBytes) throw new UserError('attachment.tooLarge', { size: human(st.size), max: human(maxBytes) });
    return new Uint8Array(await readFile(path));
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError('file.unreadable', { path, reason: e instanceof Error && 'code' in e ? String((e as { code: unknown }).code) : 'unknown error' });
  }
}

/** Runs one playground command against the services; returns what to print. */
export async function dispatch(s: Session, name: string, args: string): Promise<Rendered | 'quit'> {
  const { services: sv, caller: c } = s;
  switch (name) {
    case 'quit':
    case 'exit':
      return 'quit';
    case 'help':
      return renderHelp(await sv.llmStatus(c.scope));
    case 'recommend': {
      if (!args) throw new UserError('request.empty');
      s.conversationId = `playground.${c.userId}.${s.started.toString(36)}.${++s.turns}`;
      const r = await sv.recommend(c, { text: args, count: 5, conversationId: s.conversationId });
      return renderRecommendations(r, { title: `Recommendations: ${args}`, hint: 'Type plain text to refine this list.' });
    }
    case 'next':
      return renderRecommendations(await sv.next(c, { count: Number(args) || 5 }), { title: 'Up next for you' });
    case 'rate': {
      const { title, number } = trailingNumber(args);
      if (!title || number === undefined) throw usage('rate');
      const score = checkRating(number);
      const item = await resolveItem(sv, c, title);
      await sv.rate(c, item.id, score);
      return renderNotice(`Rated **${titleOf(item)}** ${stars(score)}.`);
    }
    case 'watched': {
      const [sub, rest] = firstWord(args);
      if (sub === 'list') return renderWatchedList(await sv.watched.list(c));
      if ((sub !== 'add' && sub !== 'remove') || !rest) throw usage('watched');
      const { title, number } = sub === 'add' ? trailingNumber(rest) : { title: rest, number: undefined };
      const item = await resolveItem(sv, c, title);
      if (sub === 'remove') {
        if (!(await sv.watched.remove(c, item.id))) throw new UserError('watched.notFound', { title: item.title });
        return renderNotice(`Removed **${titleOf(item)}** from your watched list.`);
      }
      const rating = number === undefined ? undefined : checkRating(number);
      await sv.watched.add(c, item.id, rating);
      return renderNotice(`Added **${titleOf(item)}** to your watched list${rating !== undefined ? ` with ${stars(rating)}` : ''}.`);
    }
    case 'predict': {
      if (!args) throw usage('predict');
      const item = await resolveItem(sv, c, args);
      return renderPredict(await sv.predict(c, { itemId: item.id }));
    }
    case 'rank': {
      const m = args.match(/\s+method:(pointwise|pairwise|listwise)\s*$/i);
      const method = (m?.[1]?.toLowerCase() ?? 'listwise') as 'pointwise' | 'pairwise' | 'listwise';
      const titles = splitTitles(m ? args.slice(0, m.index) : args);
      if (titles.length < 2) throw new UserError('rank.tooFew');
      if (titles.length > RANK_MAX) throw new UserError('rank.tooMany', { max: RANK_MAX, count: titles.length });
      return renderRank(await sv.rank(c, { titles, method }));
    }
    case 'similar': {
      if (!args) throw new UserError('similar.needInput');
      const item = (await sv.getItem(c.scope, args)) ?? (await sv.resolveTitle(c, args));
      const r = await sv.similar(c, item ? { itemId: item.id, count: 8 } : { text: args, count: 8 });
      return renderRecommendations(r, { title: item ? `Similar to ${item.title}` : `Similar to "${args}"` });
    }
    case 'profile':
      return renderProfile(await sv.profile(c));
    case 'privacy': {
      const [sub, rest] = firstWord(args);
      if (sub === 'export') return renderPrivacyExport(await sv.privacy.export(c));
      if (sub === 'delete' && rest === 'confirm') {
        await sv.privacy.delete(c);
        return renderNotice('Done: your data here is deleted.');
      }
      throw usage('privacy');
    }
    case 'import': {
      const [path, format] = args.split(/\s+(?=(?:letterboxd|imdb|csv)$)/i);
      if (!path) throw usage('import');
      const bytes = await readLocal(path, s.maxBytes);
      const fmt = format?.toLowerCase() as 'letterboxd' | 'imdb' | 'csv' | undefined;
      return renderImportReport(await sv.importHistory(c, { bytes, filename: basename(path), format: fmt }), basename(path));
    }
    case 'catalog':
      return catalog(s, args);
    default:
      throw new UserError('playground.unknownCommand', { command: `/${name}` });
  }
}

async function catalog(s: Session, args: string): Promise<Rendered> {
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
      return renderUploadReport(report, basename(path));
    }
    case 'starter': {
      // The playground switches the starter on by itself: saying "replaced, added 0" again would only confuse.
      const info = await sv.catalog.info(c.scope);
      if (info?.source === 'starter') return renderNotice(`The starter catalog is already on (${num(info.itemCount)} items).`);
      return renderUploadReport(await sv.catalog.starter(c), 'starter catalog');
    }
    case 'info':
      return renderCatalogInfo(await sv.catalog.info(c.scope));
    case 'export': {
      const items = await sv.catalog.export(c.scope);
      return renderCatalogExport(JSON.stringify(items), items.length);
    }
    case 'remove': {
      if (!rest) throw usage('catalog');
      const item = await resolveItem(sv, c, rest);
      return renderNotice((await sv.catalog.remove(c, item.id)) ? `Removed **${titleOf(item)}** from the catalog.` : 'Nothing removed.');
    }
    case 'clear':
      return renderNotice((await sv.catalog.clear(c)) ? 'The catalog is cleared.' : 'There was no catalog to clear.');
    default:
      throw usage('catalog');
  }
}
