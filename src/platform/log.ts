export type TLogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type TLogFields = Record<string, string | number | boolean | null | undefined>;
export type TLogger = Readonly<{
  debug: (msg: string, fields?: TLogFields) => void;
  info: (msg: string, fields?: TLogFields) => void;
  warn: (msg: string, fields?: TLogFields) => void;
  error: (msg: string, fields?: TLogFields) => void;
}>;

const RANK: Record<TLogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

// Field names that must never reach a log line, whatever a caller passes.
const REDACTED = /pass(word)?|secret|token|cookie|authorization|session|email|phone/i;

/**
 * Writes log lines to stdout in batches: lines logged in one turn of the event loop go out in one
 * write, instead of one system call per request. Pending lines are flushed when the process exits.
 */
const batchedStdout = (() => {
  let pending: string[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const chunk = `${pending.join('\n')}\n`;
    pending = [];
    process.stdout.write(chunk);
  };
  process.on('exit', flush);
  return (line: string) => {
    if (pending.push(line) === 1) setImmediate(flush);
  };
})();

/** A logger that writes one JSON object per line; secret-looking fields are redacted. */
export const createLogger = (level: TLogLevel, write: (line: string) => void = batchedStdout): TLogger => {
  const emit = (lvl: Exclude<TLogLevel, 'silent'>, msg: string, fields: TLogFields = {}) => {
    if (RANK[lvl] < RANK[level]) return;
    const safe: TLogFields = {};
    for (const [k, v] of Object.entries(fields)) safe[k] = REDACTED.test(k) ? '[redacted]' : v;
    write(JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...safe }));
  };
  return Object.freeze({
    debug: (msg: string, f?: TLogFields) => emit('debug', msg, f),
    info: (msg: string, f?: TLogFields) => emit('info', msg, f),
    warn: (msg: string, f?: TLogFields) => emit('warn', msg, f),
    error: (msg: string, f?: TLogFields) => emit('error', msg, f),
  });
};
