// Whether PostgreSQL is answering. The app's connections (db/connection.ts) report what they see;
// the HTTP front (lib/server) asks, so a request that failed because the database is away gets a
// 503 with Retry-After instead of a 500. The state lives on globalThis because the launcher and
// Next.js's server bundle load this module separately.

/** While the database is failing, one attempt every this often finds out whether it is back. */
export const DATABASE_PROBE_INTERVAL_MS = 3_000;

/** Seconds a client should wait before retrying while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 30;

type AvailabilityState = { failingSince: number | null; lastProbeAt: number; lastFailureAt: number };

const stateKey = Symbol.for('roleboard.databaseAvailability');
const globalState = globalThis as unknown as { [stateKey]?: AvailabilityState };
const state = (globalState[stateKey] ??= { failingSince: null, lastProbeAt: 0, lastFailureAt: 0 });

/** The database cannot be reached, or did not answer in time. Pages and the API turn it into a 503. */
export class DatabaseUnavailableError extends Error {
  constructor(message = 'The database is unavailable', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseUnavailableError';
  }
}

/**
 * An answer to a question asked at `askedAt`. Only a question asked since the failure began says
 * the database is back: an answer already on its way when a connection failed (another pooled
 * connection's) is old news, and would make the requests failing meanwhile look like plain errors.
 */
export function reportDatabaseAnswered(askedAt = Date.now()) {
  if (state.failingSince !== null && askedAt < state.failingSince) return;
  state.failingSince = null;
}

export function reportDatabaseFailure(now = Date.now()) {
  state.lastFailureAt = Math.max(state.lastFailureAt, now);
  if (state.failingSince !== null) return;
  state.failingSince = now;
  // The failure itself was the latest try: the first probe comes one interval later.
  state.lastProbeAt = now;
}

export function isDatabaseFailing() {
  return state.failingSince !== null;
}

/**
 * Whether a request that started at `since` and failed may have failed because the database is
 * away: it is failing now, or it failed while the request ran (an answer on another connection may
 * have said it was back in between: the request failed all the same).
 */
export function hasDatabaseFailedSince(since: number) {
  return state.failingSince !== null || state.lastFailureAt >= since;
}

/**
 * Whether to try the database now. While it is failing, requests fail at once rather than each
 * waiting for a timeout, except one probe every DATABASE_PROBE_INTERVAL_MS.
 */
export function mayTryDatabase(now = Date.now()) {
  if (state.failingSince === null) return true;
  if (now - state.lastProbeAt < DATABASE_PROBE_INTERVAL_MS) return false;
  state.lastProbeAt = now;
  return true;
}

// Connection-level errors of the OS, of postgres.js, and PostgreSQL's own "go away" codes
// (connection exceptions 08xxx, shutting down or starting up, too many connections, and a
// statement cancelled by statement_timeout).
const unavailableCodes = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE',
  'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_DESTROYED', 'CONNECTION_ENDED',
  '57P01', '57P02', '57P03', '53300', '57014',
]);

/** True for any error (or an error it wraps, as Drizzle does) that means "the database is away". */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    // By name: the launcher and Next.js's bundle each have their own copy of the class.
    if ((current as { name?: unknown }).name === 'DatabaseUnavailableError') return true;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (unavailableCodes.has(code) || code.startsWith('08'))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
