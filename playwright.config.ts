import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { instanceCommand } from './scripts/instance-command';
import { SOAK_ONLY, soakRun } from './tests/e2e/support/soak';
import { STACK_PORT, stackAvailable } from './tests/e2e/support/stack';

// Browser downloads are impossible on our machines, so we drive Debian's Chromium: its headless shell
// (apt: chromium-headless-shell), which is what Playwright itself runs headless, where it is
// installed, else the full browser. The shell is the lighter: 113 tests took 2.6 min on it and
// 4.0 min on the full browser, on two cores the server shares. Elsewhere, with neither, run
// `npx playwright install chromium`.
const debianChromium = ['/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium'].find((path) => fs.existsSync(path));
const chromiumPath = process.env.CHROMIUM_PATH ?? debianChromium;
const port = Number(process.env.E2E_PORT ?? 3100);
const instance = instanceCommand('-p', String(port));
const baseURL = `http://localhost:${port}`;

// The production topology (npm run stack: Varnish, two instances, Redis) for tests/e2e/stack.spec.ts.
const stackServer = {
  command: `node --import tsx scripts/stack.ts --port ${STACK_PORT}`,
  url: `http://localhost:${STACK_PORT}/api/health`,
  reuseExistingServer: false,
  timeout: 120_000,
  env: { ...(process.env as Record<string, string>), REDIS_URL: process.env.TEST_REDIS_URL ?? '', SITE_URL: `http://localhost:${STACK_PORT}`, PURGE_ALLOWED_ADDRESSES: '127.0.0.1' },
};

const browser = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: chromiumPath && fs.existsSync(chromiumPath) ? chromiumPath : undefined,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  },
};

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  // The outage drill and the embedded shutdowns run in `npm run test:soak` only (tests/e2e/support/soak.ts).
  grepInvert: soakRun ? undefined : new RegExp(SOAK_ONLY),
  // Two workers share two cores with the servers under test; a test that signs in two or three
  // browsers and walks the admin took 25–29 s there (one passed 30 s in CI), so 30 s was too tight.
  timeout: 60_000,
  // A save or a sign-in answered in 4 s on a busy machine left 1 s for React to show it: 5 s, the
  // default, failed a test now and then where the answer was right.
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: { baseURL, trace: 'retain-on-failure' },
  projects: [
    { name: 'chromium', use: browser, testIgnore: /admin-import\.spec\.ts/ },
    // Imports create roles and change figures that the listing's counts and filters read, so they
    // run once every other test is done.
    { name: 'imports', use: browser, testMatch: /admin-import\.spec\.ts/, dependencies: ['chromium'] },
  ],
  webServer: [
    {
      // The production server as `npm start` runs it: the HTTP front around the built app.
      command: [instance.program, ...instance.arguments].map((part) => `'${part}'`).join(' '),
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { ...(process.env as Record<string, string>), ...instance.environment, PORT: String(port), SITE_URL: baseURL },
    },
    ...(stackAvailable ? [stackServer] : []),
  ],
});
