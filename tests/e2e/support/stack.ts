// Where tests/e2e/stack.spec.ts finds the production topology (scripts/stack.ts), which
// playwright.config.ts starts beside the main server when Varnish and Redis are installed.
import fs from 'node:fs';

const mainPort = Number(process.env.E2E_PORT ?? 3100);

export const STACK_PORT = mainPort + 100;
export const stackUrls = {
  edge: `http://localhost:${STACK_PORT}`,
  // The instances listen on 127.0.0.1 only (localhost may mean ::1 first).
  apps: [`http://127.0.0.1:${STACK_PORT + 1}`, `http://127.0.0.1:${STACK_PORT + 2}`] as const,
};
/** scripts/test.ts starts a Redis for the stack (TEST_REDIS_URL) when redis-server is installed. */
export const stackAvailable = Boolean(process.env.TEST_REDIS_URL) && fs.existsSync('/usr/sbin/varnishd');
export const STACK_UNAVAILABLE_REASON = 'needs Varnish and Redis (apt-get install varnish varnish-modules redis-server), which .ci/run installs';
