// How the server keeps its background workers (the closing job, the email worker) running: one that
// cannot start (the database away, say) leaves the site up and is tried again until it starts or
// the server stops.

/** How long a start that failed waits before it is tried again. */
const START_RETRY_MS = 30_000;

/**
 * Calls `start`; while it fails, logs why (as "`label` did not start") and calls it again every
 * START_RETRY_MS. Returns the stop function, which ends the trying and stops what started.
 */
export function keepStarted(label: string, start: () => Promise<() => Promise<void>>) {
  let stopping = false;
  let retry: NodeJS.Timeout | undefined;
  let started: Promise<(() => Promise<void>) | null>;
  const attempt = () => {
    started = start().catch((error: Error) => {
      if (stopping) return null;
      console.error(`${label} did not start (trying again in ${START_RETRY_MS / 1000} s): ${error.message}`);
      retry = setTimeout(attempt, START_RETRY_MS);
      return null;
    });
  };
  attempt();
  return async function stopKeepingStarted() {
    stopping = true;
    clearTimeout(retry);
    await (await started)?.();
  };
}
