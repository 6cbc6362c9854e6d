// The SMTP side of the mail tests: a catcher that keeps what the app sends, an address where no
// server answers (SMTP down), and pg-boss's retries of a mail job while it is.
import { after, before } from 'node:test';
import type { createDatabase } from '@/db/connection';
import { startMailCatcher, type MailCatcher } from '@/lib/server/mail-catcher';

type Sql = ReturnType<typeof createDatabase>['sql'];

/** A mail catcher that runs while the file's tests do: call the returned function inside a test to reach it. */
export function catchMailDuringTests(): () => MailCatcher {
  let catcher: MailCatcher | undefined;
  before(async () => {
    catcher = await startMailCatcher();
  });
  after(async () => {
    await catcher?.close();
  });
  return () => {
    if (!catcher) throw new Error('The mail catcher starts before the tests: reach it from inside one.');
    return catcher;
  };
}

/** An SMTP address where nothing listens yet: sending there fails as with a server that is down, and a catcher may start on its port later. */
export async function smtpAddressWithNoServer() {
  const probe = await startMailCatcher();
  await probe.close();
  return { port: probe.port, url: probe.url };
}

/** Waits up to a minute until pg-boss has retried the `queue` job whose data has `id` at `idKey` at least twice; returns the retries it saw. */
export async function waitForTwoRetries(sql: Sql, { queue, idKey, id }: { queue: string; idKey: string; id: number }) {
  const deadline = Date.now() + 60_000;
  let retries = 0;
  while (Date.now() < deadline) {
    const [row] = await sql<{ retries: number }[]>`select coalesce(max(retry_count), 0)::int as retries from pgboss.job where name = ${queue} and data->>${idKey} = ${String(id)}`;
    retries = row!.retries;
    if (retries >= 2) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return retries;
}
