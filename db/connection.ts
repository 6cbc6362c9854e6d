// Opens a postgres.js pool wrapped by Drizzle. The app goes through db/client.ts, whose pool has
// request timeouts; scripts and tests call this directly and may wait as long as their work takes.
import net from 'node:net';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { DatabaseUnavailableError, mayTryDatabase, reportDatabaseAnswered, reportDatabaseFailure } from './availability';
import * as schema from './schema';

/** A request never waits longer than this for PostgreSQL to connect or to answer. */
export const DATABASE_TIMEOUTS = {
  connectSeconds: 5,
  /** Server-side: PostgreSQL cancels a statement that runs longer, with a proper error. */
  statementMs: 5_000,
  /** Client-side: a connection that was sent something and is silent this long is dropped. */
  silenceMs: 8_000,
} as const;

type SocketOptions = { host: string[]; port: number[]; path?: string | false };

/**
 * Opens a socket for postgres.js and watches it: once something was written, an answer must come
 * within `silenceMs`, or the socket is destroyed and its queries fail. PostgreSQL's own
 * statement_timeout cannot help when the server (or the network) goes silent, and without this a
 * pooled connection would wait minutes for TCP to notice. Idle connections are never timed out.
 * The socket is returned while still connecting (postgres.js writes to it at once, and applies its
 * connect_timeout); failures arrive as socket errors, the one way postgres.js frees the connection.
 */
function connectWatchedSocket({ host, port, path }: SocketOptions): net.Socket {
  const socket = path ? net.connect({ path }) : net.connect({ host: host[0] ?? 'localhost', port: port[0] ?? 5432 });
  socket.on('error', () => reportDatabaseFailure());
  // While the database is failing, new connections fail at once, bar one probe now and then.
  if (!mayTryDatabase()) setImmediate(() => socket.destroy(new DatabaseUnavailableError('The database is unavailable (retrying shortly)')));
  watchForSilence(socket);
  return socket;
}

function watchForSilence(socket: net.Socket) {
  let silenceTimer: NodeJS.Timeout | null = null;
  // A new connection was allowed by mayTryDatabase; a pooled one asks again before each exchange.
  let pooled = false;
  // When the exchange now under way began: its answer says the database is back only if asked since it failed.
  let askedAt = Date.now();
  const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
  socket.write = ((...args: unknown[]) => {
    // While the database is failing, a pooled connection fails at once too (bar the periodic probe).
    if (pooled && silenceTimer === null && !mayTryDatabase()) {
      socket.destroy(new DatabaseUnavailableError('The database is unavailable (retrying shortly)'));
      return false;
    }
    if (silenceTimer === null) askedAt = Date.now();
    silenceTimer ??= setTimeout(() => {
      reportDatabaseFailure();
      socket.destroy(new DatabaseUnavailableError(`The database did not answer within ${DATABASE_TIMEOUTS.silenceMs / 1000} s`));
    }, DATABASE_TIMEOUTS.silenceMs);
    return write(...args);
  }) as net.Socket['write'];
  socket.on('data', () => {
    if (silenceTimer) clearTimeout(silenceTimer);
    silenceTimer = null;
    pooled = true;
    reportDatabaseAnswered(askedAt);
  });
  socket.once('close', () => {
    if (silenceTimer === null) return;
    // Closed while waiting for an answer: the server went away mid-exchange.
    clearTimeout(silenceTimer);
    reportDatabaseFailure();
  });
  // Closed by the server while idle (a restart, a dropped network path): postgres.js then fails the
  // next query on it at once ("write CONNECTION_CLOSED"), which must count as the database being
  // away, not as a plain error. A close this side asks for (postgres.js ending an idle connection,
  // or shutting down) is not one.
  let closedByClient = false;
  const end = socket.end.bind(socket) as (...args: unknown[]) => net.Socket;
  const destroy = socket.destroy.bind(socket);
  socket.end = ((...args: unknown[]) => {
    closedByClient = true;
    return end(...args);
  }) as net.Socket['end'];
  socket.destroy = ((error?: Error) => {
    closedByClient = true;
    return destroy(error);
  }) as net.Socket['destroy'];
  socket.once('end', () => {
    if (!closedByClient) reportDatabaseFailure();
  });
}

export function createDatabase(url: string, { max = 10, requestTimeouts = false }: { max?: number; requestTimeouts?: boolean } = {}) {
  const sql = postgres(url, {
    max,
    onnotice: () => {},
    connection: {
      application_name: 'roleboard',
      // postgres.js prepares each query shape once; after five runs PostgreSQL may plan it once for
      // any parameters, and a generic plan cannot tell "engineer" (10% of roles) from a word no
      // role has: it walks a sort index testing the text match on every row (0.6 s at 100,000).
      // Planning each search for its own words costs ~1 ms.
      plan_cache_mode: 'force_custom_plan',
      ...(requestTimeouts ? { statement_timeout: DATABASE_TIMEOUTS.statementMs, idle_in_transaction_session_timeout: 10_000 } : {}),
    },
    // No reconnect backoff: while the database is away connections fail at once anyway (see
    // mayTryDatabase), and postgres.js's backoff grows to 20 s, which a request would wait out.
    ...(requestTimeouts ? { connect_timeout: DATABASE_TIMEOUTS.connectSeconds, socket: connectWatchedSocket, backoff: () => 0 } : {}),
  });
  openPools().add(sql);
  const end = sql.end.bind(sql);
  sql.end = ((options) => {
    openPools().delete(sql);
    return end(options);
  }) as typeof sql.end;
  return { sql, db: drizzle(sql, { schema }) };
}

export type Database = ReturnType<typeof createDatabase>['db'];

// Every open pool, on globalThis: the launcher closes the ones Next.js's bundle opened when it shuts down.
const poolsKey = Symbol.for('roleboard.openPools');
function openPools() {
  const holder = globalThis as unknown as { [poolsKey]?: Set<postgres.Sql> };
  return (holder[poolsKey] ??= new Set());
}

/** How long a pool being closed gives its running queries: a database that stopped answering must not hold a stop. */
export const POOL_END_TIMEOUT_SECONDS = 5;

/** Closes every pool this process opened, giving running queries `timeoutSeconds` to finish. */
export async function closeAllDatabases({ timeoutSeconds = POOL_END_TIMEOUT_SECONDS }: { timeoutSeconds?: number } = {}) {
  await Promise.all([...openPools()].map((sql) => sql.end({ timeout: timeoutSeconds })));
}
