// The app's connections never hang on a database in trouble: refused connections fail at once,
// a silent server fails within the silence limit, a slow statement is cancelled by PostgreSQL, and
// once the database is back the next probe finds it. Driven through a TCP proxy the test controls.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASE_PROBE_INTERVAL_MS, isDatabaseFailing, isDatabaseUnavailable } from '@/db/availability';
import { createDatabase, DATABASE_TIMEOUTS } from '@/db/connection';
import { testDatabaseUrl } from '../support/database';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

let proxy: TcpProxy;
let pool: ReturnType<typeof createDatabase>;

/** Runs `select 1`; returns how long it took and what it threw, if anything. */
async function selectOne() {
  const started = performance.now();
  try {
    await pool.sql`select 1`;
    return { ms: performance.now() - started, error: null };
  } catch (error) {
    return { ms: performance.now() - started, error };
  }
}

/** Retries until the database answers again; the answer comes with the first probe after it is back. */
async function untilAnswered() {
  const deadline = Date.now() + DATABASE_PROBE_INTERVAL_MS * 4;
  for (;;) {
    const result = await selectOne();
    if (!result.error) return;
    if (Date.now() > deadline) throw result.error;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

before(async () => {
  const url = new URL(testDatabaseUrl());
  proxy = await startTcpProxy({ target: { host: url.hostname, port: Number(url.port || 5432) } });
  pool = createDatabase(proxy.url(testDatabaseUrl()), { max: 2, requestTimeouts: true });
});
after(async () => {
  await pool.sql.end({ timeout: 0 });
  await proxy.close();
});

describe('connections with request timeouts', () => {
  test('a refused database fails at once and is reported; the next probe after it is back succeeds', async () => {
    assert.equal((await selectOne()).error, null);
    await proxy.setMode('refuse');
    const refused = await selectOne();
    assert.ok(isDatabaseUnavailable(refused.error), `expected a database-unavailable error, got ${String(refused.error)}`);
    assert.ok(isDatabaseFailing());
    console.log(`refused: failed after ${Math.round(refused.ms)} ms`);

    await proxy.setMode('forward');
    await untilAnswered();
    assert.equal(isDatabaseFailing(), false);
  });

  test('a silent database fails within the silence limit, then fails fast until it answers again', async () => {
    await untilAnswered();
    await proxy.setMode('silent');
    const silent = await selectOne();
    assert.ok(isDatabaseUnavailable(silent.error), `expected a database-unavailable error, got ${String(silent.error)}`);
    // A bound against hanging, far above the limit itself: without the watch this took minutes.
    assert.ok(silent.ms < DATABASE_TIMEOUTS.silenceMs + 4_000, `took ${silent.ms} ms`);
    console.log(`silent: failed after ${Math.round(silent.ms)} ms (limit ${DATABASE_TIMEOUTS.silenceMs} ms)`);

    const next = await selectOne();
    assert.ok(isDatabaseUnavailable(next.error));
    assert.ok(next.ms < DATABASE_TIMEOUTS.silenceMs / 2, `while failing, a query must not wait for the timeout again (took ${next.ms} ms)`);
    console.log(`silent, next query: failed after ${Math.round(next.ms)} ms`);

    await proxy.setMode('forward');
    const recoveryStarted = performance.now();
    await untilAnswered();
    console.log(`recovered ${Math.round(performance.now() - recoveryStarted)} ms after the database was back`);
    assert.equal(isDatabaseFailing(), false);
  });

  test('PostgreSQL cancels a statement that runs longer than the statement timeout', async () => {
    const direct = createDatabase(testDatabaseUrl(), { max: 1, requestTimeouts: true });
    try {
      await assert.rejects(direct.sql`select pg_sleep(${DATABASE_TIMEOUTS.statementMs / 1000 + 1})`, (error) => {
        assert.equal((error as { code?: string }).code, '57014');
        assert.ok(isDatabaseUnavailable(error));
        return true;
      });
    } finally {
      await direct.sql.end();
    }
  });
});
