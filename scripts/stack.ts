// `npm run stack`: the production topology on this machine, in one command. Varnish (the edge,
// deploy/varnish/default.vcl) on --port (3000), in front of two app instances (`npm start` each,
// on the next two ports) that share one Redis (REDIS_URL, else a private redis-server started
// here) and one PostgreSQL (DATABASE_URL, else the embedded one on .data/pg). Builds first when
// there is no build. Ctrl-C (or SIGTERM) stops all of it.
//
//   client → Varnish :3000 ─┬→ app 1 :3001 ─┬→ PostgreSQL
//                            └→ app 2 :3002 ─┴→ Redis (Next.js's cache, shared)
//   a save on either app → its tags invalidated in Redis → PURGE of the same tags at Varnish
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findFreePort, withDatabaseUrl } from '@/db/embedded-server';
import { REDIS_CACHE_ARGUMENTS } from '@/lib/server/shared-redis.mjs';
import { ensureDevelopmentAuthSecret } from '@/lib/development-secret';
import { BUILD_DIR, BUILD_ID_FILE } from '@/lib/framework-contract.mjs';
import { instanceCommand } from './instance-command';

const { values } = parseArgs({ options: { port: { type: 'string', short: 'p' }, build: { type: 'boolean' } } });
const edgePort = Number(values.port ?? process.env.PORT ?? 3000);
const appPorts = [edgePort + 1, edgePort + 2];
const projectDir = process.cwd();
const children: { name: string; process: ChildProcess }[] = [];
let stopping = false;

function exitWith(message: string): never {
  console.error(message);
  process.exit(1);
}

function which(command: string) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim() || null;
}

/** Starts a child whose output is prefixed with its name; its unexpected exit stops the stack. */
function start(name: string, command: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (stream: NodeJS.ReadableStream, target: NodeJS.WritableStream) => {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) target.write(`[${name}] ${line}\n`);
    });
  };
  prefix(child.stdout!, process.stdout);
  prefix(child.stderr!, process.stderr);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[stack] ${name} exited (${signal ?? code}): stopping the stack.`);
    void stop(1);
  });
  children.push({ name, process: child });
  return child;
}

async function waitFor(url: string, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not answer at ${url} within ${timeoutMs / 1000} s`);
}

let stopped: (() => void) | null = null;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  // Apps first (they finish requests in flight), then the edge and Redis.
  const exits = children
    .slice()
    .reverse()
    .map(({ process: child }) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode ? resolve() : child.once('exit', () => resolve()))));
  for (const { process: child } of children.slice().reverse()) child.kill('SIGTERM');
  await Promise.race([Promise.all(exits), new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
  for (const { process: child } of children) if (child.exitCode === null && !child.signalCode) child.kill('SIGKILL');
  process.exitCode = code;
  stopped?.();
}

const varnishd = which('varnishd') ?? exitWith('npm run stack needs Varnish 7 with vmod_xkey: apt-get install varnish varnish-modules');
const redisServer = process.env.REDIS_URL ? null : (which('redis-server') ?? exitWith('npm run stack needs Redis (REDIS_URL, or: apt-get install redis-server)'));
if (values.build || !fs.existsSync(path.join(projectDir, BUILD_DIR, BUILD_ID_FILE))) {
  console.log('[stack] Building (next build)…');
  if (spawnSync('npx', ['next', 'build'], { stdio: 'inherit' }).status !== 0) exitWith('The build failed.');
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(0));

await withDatabaseUrl(
  async (databaseUrl, source) => {
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roleboard-stack-'));
    // Varnish compiles its VCL as its own unprivileged user, who must read site.vcl here.
    fs.chmodSync(workDir, 0o755);
    try {
      let redisUrl = process.env.REDIS_URL;
      if (!redisUrl) {
        const redisPort = await findFreePort(edgePort + 379);
        start('redis', redisServer!, ['--port', String(redisPort), ...REDIS_CACHE_ARGUMENTS]);
        redisUrl = `redis://127.0.0.1:${redisPort}`;
      }

      const siteUrl = process.env.SITE_URL ?? `http://localhost:${edgePort}`;
      const appEnv = {
        DATABASE_URL: databaseUrl,
        REDIS_URL: redisUrl,
        PURGE_URLS: `http://127.0.0.1:${edgePort}/`,
        SITE_URL: siteUrl,
        // The instances listen on 127.0.0.1 only, and believe X-Forwarded-For only from Varnish's
        // address: a client that reached an instance's port some other way could not pick its own
        // address (a hop count would believe whoever connects).
        TRUSTED_PROXIES: '127.0.0.1',
        AUTH_SECRET: process.env.AUTH_SECRET ?? ensureDevelopmentAuthSecret(),
        // Every instance must read every other's Server Action ids (a form served by one, posted to another).
        NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? randomBytes(32).toString('base64'),
      };
      // One after the other: the first migrates (and on first start loads) the database.
      for (const [index, port] of appPorts.entries()) {
        const instance = instanceCommand('-H', '127.0.0.1', '-p', String(port));
        start(`app ${index + 1}`, instance.program, instance.arguments, { ...instance.environment, ...appEnv, PORT: String(port) });
        await waitFor(`http://127.0.0.1:${port}/api/health`, `App instance ${index + 1}`);
      }

      fs.writeFileSync(
        path.join(workDir, 'site.vcl'),
        `import directors;
probe health { .url = "/api/health"; .interval = 1s; .timeout = 1s; .window = 3; .threshold = 2; }
${appPorts.map((port, index) => `backend app${index + 1} { .host = "127.0.0.1"; .port = "${port}"; .probe = health; }`).join('\n')}
sub vcl_init {
    new app = directors.round_robin();
${appPorts.map((_, index) => `    app.add_backend(app${index + 1});`).join('\n')}
}
acl purgers { ${(process.env.PURGE_ALLOWED_ADDRESSES ?? '127.0.0.1').split(',').map((address) => `"${address.trim()}";`).join(' ')} }
`,
      );
      start('varnish', varnishd, [
        '-F',
        '-a', `127.0.0.1:${edgePort}`,
        '-n', path.join(workDir, 'varnish'),
        '-p', `vcl_path=${workDir}:${path.join(projectDir, 'deploy/varnish')}`,
        '-f', path.join(projectDir, 'deploy/varnish/default.vcl'),
        '-s', 'malloc,256m',
      ]);
      await waitFor(`http://127.0.0.1:${edgePort}/`, 'Varnish');
      console.log(`[stack] Database: ${source}; Redis: ${redisUrl}`);
      console.log(`[stack] Roleboard: ${siteUrl} (Varnish) → app instances on ${appPorts.map((port) => `:${port}`).join(' and ')}`);
      await new Promise<void>((resolve) => {
        stopped = resolve;
        if (stopping && process.exitCode !== undefined) resolve();
      });
    } catch (error) {
      console.error(`[stack] ${(error as Error).message}`);
      await stop(1);
    } finally {
      fs.rmSync(workDir, { recursive: true, force: true });
    }
  },
  { projectDir },
);
console.log('[stack] Stopped.');
process.exit(process.exitCode ?? 0);
