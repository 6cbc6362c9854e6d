// Starts another production server from the same build, for tests that need one of their own:
// a database in trouble, a shutdown, another public origin. It runs exactly as `npm start` does.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { instanceCommand } from '@/scripts/instance-command';

export type StartedServer = {
  url: string;
  process: ChildProcess;
  /** Everything the server printed so far. */
  output: () => string;
  /** Resolves once every process of the server has closed its output (they have all exited). */
  outputClosed: Promise<void>;
  stop: () => Promise<number | null>;
};

export async function freePort() {
  return new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once the server answers GET /api/health, or rejects with what it printed. */
export async function waitUntilHealthy(url: string, child: ChildProcess, output: () => string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not become healthy within ${timeoutMs} ms:\n${output()}`);
}

/** Waits for a process to exit; returns its exit code. */
export function exited(child: ChildProcess) {
  return new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

/**
 * `command` is what runs the server (by default the launcher itself; the shutdown test uses npm
 * start). It gets a port of its own and `env` on top of the test run's environment.
 */
export async function startServer({
  env = {},
  command = [instanceCommand().program, ...instanceCommand().arguments],
  detached = false,
}: { env?: Record<string, string | undefined>; command?: string[]; detached?: boolean } = {}): Promise<StartedServer> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const [program, ...args] = command;
  let printed = '';
  // A variable given as undefined is removed, not passed on as the text "undefined".
  const environment = Object.fromEntries(
    Object.entries({ ...process.env, ...instanceCommand().environment, SITE_URL: url, ...env, PORT: String(port) }).filter(([, value]) => value !== undefined),
  ) as NodeJS.ProcessEnv;
  const child = spawn(program!, [...args, '-p', String(port)], { env: environment, stdio: ['ignore', 'pipe', 'pipe'], detached });
  child.stdout!.on('data', (chunk) => (printed += chunk));
  child.stderr!.on('data', (chunk) => (printed += chunk));
  const outputClosed = Promise.all([child.stdout!, child.stderr!].map((stream) => new Promise<void>((resolve) => stream.once('close', resolve)))).then(() => {});
  const output = () => printed;
  try {
    await waitUntilHealthy(url, child, output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    process: child,
    output,
    outputClosed,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited(child);
    },
  };
}
