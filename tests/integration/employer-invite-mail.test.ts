// Employer members' sign-up links by email (issue 22) against a real PostgreSQL and a real SMTP
// catcher: the invitation's email arrives with a link that signs the member up; while the SMTP
// server is down the send fails, the invitation and its link stay, and pg-boss's retry delivers
// the email once the server is back; a link used meanwhile is not sent.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { PgBoss } from 'pg-boss';
import { closeDatabase } from '@/db/client';
import { acceptEmployerInvite, createEmployer, getInvite, inviteEmployerMember } from '@/db/employers';
import { employerInviteWork } from '@/lib/server/employer-invite-mail';
import { EMPLOYER_INVITE_QUEUE, QUEUED_EMAIL_DELAY_SECONDS } from '@/lib/server/mail-queues';
import { startMailWorker } from '@/lib/server/mail-worker';
import { startMailCatcher, type MailCatcher } from '@/lib/server/mail-catcher';
import { claimsFor } from '../support/claims';
import { connectToTestDatabase, testDatabaseUrl } from '../support/database';
import { catchMailDuringTests, smtpAddressWithNoServer, waitForTwoRetries } from '../support/mail';
import { testUsers } from '../support/users';

const { db, sql } = connectToTestDatabase();
const secret = 'invite-mail-test-secret-of-at-least-32-chars';
const siteUrl = 'https://roleboard.example';
const mailFrom = 'Roleboard <hello@roleboard.example>';
const run = `${process.pid}${Date.now() % 100_000}`;
const password = 'a long and unusual passphrase 42';

const catcher = catchMailDuringTests();
after(async () => {
  await sql.end();
  await closeDatabase();
});

/** A new employer and an invitation for `email`, its email queued with `queueEmail`; returns the invitation's id and what the admin was shown. */
async function invite(label: string, email: string, queueEmail: (inviteId: number) => Promise<void> = async () => {}) {
  const admin = await claimsFor(db, testUsers.admin.email);
  const created = await createEmployer(admin, { name: `${label} ${run}`, website: 'https://example.com', verifiedDomain: '' });
  assert.ok(created.status === 'saved');
  let inviteId = 0;
  const queueAndNote = async (id: number) => {
    inviteId = id;
    await queueEmail(id);
  };
  const result = await inviteEmployerMember(admin, { employerId: created.employer.id, email }, { secret, queueEmail: queueAndNote });
  assert.ok(result.status === 'invited');
  assert.equal(result.emailed, true);
  return { inviteId, shownToken: result.token, employerName: created.employer.name };
}

const work = (smtpUrl = catcher().url) => employerInviteWork({ database: db, siteUrl, secret, smtpUrl, mailFrom });

/** The path of the sign-up link in the one email to `email`. */
function joinPathIn(email: string) {
  const messages = catcher().messages.filter((message) => message.envelopeTo.includes(email));
  assert.equal(messages.length, 1, `one email to ${email}`);
  const link = /https:\/\/roleboard\.example(\/join\/[\w-]{43})\b/.exec(messages[0]!.text ?? '');
  assert.ok(link, 'the email carries the sign-up link');
  return { message: messages[0]!, path: link[1]! };
}

describe('employer invitations by email', () => {
  test('the invitation arrives with the link the admin was shown, and the link signs the member up', async () => {
    const email = `invited-${run}@example.com`;
    const { inviteId, shownToken, employerName } = await invite('Mailco', email);
    const worker = work();
    assert.equal(await worker.sendInvite({ inviteId }), 'sent');
    worker.close();
    const { message, path } = joinPathIn(email);
    assert.equal(message.subject, `Join ${employerName} on Roleboard`);
    assert.equal(path, `/join/${shownToken}`);
    const token = path.slice('/join/'.length);
    assert.deepEqual(await getInvite(token), { status: 'valid', employerName, email });
    assert.equal((await acceptEmployerInvite({ token, name: 'Ines Invited', password })).status, 'joined');
    // Used: a retry of the job sends nothing more.
    const again = work();
    assert.equal(await again.sendInvite({ inviteId }), 'no-invite');
    again.close();
    assert.equal(catcher().messages.filter((caught) => caught.envelopeTo.includes(email)).length, 1);
  });

  test('a failed send loses nothing: the invitation and its link stay, and the next try sends it', async () => {
    const email = `smtp-down-${run}@example.com`;
    const { inviteId, shownToken, employerName } = await invite('Downco', email);
    const failing = work((await smtpAddressWithNoServer()).url);
    await assert.rejects(failing.sendInvite({ inviteId }), /ECONNREFUSED|connect/i);
    failing.close();
    assert.deepEqual(await getInvite(shownToken), { status: 'valid', employerName, email }, 'the link the admin was shown still works');
    const working = work();
    assert.equal(await working.sendInvite({ inviteId }), 'sent');
    working.close();
    assert.equal(joinPathIn(email).path, `/join/${shownToken}`);
  });

  test('on pg-boss: an invitation queued while SMTP is down is retried and arrives once the server is back', async () => {
    const email = `boss-${run}@example.com`;
    // The catcher comes up on this port later.
    const { port } = await smtpAddressWithNoServer();
    const stop = await startMailWorker({ databaseUrl: testDatabaseUrl(), siteUrl, secret, smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom, retryDelaySeconds: 1 });
    const boss = new PgBoss({ connectionString: testDatabaseUrl(), max: 1, supervise: false, schedule: false });
    let late: MailCatcher | null = null;
    try {
      await boss.start();
      // Queued as queueEmployerInviteEmail queues it, inside the invitation's transaction.
      const { inviteId, shownToken } = await invite('Bossco', email, async (id) => {
        await boss.send(EMPLOYER_INVITE_QUEUE, { inviteId: id }, { startAfter: QUEUED_EMAIL_DELAY_SECONDS });
      });
      const retries = await waitForTwoRetries(sql, { queue: EMPLOYER_INVITE_QUEUE, idKey: 'inviteId', id: inviteId });
      assert.ok(retries >= 2, `retried while SMTP was down (${retries})`);
      late = await startMailCatcher({ port });
      const message = await late.waitFor((caught) => caught.envelopeTo.includes(email), 60_000);
      assert.ok(message.text?.includes(`${siteUrl}/join/${shownToken}`));
    } finally {
      await boss.stop({ graceful: false });
      await stop();
      await late?.close();
    }
  });
});
