import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Browser downloads are impossible on our machines, so we drive Debian's Chromium.
// Elsewhere, unset CHROMIUM_PATH and run `npx playwright install chromium`.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

const browser = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: fs.existsSync(chromiumPath) ? chromiumPath : undefined,
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
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: { baseURL, trace: 'retain-on-failure' },
  projects: [
    { name: 'chromium', use: browser, testIgnore: /admin-import\.spec\.ts/ },
    // Imports create roles and change figures that the listing's counts and filters read, so they
    // run once every other test is done.
    { name: 'imports', use: browser, testMatch: /admin-import\.spec\.ts/, dependencies: ['chromium'] },
  ],
  webServer: {
    // The production server as `npm start` runs it: the HTTP front around the built app.
    command: `node --import tsx scripts/serve.ts start -p ${port}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { ...(process.env as Record<string, string>), PORT: String(port), SITE_URL: baseURL },
  },
});
