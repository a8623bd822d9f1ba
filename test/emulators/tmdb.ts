/**
 * A TMDB API v3 emulator for tests and the bench, on 127.0.0.1 (random port), answering in TMDB's JSON
 * shapes: `GET /3/configuration`, `GET /3/movie/{id}` (with `append_to_response=videos,watch/providers`),
 * `GET /3/search/movie`. Auth as TMDB does it (a v3 `api_key` query parameter or a v4 Bearer token; 401 with
 * status_code 7 otherwise); unknown films are 404 (status_code 34). Faults: 429 with `Retry-After`, 5xx, slow.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerDelay } from './delay.js';

export interface EmulatedMovie {
  id: number;
  title: string;
  year?: number;
  overview?: string;
  runtime?: number;
  adult?: boolean;
  /** YouTube key of its trailer. */
  trailer?: string;
  /** Region -> kind -> provider names, e.g. { US: { flatrate: ['Netflix'] } }. */
  providers?: Record<string, Partial<Record<'flatrate' | 'free' | 'ads' | 'rent' | 'buy', string[]>>>;
}

export type TmdbFault = { kind: '429'; retryAfterS: number } | { kind: '500' | '503' } | { kind: 'slow'; ms: number };

export interface TmdbRequest {
  path: string;
  query: Record<string, string>;
  auth: 'query' | 'bearer' | 'none';
}

const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
};

function movieBody(m: EmulatedMovie, append: string[]): Record<string, unknown> {
  const body: Record<string, unknown> = {
    id: m.id,
    title: m.title,
    overview: m.overview ?? '',
    poster_path: `/poster-${m.id}.jpg`,
    backdrop_path: `/backdrop-${m.id}.jpg`,
    runtime: m.runtime ?? null,
    release_date: m.year ? `${m.year}-06-01` : '',
    adult: m.adult ?? false,
  };
  if (append.includes('videos')) {
    body.videos = { results: m.trailer ? [{ iso_639_1: 'en', key: m.trailer, site: 'YouTube', type: 'Trailer', official: true }] : [] };
  }
  if (append.includes('watch/providers')) {
    const results: Record<string, unknown> = {};
    for (const [region, kinds] of Object.entries(m.providers ?? {})) {
      const r: Record<string, unknown> = { link: `https://www.themoviedb.org/movie/${m.id}/watch?locale=${region}` };
      for (const [kind, names] of Object.entries(kinds)) {
        r[kind] = names.map((provider_name, i) => ({ provider_name, provider_id: i + 1, display_priority: i, logo_path: `/logo-${i}.jpg` }));
      }
      results[region] = r;
    }
    body['watch/providers'] = { results };
  }
  return body;
}

export async function startTmdbEmulator(opts: { apiKey?: string; movies?: EmulatedMovie[] } = {}) {
  const apiKey = opts.apiKey ?? 'tmdb-test-key';
  const movies = new Map((opts.movies ?? []).map((m) => [m.id, m]));
  const requests: TmdbRequest[] = [];
  const faults: TmdbFault[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const delay = answerDelay(timers);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = Object.fromEntries(url.searchParams);
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    requests.push({ path: url.pathname, query: { ...query, ...(query.api_key ? { api_key: '[key]' } : {}) }, auth: bearer ? 'bearer' : query.api_key ? 'query' : 'none' });
    const fault = faults.shift();
    if (fault?.kind === 'slow' && !(await delay(fault.ms, res))) return;
    if (fault?.kind === '429') return send(res, 429, { status_code: 25, status_message: 'Your request count (41) is over the allowed limit of 40.' }, { 'retry-after': String(fault.retryAfterS) });
    if (fault?.kind === '500' || fault?.kind === '503') return send(res, Number(fault.kind), { status_code: 11, status_message: 'Internal error.' });
    if ((bearer ?? query.api_key) !== apiKey) return send(res, 401, { status_code: 7, status_message: 'Invalid API key: You must be granted a valid key.', success: false });
    if (req.method !== 'GET') return send(res, 405, { status_code: 3, status_message: 'Method not allowed.' });
    if (url.pathname === '/3/configuration') {
      return send(res, 200, {
        images: {
          base_url: 'http://image.tmdb.org/t/p/',
          secure_base_url: 'https://image.tmdb.org/t/p/',
          poster_sizes: ['w92', 'w154', 'w185', 'w342', 'w500', 'w780', 'original'],
          backdrop_sizes: ['w300', 'w780', 'w1280', 'original'],
        },
      });
    }
    const m = /^\/3\/movie\/(\d+)$/.exec(url.pathname);
    if (m) {
      const movie = movies.get(Number(m[1]));
      if (!movie) return send(res, 404, { status_code: 34, status_message: 'The resource you requested could not be found.', success: false });
      return send(res, 200, movieBody(movie, (query.append_to_response ?? '').split(',')));
    }
    if (url.pathname === '/3/search/movie') {
      const q = (query.query ?? '').toLowerCase();
      const year = Number(query.year) || undefined;
      const results = [...movies.values()]
        .filter((x) => x.title.toLowerCase() === q && (!year || !x.year || Math.abs(x.year - year) <= 1))
        .map((x) => ({ id: x.id, title: x.title, release_date: x.year ? `${x.year}-06-01` : '', popularity: 1 }));
      return send(res, 200, { page: 1, results, total_pages: 1, total_results: results.length });
    }
    return send(res, 404, { status_code: 34, status_message: 'The resource you requested could not be found.', success: false });
  };

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    requests,
    /** Adds or replaces a film. */
    put(m: EmulatedMovie) {
      movies.set(m.id, m);
    },
    /** The next `times` requests answer with this fault. */
    fault(f: TmdbFault, times = 1) {
      for (let i = 0; i < times; i++) faults.push(f);
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type TmdbEmulator = Awaited<ReturnType<typeof startTmdbEmulator>>;
