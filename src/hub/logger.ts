/** Severity of a log line. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Writes one JSON object per line: `{ time, level, msg, ...fields }`. */
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** Creates a JSON-lines logger writing to `write` (stdout by default), dropping lines below `level`. */
export function createLogger(
  level: LogLevel = 'info',
  write: (line: string) => void = (line) => process.stdout.write(line),
): Logger {
  const log = (lineLevel: LogLevel) => (msg: string, fields: Record<string, unknown> = {}) => {
    if (RANK[lineLevel] < RANK[level]) return;
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level: lineLevel, msg, ...fields };
    if (fields.err instanceof Error) entry.err = { name: fields.err.name, message: fields.err.message, stack: fields.err.stack };
    write(`${JSON.stringify(entry)}\n`);
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
