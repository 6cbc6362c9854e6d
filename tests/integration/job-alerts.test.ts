// Job alerts (issue 22.4) against a real PostgreSQL and a real SMTP catcher (smtp-server +
// mailparser): sign-ups within their limits, the confirmation email and link, the daily digest
// sent once per alert and day whatever the number of workers, and what happens while the SMTP
// server is down (retried by pg-boss, nothing recorded, nothing lost, nothing sent twice).
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { PgBoss } from 'pg-boss';
import {
  confirmJobAlert,
  deleteExpiredAlertRecords,
  deleteJobAlert,
  findAlertToConfirm,
  signUpForJobAlert,
} from '@/db/job-alerts';
import { alertIdOfUnsubscribeToken } from '@/lib/jobs/alert-tokens';
import { alertSearchQuery, MAX_POSTINGS_PER_DIGEST, MAX_SIGNUPS_PER_CLIENT_PER_HOUR } from '@/lib/jobs/job-alerts';
import { jobAlertWork } from '@/lib/server/job-alert-mail';
import { DIGEST_QUEUE, DIGESTS_QUEUE } from '@/lib/server/mail-queues';
import { startMailWorker } from '@/lib/server/mail-worker';
import { startMailCatcher, type MailCatcher } from '@/lib/server/mail-catcher';
import { connectToTestDatabase, testDatabaseUrl } from '../support/database';
import { catchMailDuringTests, smtpAddressWithNoServer, waitForTwoRetries } from '../support/mail';

const { db, sql } = connectToTestDatabase();
const secret = 'job-alerts-test-secret-of-at-least-32-chars';
const siteUrl = 'https://roleboard.example';
const run = `${process.pid}${Date.now() % 100_000}`;
/** A word no real posting has, so that the alert's search finds only this test's postings. */
const word = `zyxalert${run}`;

const catcher = catchMailDuringTests();
after(async () => {
  await sql.end();
});

const queued: number[] = [];
const queueConfirmation = async (alertId: number) => void queued.push(alertId);

let signUps = 0;
/** Each from a client address of its own, but where a test says otherwise. */
async function signUp(email: string, searchQuery = `?q=${word}`, clientAddress = `test-${run}-${signUps++}`) {
  return signUpForJobAlert(db, { email, searchQuery, clientAddress, secret, queueConfirmation });
}

/**
 * A posting that arrived now, found by the alert's word; its title may hold markup, as strangers'
 * may. By default posted today, in Denver, CO, and open for 20 days more.
 */
async function publishPosting(title: string, { postedDaysAgo = 0, stateCode = 'CO', closesInDays = 20 } = {}) {
  const [row] = await sql<{ id: number }[]>`
    insert into job_postings (source, source_id, title, employer, posted_on, closes_at, content_hash, locations, state_codes)
    values ('alert-test', ${`${run}-${title.length}-${Math.random()}`}, ${title}, 'Alert Test Agency', current_date - ${postedDaysAgo}::int,
      now() + make_interval(days => ${closesInDays}), 'x', ${JSON.stringify([{ city: 'Denver', stateCode }])}::jsonb, array[${stateCode}]::text[])
    returning id::int as id`;
  return row!.id;
}

function work(smtpUrl = catcher().url) {
  return jobAlertWork({ database: db, siteUrl, secret, smtpUrl, mailFrom: 'Roleboard <alerts@roleboard.example>' });
}

const messagesTo = (email: string) => catcher().messages.filter((message) => message.envelopeTo.includes(email));

/** Signs up, sends the confirmation email through the catcher and follows its link. */
async function confirmedAlert(email: string, searchQuery = `?q=${word}`) {
  const outcome = await signUp(email, searchQuery);
  assert.equal(outcome.status, 'accepted');
  const alertId = (outcome as { confirmationFor: number }).confirmationFor;
  const worker = work();
  assert.equal(await worker.sendConfirmation({ alertId }), 'sent');
  worker.close();
  const message = await catcher().waitFor((caught) => caught.envelopeTo.includes(email));
  const token = /\/jobs\/alerts\/confirm\?token=([\w-]+)/.exec(message.text ?? '')![1]!;
  assert.ok(await confirmJobAlert(db, { token }));
  return alertId;
}

