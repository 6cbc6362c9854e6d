// How one production instance is started: `npm start` (package.json's "start", which cannot import
// this file; tests/unit/instance-command.test.ts holds the two together), and the same way by the
// stack, the bench and the end-to-end tests, so that what they measure and test is what operators run.
//
// The settings keep an instance near 210 MB resident after the bench's page runs and 255 MB after
// its searches at 100,000 roles, against 250–265 MB and 280–300 MB with Node's defaults (measured in
// alternating runs; docs/benchmarks.md, "Fast without an edge"). None caps the heap, so a large admin
// import still has the room it needs:
// - MALLOC_ARENA_MAX: glibc gives each thread that allocates (compression and file reads run on
//   libuv's pool) an arena of its own that keeps what it frees; two are enough for one event loop.
// - --heap-growing-percent: V8 lets the heap grow to 1.25× what was live after a full collection
//   before the next one, instead of up to several times. The price is more full collections: the
//   slowest listing searches (p99) take about 80 ms instead of about 45 (the target is 100 ms), and
//   the search API's p99 stays near 30 ms (target 50). At 50 the tails were the same and the
//   memory 280 MB.
// - --max-semi-space-size: half of V8's default young generation (16 MB a semi-space): a page's
//   garbage is short-lived, and the larger nursery mostly held garbage. Alone it saved nothing.
// Cached pages are sent as fast as with the defaults; --optimize-for-size saved as much memory but
// rendered uncached pages 40 % slower. To run without these settings:
// `node --import tsx scripts/serve.ts start`.

export const INSTANCE_ENVIRONMENT = { MALLOC_ARENA_MAX: '2' } as const;

export const INSTANCE_NODE_FLAGS = ['--heap-growing-percent=25', '--max-semi-space-size=8'] as const;

/** The program, arguments and environment additions that start an instance with `serveArguments` (e.g. `-p 3000`). */
export function instanceCommand(...serveArguments: string[]) {
  return {
    program: process.execPath,
    arguments: [...INSTANCE_NODE_FLAGS, '--import', 'tsx', 'scripts/serve.ts', 'start', ...serveArguments],
    environment: INSTANCE_ENVIRONMENT,
  };
}
