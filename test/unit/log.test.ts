import { describe, expect, it } from 'vitest';
import { createLogger, scrubSecrets } from '../../src/log.js';

/** A logger writing into an array of parsed JSON lines. */
function capture(level = 'info') {
  const raw: string[] = [];
  const logger = createLogger(level, { write: (s: string) => void raw.push(s) });
  const lines = () => raw.map((s) => JSON.parse(s) as Record<string, unknown>);
  return { logger, raw, lines };
}

describe('createLogger', () => {
  it('GIVEN an info line THEN one JSON object is written with level, time, app and message', () => {
    const { logger, lines } = capture();
    logger.info({ scope: 'g1', items: 3 }, 'catalog uploaded');
    expect(lines()).toHaveLength(1);
    expect(lines()[0]).toMatchObject({ level: 30, app: 'tastemaker', scope: 'g1', items: 3, msg: 'catalog uploaded' });
    expect(typeof lines()[0]?.time).toBe('number');
  });

  it.each([
    { level: 'warn', written: ['warn', 'error'] },
    { level: 'debug', written: ['debug', 'info', 'warn', 'error'] },
    { level: 'silent', written: [] },
  ])('GIVEN level $level THEN only lines at or above it are written', ({ level, written }) => {
    const { logger, lines } = capture(level);
    logger.trace('trace');
    logger.debug('debug');
    logger.info('info');
    logger.warn('warn');
    logger.error('error');
    expect(lines().map((l) => l.msg)).toEqual(written);
  });

  it('GIVEN secrets under secret-named fields at any depth THEN none reach the output', () => {
    const { logger, raw } = capture();
    logger.info(
      {
        token: 'tok-top-111111',
        config: { DISCORD_TOKEN: 'tok-cfg-222222', GEMINI_API_KEY: 'key-cfg-333333', OPENAI_API_KEY: 'key-cfg-444444' },
        request: { deep: { apiKey: 'key-deep-555555', headers: { authorization: 'Bot tok-hdr-666666', 'x-goog-api-key': 'key-hdr-777777' } } },
        list: [{ password: 'pw-list-888888' }],
      },
      'request sent',
    );
    const out = raw.join('');
    for (const s of ['111111', '222222', '333333', '444444', '555555', '666666', '777777', '888888']) expect(out).not.toContain(s);
    expect(out).toContain('[redacted]');
  });

  it('GIVEN fields that only resemble secret names (token counts, cache keys) THEN they are kept', () => {
    const { logger, lines } = capture();
    logger.info({ tokens: 1234, cacheKey: 'emb:abc', keys: 2 }, 'usage');
    expect(lines()[0]).toMatchObject({ tokens: 1234, cacheKey: 'emb:abc', keys: 2 });
  });

  it('GIVEN an error whose message holds an API key in a URL THEN the logged error keeps its type but not the key', () => {
    const { logger, raw, lines } = capture();
    logger.error({ err: new TypeError('fetch failed: https://g.example/v1/models?key=AIzaErrKey12345') }, 'llm call failed');
    logger.error(new Error('GET https://g.example/x?key=AIzaBareErr999'));
    const out = raw.join('');
    expect(out).not.toContain('AIzaErrKey12345');
    expect(out).not.toContain('AIzaBareErr999');
    expect(lines()[0]?.err).toMatchObject({ type: 'TypeError' });
  });

  it('GIVEN a message string or format argument containing a Bot token THEN it is scrubbed', () => {
    const { logger, raw } = capture();
    logger.warn('header was Bot MTIz.abc.defghijklmnop');
    logger.warn('header was %s', 'Bearer sk-abcdefghijklmnop');
    const out = raw.join('');
    expect(out).not.toContain('defghijklmnop');
    expect(out).not.toContain('sk-abcdefghijklmnop');
  });

  it('GIVEN an object that refers to itself THEN logging does not throw', () => {
    const { logger, lines } = capture();
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    logger.info({ loop }, 'cyclic');
    expect(lines()[0]?.msg).toBe('cyclic');
  });
});

describe('scrubSecrets', () => {
  it.each([
    { given: 'a key query parameter', input: 'GET https://g.example/v1?key=AIzaSecret1&alt=sse', gone: 'AIzaSecret1', kept: 'alt=sse' },
    { given: 'an x-goog-api-key header', input: '{"x-goog-api-key":"AIzaHeader2"}', gone: 'AIzaHeader2', kept: 'x-goog-api-key' },
    { given: 'a Bot authorization', input: 'Authorization: Bot MTIz.GhIj.sEcReT3xyz', gone: 'sEcReT3xyz', kept: 'Authorization: Bot' },
    { given: 'a Bearer authorization', input: 'Authorization: Bearer sk-secret4secret4', gone: 'secret4', kept: 'Bearer' },
    { given: 'a password in a URL', input: 'connect redis://default:pw5secret@127.0.0.1:6379 failed', gone: 'pw5secret', kept: '127.0.0.1:6379' },
  ])('GIVEN $given THEN the secret is removed and the rest kept', ({ input, gone, kept }) => {
    const out = scrubSecrets(input);
    expect(out).not.toContain(gone);
    expect(out).toContain(kept);
    expect(out).toContain('[redacted]');
  });

  it('GIVEN known secret values THEN every occurrence is removed, short values left alone', () => {
    const out = scrubSecrets('a=plainsecret6 b=plainsecret6 c=abc', ['plainsecret6', 'abc', undefined]);
    expect(out).toBe('a=[redacted] b=[redacted] c=abc');
  });

  it('GIVEN text without secrets THEN it is unchanged', () => {
    const text = 'Recommended 5 movies for user 42 in 120 ms (key facts: none)';
    expect(scrubSecrets(text)).toBe(text);
  });
});
