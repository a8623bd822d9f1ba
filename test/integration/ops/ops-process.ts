/**
 * A bot process's start of the operations port and nothing else (no Discord, no services), for
 * shard-processes.test.ts: reads config and the shard id from its environment as `src/start.ts` does, prints
 * one JSON line with the address (null when none), and serves until killed.
 */
import { parseConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/log.js';
import { startOps } from '../../../src/ops/start.js';

const ops = await startOps(parseConfig(process.env), createLogger('info', process.stderr));
process.stdout.write(`${JSON.stringify({ address: ops.address ?? null })}\n`);
process.once('SIGTERM', () => void ops.close().then(() => process.exit(0)));
