// The long runs. Every `npm test` runs the fuzz and cache-growth specs short (a few hundred
// requests, enough to catch a 5xx or a cache that keeps what it must not) and leaves out the tests
// tagged SOAK_ONLY: the outage drill and the shutdowns of servers on an embedded PostgreSQL, each
// of which starts a server of its own and takes a minute. `npm run test:soak` (SOAK=1), which
// `.ci/run` runs with SOAK=1, runs these files whole and the long specs at full length.
export const SOAK_SPECS = ['fuzz.spec.ts', 'cache-growth.spec.ts', 'shutdown.spec.ts', 'database-outage.spec.ts'] as const;

/** The tag of tests only the soak run runs (playwright.config.ts leaves them out of the others). */
export const SOAK_ONLY = '@soak';

export const soakRun = process.env.SOAK === '1';
