/** Gateway (WebSocket) side: HELLO, IDENTIFY -> READY + GUILD_CREATE, heartbeats, RESUME with replay, dispatch. */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { constants as zc, createDeflate, type Deflate } from 'node:zlib';
import { WebSocket, WebSocketServer } from 'ws';
import { Intent } from './constants.js';
import { guildCreatePayload, memberObject, userObject } from './payloads.js';
import type { EmulatorState } from './state.js';
import { eventGuild, identifyShard, shardSees, type ShardPair } from './shards.js';
import type { Json } from './types.js';

const HEARTBEAT_INTERVAL = 41_250;

interface Connection { ws: WebSocket; deflate?: Deflate; pending: Buffer[]; session?: Session }
interface Session { id: string; seq: number; intents: number; history: { t: string; s: number; d: unknown }[]; conn?: Connection; live: boolean; shard: ShardPair }

export class Gateway {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  private readonly connections = new Set<Connection>();
  /** Every dispatch, with the shard id of the session it went to. */
  readonly dispatches: { t: string; s: number; d: unknown; shard?: number }[] = [];

  constructor(private readonly state: EmulatorState, server: Server) {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, req));
    });
  }

  get url(): string { return this.state.baseUrl.replace(/^http/, 'ws'); }

  /** True when a session is identified/resumed and its GUILD_CREATEs went out. */
  isReady(): boolean { return [...this.sessions.values()].some((s) => s.live && s.conn !== undefined); }

  /** The identified sessions and the shard each one is ([0, 1] when unsharded). */
  sessionList(): { id: string; shard: ShardPair; live: boolean }[] {
    return [...this.sessions.values()].map((s) => ({ id: s.id, shard: s.shard, live: s.live && s.conn !== undefined }));
  }

  /** True once any client identified (dispatches are then buffered for replay even while disconnected). */
  hasSession(): boolean { return this.sessions.size > 0; }

  private onConnection(ws: WebSocket, req: IncomingMessage): void {
    const query = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams;
    const conn: Connection = { ws, pending: [] };
    if (query.get('compress') === 'zlib-stream') {
      conn.deflate = createDeflate();
      conn.deflate.on('data', (chunk: Buffer) => conn.pending.push(chunk));
    }
    this.connections.add(conn);
    ws.on('message', (data) => this.onMessage(conn, data.toString()));
    ws.on('close', () => this.detach(conn));
    ws.on('error', () => this.detach(conn));
    this.send(conn, { op: 10, d: { heartbeat_interval: HEARTBEAT_INTERVAL }, s: null, t: null });
  }

  private detach(conn: Connection): void {
    this.connections.delete(conn);
    conn.deflate?.destroy();
    if (conn.session && conn.session.conn === conn) conn.session.conn = undefined;
    this.state.touch();
  }

  private send(conn: Connection, payload: unknown): void {
    if (conn.ws.readyState !== WebSocket.OPEN) return;
    const text = JSON.stringify(payload);
    const deflate = conn.deflate;
    if (!deflate) { conn.ws.send(text); return; }
    deflate.write(text);
    deflate.flush(zc.Z_SYNC_FLUSH, () => {
      const out = Buffer.concat(conn.pending.splice(0));
      if (conn.ws.readyState === WebSocket.OPEN) conn.ws.send(out);
    });
  }

  private onMessage(conn: Connection, text: string): void {
    let payload: { op: number; d: Json | number | null };
    try { payload = JSON.parse(text) as typeof payload; } catch { conn.ws.close(4002, 'Error while decoding payload.'); return; }
    const d = (payload.d ?? {}) as Json;
    switch (payload.op) {
      case 1: this.send(conn, { op: 11, d: null, s: null, t: null }); return;
      case 2: this.identify(conn, d); return;
      case 6: this.resume(conn, d); return;
      case 8: this.requestMembers(conn, d); return;
      case 3: case 4: return; // presence / voice state updates: accepted, ignored
      default: conn.ws.close(4001, 'Unknown opcode.');
    }
  }

  private identify(conn: Connection, d: Json): void {
    if (d.token !== this.state.token && d.token !== `Bot ${this.state.token}`) { conn.ws.close(4004, 'Authentication failed.'); return; }
    if (conn.session) { conn.ws.close(4005, 'Already authenticated.'); return; }
    if (!this.state.allowMessageContent && (Number(d.intents ?? 0) & Intent.MessageContent) !== 0) {
      conn.ws.close(4014, 'Disallowed intent(s).');
      return;
    }
    const shard = identifyShard(d.shard);
    if (!shard) { conn.ws.close(4010, 'Invalid shard.'); return; }
    const session: Session = { id: this.state.nextId(), seq: 0, intents: Number(d.intents ?? 0), history: [], conn, live: false, shard };
    conn.session = session;
    this.sessions.set(session.id, session);
    const s = this.state;
    const guilds = s.guilds.filter((g) => shardSees(shard, g.id));
    this.emit(session, 'READY', {
      v: 10, user: { ...userObject(s.botUser), verified: true, mfa_enabled: false, email: null }, session_type: 'normal',
      session_id: session.id, resume_gateway_url: this.url, shard, guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      application: { id: s.applicationId, flags: 0 }, private_channels: [], relationships: [], presences: [], geo_ordered_rtc_regions: [],
      guild_join_requests: [], user_settings: {}, _trace: ['["tastemaker-discord-emulator",{}]'],
    });
    for (const g of guilds) this.emit(session, 'GUILD_CREATE', guildCreatePayload(s, g));
    session.live = true;
    s.touch();
  }

  private resume(conn: Connection, d: Json): void {
    if (d.token !== this.state.token && d.token !== `Bot ${this.state.token}`) { conn.ws.close(4004, 'Authentication failed.'); return; }
    const session = this.sessions.get(String(d.session_id));
    if (!session) { this.send(conn, { op: 9, d: false, s: null, t: null }); return; }
    session.conn?.ws.terminate();
    session.conn = conn;
    conn.session = session;
    const from = Number(d.seq ?? 0);
    for (const ev of session.history) if (ev.s > from) this.send(conn, { op: 0, ...ev });
    this.emit(session, 'RESUMED', { _trace: ['["tastemaker-discord-emulator",{}]'] });
    session.live = true;
    this.state.touch();
  }

  private requestMembers(conn: Connection, d: Json): void {
    const session = conn.session;
    const guild = this.state.guild(String(d.guild_id));
    if (!session || !guild) return;
    const ids = Array.isArray(d.user_ids) ? (d.user_ids as string[]) : typeof d.user_ids === 'string' ? [d.user_ids] : undefined;
    const q = typeof d.query === 'string' ? d.query.toLowerCase() : '';
    const users = [...guild.members.map((m) => m.user), this.state.botUser]
      .filter((u) => (ids ? ids.includes(u.id) : u.username.toLowerCase().startsWith(q)));
    const members = users.map((u) => memberObject(this.state, guild.id, u));
    this.emit(session, 'GUILD_MEMBERS_CHUNK', { guild_id: guild.id, members, chunk_index: 0, chunk_count: 1,
      not_found: ids ? ids.filter((id) => !users.some((u) => u.id === id)) : [], nonce: d.nonce });
  }

  private emit(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    const ev = { t, s: session.seq, d };
    session.history.push(ev);
    this.dispatches.push({ ...ev, shard: session.shard[0] });
    if (session.conn) this.send(session.conn, { op: 0, ...ev });
  }

  /** Dispatch an event to every session (buffered for replay while a session is disconnected). */
  dispatch(t: string, d: unknown, requiredIntent?: number): void {
    for (const session of this.sessions.values()) {
      if (requiredIntent !== undefined && (session.intents & requiredIntent) === 0) continue;
      if (!shardSees(session.shard, eventGuild(d))) continue;
      this.emit(session, t, d);
    }
    this.state.touch();
  }

  /** MESSAGE_CREATE honouring GUILD_MESSAGES / DIRECT_MESSAGES and MESSAGE_CONTENT like Discord. */
  dispatchMessage(raw: Json): void {
    const isGuild = typeof raw.guild_id === 'string';
    const needed = isGuild ? Intent.GuildMessages : Intent.DirectMessages;
    const author = raw.author as Json;
    const mentionsBot = (raw.mentions as Json[]).some((m) => m.id === this.state.botUser.id);
    for (const session of this.sessions.values()) {
      if ((session.intents & needed) === 0) continue;
      if (!shardSees(session.shard, raw.guild_id)) continue;
      const seesContent = (session.intents & Intent.MessageContent) !== 0 || !isGuild || mentionsBot || author.id === this.state.botUser.id;
      const d = seesContent ? raw : { ...raw, content: '', embeds: [], attachments: [], components: [] };
      const member = isGuild && author.id !== undefined ? (() => { const { user: _u, ...m } = memberObject(this.state, String(raw.guild_id),
        { id: String(author.id), username: String(author.username), bot: Boolean(author.bot) }); return m; })() : undefined;
      this.emit(session, 'MESSAGE_CREATE', { ...d, ...(member && !raw.webhook_id ? { member } : {}) });
    }
    this.state.touch();
  }

  /** Close every gateway connection abruptly (clients will RESUME). */
  dropConnections(): void {
    for (const conn of [...this.connections]) { conn.ws.terminate(); this.detach(conn); }
    for (const s of this.sessions.values()) s.live = false;
  }

  close(): Promise<void> {
    for (const conn of [...this.connections]) { conn.ws.terminate(); this.detach(conn); }
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }
}
