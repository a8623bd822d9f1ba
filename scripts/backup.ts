/**
 * `npm run backup [-- --out FILE]`: a consistent copy of the SQLite store named by STORE_URL (or .env), safe
 * while the bot runs. It uses SQLite's `VACUUM INTO` (one read transaction: in WAL mode the bot keeps writing
 * meanwhile), never overwrites a file, then opens the copy and checks it (`PRAGMA integrity_check`, row count).
 * Default FILE: `backups/tastemaker-<UTC time>.sqlite` beside the database.
 * Redis (`STORE_URL=redis://`) is backed up by Redis itself: this prints how (BGSAVE / appendonly) and exits 2.
 * Restore: stop the bot, replace the database file with the copy (remove any `-wal`/`-shm` files beside it), start.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sqlite3 from 'sqlite3';
import { loadConfig } from '../src/config.js';
import { sqlitePath } from '../src/store/drivers/sqlite.js';

const USAGE = 'usage: npm run backup [-- --out FILE]';

export const REDIS_ADVICE = [
  'STORE_URL points at Redis: back it up with Redis itself, not with this script.',
  '  - docker-compose.yml runs Redis with appendonly yes (every write logged, fsync every second) on the redis-data volume.',
  '  - For a snapshot: redis-cli BGSAVE, wait until LASTSAVE changes, then copy dump.rdb (and appendonlydir/) out of the data volume.',
  '  - Restore: stop Redis, put dump.rdb / appendonlydir back in its data folder, start Redis, then the bot.',
].join('\n');

export interface BackupResult {
  file: string;
  bytes: number;
  rows: number;
}

function open(file: string, mode: number): Promise<sqlite3.Database> {
  return new Promise((res, rej) => {
    const db = new sqlite3.Database(file, mode, (e) => (e ? rej(e) : res(db)));
  });
}
const exec = (db: sqlite3.Database, sql: string, params: unknown[] = []) =>
  new Promise<void>((res, rej) => db.run(sql, params, (e: Error | null) => (e ? rej(e) : res())));
const all = <T>(db: sqlite3.Database, sql: string) =>
  new Promise<T[]>((res, rej) => db.all(sql, (e: Error | null, rows: T[]) => (e ? rej(e) : res(rows))));
const close = (db: sqlite3.Database) => new Promise<void>((res) => db.close(() => res()));

/** Copies the database at `dbFile` into `outFile` (which must not exist) and checks the copy opens whole. */
export async function backupSqlite(dbFile: string, outFile: string, busyTimeoutMs = 10_000): Promise<BackupResult> {
  if (!existsSync(dbFile)) throw new Error(`no database at ${dbFile} (check STORE_URL)`);
  if (existsSync(outFile)) throw new Error(`${outFile} already exists; a backup never overwrites a file`);
  mkdirSync(dirname(outFile), { recursive: true });
  // Read-write only so that SQLite may use the WAL index; VACUUM INTO changes nothing in the source.
  const src = await open(dbFile, sqlite3.OPEN_READWRITE);
  try {
    src.configure('busyTimeout', busyTimeoutMs);
    await exec(src, 'VACUUM INTO ?', [outFile]);
  } finally {
    await close(src);
  }
  const copy = await open(outFile, sqlite3.OPEN_READONLY);
  try {
    const [check] = await all<{ integrity_check: string }>(copy, 'PRAGMA integrity_check');
    if (check?.integrity_check !== 'ok') throw new Error(`the copy failed its integrity check: ${check?.integrity_check}`);
    const tables = await all<{ name: string }>(copy, "SELECT name FROM sqlite_master WHERE type = 'table'");
    let rows = 0;
    for (const t of tables) rows += (await all<{ n: number }>(copy, `SELECT count(*) AS n FROM "${t.name.replace(/"/g, '""')}"`))[0]?.n ?? 0;
    return { file: outFile, bytes: statSync(outFile).size, rows };
  } finally {
    await close(copy);
  }
}

export function defaultBackupFile(dbFile: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return join(dirname(dbFile), 'backups', `tastemaker-${stamp}.sqlite`);
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out' && argv[i + 1]) out = argv[++i];
    else if (argv[i].startsWith('--out=')) out = argv[i].slice(6);
    else {
      process.stderr.write(`${USAGE}\n`);
      return 1;
    }
  }
  const config = await loadConfig();
  const scheme = /^([a-z]+):/.exec(config.STORE_URL)?.[1];
  if (scheme === 'redis' || scheme === 'rediss') {
    process.stdout.write(`${REDIS_ADVICE}\n`);
    return 2;
  }
  if (scheme !== 'sqlite') {
    process.stderr.write('STORE_URL=memory:// keeps nothing on disk: there is nothing to back up.\n');
    return 1;
  }
  const db = resolve(sqlitePath(config.STORE_URL));
  const r = await backupSqlite(db, resolve(out ?? defaultBackupFile(db)));
  process.stdout.write(`Backed up ${db} to ${r.file} (${r.bytes} bytes, ${r.rows} rows, integrity ok).\n`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`Backup failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
