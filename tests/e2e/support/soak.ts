// The specs whose runs are long: thousands of generated requests. Every `npm test` runs them
// short (a few hundred requests, enough to catch a 5xx or a cache that keeps what it must not);
// `npm run test:soak` runs them at full length (SOAK=1), as `.ci/run` does with SOAK=1.
export const SOAK_SPECS = ['fuzz.spec.ts', 'cache-growth.spec.ts'] as const;

export const soakRun = process.env.SOAK === '1';
