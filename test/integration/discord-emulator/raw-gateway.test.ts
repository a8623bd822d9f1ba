import { constants as zc, createInflate } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startDiscordEmulator, type DiscordEmulator } from '../../emulators/discord/index.js';

interface Frame { op: number; d: any; s: number | null; t: string | null } // eslint-disable-line @typescript-eslint/no-explicit-any -- raw gateway JSON

/** A bare gateway client: collects frames (inflating zlib-stream when asked) and the close code. */
function connect(url: string, compress = false): { ws: WebSocket; next: (pred?: (f: Frame) => boolean) => Promise<Frame>; closed: Promise<number> } {
  const ws = new WebSocket(`${url}?v=10&encoding=json${compress ? '&compress=zlib-stream' : ''}`);
  const frames: Frame[] = [];
  const waiters: (() => void)[] = [];
  const push = (text: string): void => { frames.push(JSON.parse(text) as Frame); waiters.splice(0).forEach((w) => w()); };
  const inflate = createInflate({ finishFlush: zc.Z_SYNC_FLUSH });
  inflate.on('data', (b: Buffer) => push(b.toString('utf8')));
  ws.on('message', (data, isBinary) => { if (isBinary) inflate.write(data as Buffer); else push(data.toString()); });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  const next = async (pred: (f: Frame) => boolean = () => true): Promise<Frame> => {
    for (;;) {
      const i = frames.findIndex(pred);
      if (i >= 0) return frames.splice(i, 1)[0];
      await new Promise<void>((r) => waiters.push(r));
    }
  };
  return { ws, next, closed };
}

describe('discord emulator gateway protocol (raw WebSocket)', () => {
  let emu: DiscordEmulator;
  beforeEach(async () => { emu = await startDiscordEmulator(); });
  afterEach(async () => { await emu.close(); });

  it('GIVEN zlib-stream compression THEN HELLO, READY with session fields, GUILD_CREATE and HEARTBEAT_ACK arrive', async () => {
    const c = connect(emu.gatewayUrl, true);
    expect((await c.next()).d.heartbeat_interval).toBeGreaterThan(0);
    c.ws.send(JSON.stringify({ op: 2, d: { token: emu.token, intents: 513, properties: {} } }));
    const ready = await c.next((f) => f.t === 'READY');
    expect(ready.s).toBe(1);
    expect(ready.d).toMatchObject({ session_id: expect.any(String), resume_gateway_url: emu.gatewayUrl,
      application: { id: emu.applicationId, flags: 0 }, guilds: [{ id: 'g1', unavailable: true }] });
    const guild = await c.next((f) => f.t === 'GUILD_CREATE');
    expect(guild.d.roles[0]).toMatchObject({ id: 'g1', name: '@everyone' });
    expect(guild.d.channels.map((ch: { id: string }) => ch.id)).toEqual(['c1']);
    c.ws.send(JSON.stringify({ op: 1, d: 2 }));
    expect((await c.next((f) => f.op === 11)).op).toBe(11);
    c.ws.close();
  });

  it('GIVEN a wrong token THEN the gateway closes with 4004', async () => {
    const c = connect(emu.gatewayUrl);
    await c.next();
    c.ws.send(JSON.stringify({ op: 2, d: { token: 'nope', intents: 0, properties: {} } }));
    expect(await c.closed).toBe(4004);
  });

  it('GIVEN a RESUME for an unknown session THEN INVALID_SESSION (op 9, not resumable) is sent', async () => {
    const c = connect(emu.gatewayUrl);
    await c.next();
    c.ws.send(JSON.stringify({ op: 6, d: { token: emu.token, session_id: 'missing', seq: 3 } }));
    expect(await c.next((f) => f.op === 9)).toMatchObject({ op: 9, d: false });
    c.ws.close();
  });

  it('GIVEN a session without MESSAGE_CONTENT THEN guild message content is withheld unless the bot is mentioned', async () => {
    const c = connect(emu.gatewayUrl);
    await c.next();
    c.ws.send(JSON.stringify({ op: 2, d: { token: emu.token, intents: 1 | 512, properties: {} } }));
    await c.next((f) => f.t === 'GUILD_CREATE');
    await emu.sendMessage({ channelId: 'c1', author: { id: 'member', username: 'member' }, content: 'secret' });
    await emu.sendMessage({ channelId: 'c1', author: { id: 'member', username: 'member' }, content: 'hey', mentionsBot: true });
    expect((await c.next((f) => f.t === 'MESSAGE_CREATE')).d.content).toBe('');
    expect((await c.next((f) => f.t === 'MESSAGE_CREATE')).d.content).toBe(`<@${emu.botUser.id}> hey`);
    c.ws.close();
  });
});