describe('signing up', () => {
  test('the search is kept as /jobs writes it, without page, order or status', () => {
    assert.equal(alertSearchQuery('state=california&q=nurse&sort=pay&after=xyz&status=all&bogus=1'), '?q=nurse&state=CA');
    assert.equal(alertSearchQuery(''), '');
  });

  test('a confirmation email with a link that confirms once; a repeat sign-up sends nothing more for a while', async () => {
    const email = `confirm-${run}@example.com`;
    const first = await signUp(email);
    assert.deepEqual(first.status, 'accepted');
    const alertId = (first as { confirmationFor: number }).confirmationFor;
    assert.ok(alertId);
    // Repeated at once: taken, but no second email.
    assert.deepEqual(await signUp(email), { status: 'accepted', confirmationFor: null });

    const worker = work();
    assert.equal(await worker.sendConfirmation({ alertId }), 'sent');
    worker.close();
    const message = await catcher().waitFor((caught) => caught.envelopeTo.includes(email));
    assert.equal(message.subject, 'Confirm your Roleboard job alert');
    assert.match(message.text ?? '', new RegExp(`“${word}”`));
    const token = /\/jobs\/alerts\/confirm\?token=([\w-]+)/.exec(message.text ?? '')![1]!;
    // The database keeps only a hash of it.
    const [stored] = await sql<{ confirm_token_hash: string }[]>`select confirm_token_hash from job_alerts where id = ${alertId}`;
    assert.notEqual(stored!.confirm_token_hash, token);
    assert.equal((await findAlertToConfirm(db, { token }))?.id, alertId);
    assert.ok(await confirmJobAlert(db, { token }));
    assert.equal(await confirmJobAlert(db, { token }), null, 'a used link does not confirm again');
    // Confirmed: signing up again is taken the same way and sends nothing.
    assert.deepEqual(await signUp(email), { status: 'accepted', confirmationFor: null });
  });

  test('an address has at most 3 unconfirmed alerts, and the answer never says so', async () => {
    const email = `capped-${run}@example.com`;
    const outcomes = [];
    for (let index = 0; index < 5; index++) outcomes.push(await signUp(email, `?q=${word}&state=CO&minPay=${1000 + index}`));
    assert.equal(outcomes.filter((outcome) => outcome.status === 'accepted' && outcome.confirmationFor).length, 3);
    assert.ok(outcomes.every((outcome) => outcome.status === 'accepted'));
  });

  test(`a client address may sign up ${MAX_SIGNUPS_PER_CLIENT_PER_HOUR} times an hour`, async () => {
    const outcomes = [];
    for (let index = 0; index <= MAX_SIGNUPS_PER_CLIENT_PER_HOUR; index++) {
      outcomes.push((await signUp(`many-${index}-${run}@example.com`, `?q=${word}`, `test-client-${run}`)).status);
    }
    assert.equal(outcomes.filter((status) => status === 'accepted').length, MAX_SIGNUPS_PER_CLIENT_PER_HOUR);
    assert.equal(outcomes.at(-1), 'throttled');
  });

  test('unconfirmed alerts are deleted after 48 hours, and their link no longer works', async () => {
    const email = `expired-${run}@example.com`;
    const alertId = (await signUp(email)) as { confirmationFor: number };
    await sql`update job_alerts set created_at = now() - interval '49 hours' where id = ${alertId.confirmationFor}`;
    const worker = work();
    assert.equal(await worker.sendConfirmation({ alertId: alertId.confirmationFor }), 'no-alert');
    worker.close();
    const { unconfirmedAlertsDeleted } = await deleteExpiredAlertRecords(db);
    assert.ok(unconfirmedAlertsDeleted >= 1);
    assert.equal((await sql`select 1 from job_alerts where id = ${alertId.confirmationFor}`).length, 0);
  });
});

