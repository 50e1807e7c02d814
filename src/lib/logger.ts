/**
 * @module The one adapter for pino, Mizan's structured logger. Production gets one JSON object a line on
 * standard output (time, level, message and fields such as the request id), for a log shipper to read;
 * a terminal gets the message alone, for people. Not exported from `lib/index.ts`, so commands that never
 * log (`mizan --help`, `mizan text`) do not load it.
 */
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  /** `json` (default when standard output is not a terminal) or `text` (the message alone). MIZAN_LOG_FORMAT. */
  format?: 'json' | 'text';
  /** pino's levels: trace, debug, info, warn, error, fatal, silent. MIZAN_LOG_LEVEL, default info. */
  level?: string;
  /** Where the lines go (standard output by default). */
  stream?: NodeJS.WritableStream;
}

/** Prints each record's message (and an error's stack) as a plain line. */
function textStream(out: NodeJS.WritableStream): Writable {
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      const record = JSON.parse(chunk.toString('utf8')) as { msg?: string; err?: { stack?: string } };
      out.write(`${record.msg ?? ''}${record.err?.stack ? `\n${record.err.stack}` : ''}\n`);
      done();
    },
  });
}

/**
 * A logger for the server and the commands.
 *
 * @example createLogger({ format: 'json' }).info({ reqId: 'a1' }, 'GET /ar/ 200 1.2ms')
 * // → {"level":30,"time":"2026-12-02T15:00:00.000Z","reqId":"a1","msg":"GET /ar/ 200 1.2ms"}
 */
export function createLogger(opts: LoggerOptions = {}): Logger {
  const out = opts.stream ?? process.stdout;
  const envFormat = process.env.MIZAN_LOG_FORMAT;
  const format = opts.format ?? (envFormat === 'text' || envFormat === 'json' ? envFormat : (out as { isTTY?: boolean }).isTTY ? 'text' : 'json');
  const level = opts.level ?? process.env.MIZAN_LOG_LEVEL ?? 'info';
  const options = { level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime };
  return pino(options, format === 'text' ? textStream(out) : (out as Writable));
}