describe('the daily digest', () => {
  test('a confirmed alert gets one email listing the new posting, escaped, with a one-click unsubscribe; an unconfirmed one gets nothing', async () => {
    const confirmedEmail = `digest-${run}@example.com`;
    const unconfirmedEmail = `unconfirmed-${run}@example.com`;
    const alertId = await confirmedAlert(confirmedEmail);
    const unconfirmed = (await signUp(unconfirmedEmail)) as { confirmationFor: number };
    const title = `Nurse <script>alert(1)</script> & ${word}`;
    const postingId = await publishPosting(title);

    const worker = work();
    const day = '2031-01-01';
    assert.equal(await worker.sendDigest({ alertId, day }), 'sent');
    assert.equal(await worker.sendDigest({ alertId: unconfirmed.confirmationFor, day }), 'no-alert');
    assert.equal(await worker.sendDigest({ alertId, day }), 'already-sent');
    worker.close();

    const digests = messagesTo(confirmedEmail).filter((message) => message.subject?.startsWith('1 new job posting'));
    assert.equal(digests.length, 1);
    const [digest] = digests;
    assert.ok(digest!.text!.includes(title), 'the text version carries the title as it is');
    assert.ok(digest!.text!.includes(`${siteUrl}/jobs/${postingId}`));
    assert.ok(!digest!.html || !String(digest!.html).includes('<script>'), 'the HTML version escapes it');
    assert.ok(String(digest!.html).includes('Nurse &lt;script&gt;alert(1)&lt;/script&gt; &amp;'));
    // As RFC 8058 asks: an https address in List-Unsubscribe, and List-Unsubscribe-Post.
    const header = (name: string) => digest!.headerLines.find((line) => line.key === name)?.line.replace(/\r\n[ \t]+/g, ' ');
    assert.equal(header('list-unsubscribe-post'), 'List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const listUnsubscribe = header('list-unsubscribe')!;
    assert.match(listUnsubscribe, /^List-Unsubscribe: ?<https:\/\/roleboard\.example\/jobs\/alerts\/unsubscribe\/one-click\?token=[\w.-]+>$/);
    const token = /token=([\w.-]+)/.exec(listUnsubscribe)![1]!;
    assert.equal(alertIdOfUnsubscribeToken({ secret, token }), alertId);
    assert.equal(alertIdOfUnsubscribeToken({ secret, token: token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A') }), null);
    assert.equal(messagesTo(unconfirmedEmail).length, 0, 'nothing for an address that did not confirm');

    // The next day: nothing new, nothing sent.
    const next = work();
    assert.equal(await next.sendDigest({ alertId, day: '2031-01-02' }), 'nothing-new');
    next.close();
    assert.ok(await deleteJobAlert(db, { alertId }));
  });

  test('the digest lists every new match however many older ones the search finds, and nothing the search does not find', async () => {
    const email = `deep-${run}@example.com`;
    const deepWord = `zyxdeep${run}`;
    // More matches than three pages of the API (what the digest once read) hold, all newer by posting date than the one
    // that matters, and all there before the alert started: none of them is new to it.
    const olderMatches = 320;
    await sql`
      insert into job_postings (source, source_id, title, employer, posted_on, closes_at, content_hash, locations, state_codes)
      select 'alert-test', ${`${run}-deep-`} || n, ${`Surveyor ${deepWord} `} || n, 'Alert Test Agency', current_date, now() + interval '20 days', 'x',
        '[{"city":"Denver","stateCode":"CO"}]'::jsonb, '{CO}'
      from generate_series(1, ${olderMatches}) as n`;
    const alertId = await confirmedAlert(email, `?q=${deepWord}&state=CO`);
    // New since: one match, posted weeks ago (an import brings such), so last by posting date
    // among the search's ${olderMatches + 1} matches; and three that the search does not find.
    const match = await publishPosting(`Surveyor ${deepWord} posted long ago`, { postedDaysAgo: 25 });
    const elsewhere = await publishPosting(`Surveyor ${deepWord} in Texas`, { stateCode: 'TX' });
    const closed = await publishPosting(`Surveyor ${deepWord} already closed`, { closesInDays: -1 });
    const otherWords = await publishPosting(`Surveyor zyxother${run}`);

    const worker = work();
    assert.equal(await worker.sendDigest({ alertId, day: '2031-04-01' }), 'sent');
    worker.close();
    const digests = messagesTo(email).filter((message) => message.subject?.includes('new job posting'));
    assert.equal(digests.length, 1);
    assert.equal(digests[0]!.subject, `1 new job posting: “${deepWord}” · Colorado`);
    const listed = [...(digests[0]!.text ?? '').matchAll(/\/jobs\/(\d+)\b/g)].map((found) => Number(found[1]));
    assert.deepEqual(listed, [match], `lists the new match only (not ${elsewhere}, ${closed} or ${otherWords})`);
  });

  test(`a digest lists the newest ${MAX_POSTINGS_PER_DIGEST} arrivals and counts them all`, async () => {
    const email = `many-new-${run}@example.com`;
    const manyWord = `zyxmany${run}`;
    const alertId = await confirmedAlert(email, `?q=${manyWord}`);
    const arrivals = MAX_POSTINGS_PER_DIGEST + 3;
    const ids: number[] = [];
    for (let index = 0; index < arrivals; index++) ids.push(await publishPosting(`Welder ${manyWord} number ${index}`, { postedDaysAgo: index % 5 }));
    const worker = work();
    assert.equal(await worker.sendDigest({ alertId, day: '2031-04-02' }), 'sent');
    worker.close();
    const [digest] = messagesTo(email).filter((message) => message.subject?.includes('new job postings'));
    assert.equal(digest!.subject, `${arrivals} new job postings: “${manyWord}”`);
    const listed = [...(digest!.text ?? '').matchAll(/\/jobs\/(\d+)\b/g)].map((found) => Number(found[1]));
    assert.deepEqual(listed, ids.slice(-MAX_POSTINGS_PER_DIGEST).reverse(), 'the newest arrivals, newest first');
    assert.match(digest!.text ?? '', /and 3 more/);
  });

  test('two workers sending the same alert and day send one email', async () => {
    const email = `twice-${run}@example.com`;
    const alertId = await confirmedAlert(email);
    await publishPosting(`Analyst ${word} twice`);
    const [first, second] = [work(), work()];
    const outcomes = await Promise.all([first.sendDigest({ alertId, day: '2031-02-01' }), second.sendDigest({ alertId, day: '2031-02-01' })]);
    first.close();
    second.close();
    assert.deepEqual(outcomes.sort(), ['already-sent', 'sent']);
    assert.equal(messagesTo(email).filter((message) => message.subject?.includes('new job posting')).length, 1);
  });

  test('while SMTP is down the digest fails and records nothing; the next try sends it once, with nothing lost', async () => {
    const email = `smtp-down-${run}@example.com`;
    const alertId = await confirmedAlert(email);
    const postingId = await publishPosting(`Clerk ${word} smtp down`);
    const failing = work((await smtpAddressWithNoServer()).url);
    await assert.rejects(failing.sendDigest({ alertId, day: '2031-03-01' }), /ECONNREFUSED|connect/i);
    failing.close();
    assert.equal((await sql`select 1 from job_alert_digests where alert_id = ${alertId}`).length, 0, 'nothing recorded');
    const working = work();
    assert.equal(await working.sendDigest({ alertId, day: '2031-03-01' }), 'sent');
    working.close();
    const digests = messagesTo(email).filter((message) => message.subject?.includes('new job posting'));
    assert.equal(digests.length, 1);
    assert.ok(digests[0]!.text!.includes(`/jobs/${postingId}`), 'the posting of the failed try is in the one sent');
  });

  test('on pg-boss: a digest queued while SMTP is down is retried and arrives exactly once when it is back', async () => {
    const email = `boss-${run}@example.com`;
    const alertId = await confirmedAlert(email);
    await publishPosting(`Technician ${word} boss`);
    // Other tests' confirmed alerts are done with: only this one is due.
    await sql`delete from job_alerts where confirmed_at is not null and id <> ${alertId}`;
    // The catcher comes up on this port later.
    const { port } = await smtpAddressWithNoServer();
    const stop = await startMailWorker({ databaseUrl: testDatabaseUrl(), siteUrl, secret, smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'alerts@roleboard.example', retryDelaySeconds: 1 });
    const boss = new PgBoss({ connectionString: testDatabaseUrl(), max: 1 });
    let late: MailCatcher | null = null;
    try {
      await boss.start();
      const startedAt = Date.now();
      // The daily run, asked for now rather than at 13:00 UTC.
      await boss.send(DIGESTS_QUEUE, {});
      // Wait until the digest job has failed at least twice.
      const retries = await waitForTwoRetries(sql, { queue: DIGEST_QUEUE, idKey: 'alertId', id: alertId });
      assert.ok(retries >= 2, `retried while SMTP was down (${retries})`);
      assert.equal((await sql`select 1 from job_alert_digests where alert_id = ${alertId}`).length, 0, 'nothing recorded while down');
      late = await startMailCatcher({ port });
      const message = await late.waitFor((caught) => caught.envelopeTo.includes(email), 60_000);
      const arrivedAfter = (Date.now() - startedAt) / 1000;
      console.log(`SMTP down: the digest was tried ${retries + 1}+ times and arrived ${arrivedAfter.toFixed(1)} s after it was queued, once the server was back.`);
      assert.match(message.subject ?? '', /new job posting/);
      // A second daily run the same day queues nothing more for this alert, and no retry sends it again.
      await boss.send(DIGESTS_QUEUE, {});
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      assert.equal(late.messages.filter((caught) => caught.envelopeTo.includes(email)).length, 1);
      const [state] = await sql<{ state: string }[]>`select state from pgboss.job where name = ${DIGEST_QUEUE} and data->>'alertId' = ${String(alertId)} order by created_on limit 1`;
      assert.equal(state!.state, 'completed');
    } finally {
      await boss.stop({ graceful: false });
      await stop();
      await late?.close();
    }
  });
});
