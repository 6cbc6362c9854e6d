// Job alerts as a job seeker meets them (issue 22.4): follow a /jobs search by email, confirm from
// the email, get one email when a matching posting is published, unsubscribe with one click; an
// address that never confirmed gets nothing but the confirmation. The messages are the real ones,
// caught by an SMTP catcher (smtp-server + mailparser) on the port scripts/test.ts gave the
// server as SMTP_URL. The daily run is asked for now by sending its pg-boss job, as the cron would.
import { expect, test } from '@playwright/test';
import { PgBoss } from 'pg-boss';
import postgres from 'postgres';
import { DIGESTS_QUEUE } from '@/lib/server/mail-queues';
import { startMailCatcher, type MailCatcher } from '@/lib/server/mail-catcher';

test.describe.configure({ mode: 'serial' });
test.skip(!process.env.TEST_SMTP_PORT, 'scripts/test.ts gives the server an SMTP catcher port');

const label = `alertz${process.pid}x${Date.now().toString(36)}`;
const follower = `follower-${label}@example.com`;
const bystander = `bystander-${label}@example.com`;
let catcher: MailCatcher;
let sql: postgres.Sql;

test.beforeAll(async () => {
  catcher = await startMailCatcher({ port: Number(process.env.TEST_SMTP_PORT) });
  sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
});
test.afterAll(async () => {
  await catcher?.close();
  await sql?.end();
});

const to = (email: string) => catcher.messages.filter((message) => message.envelopeTo.includes(email));

test('the form says what is wrong with an address, without JavaScript too', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/jobs?q=${label}`);
  const form = page.getByRole('region', { name: 'Email me new postings like these' });
  await form.getByLabel('Your email address').fill('not-an-address');
  await form.getByRole('button', { name: 'Email me' }).click();
  await expect(page.getByText('Enter an email address like name@example.com')).toBeVisible();
  await expect(page.getByLabel('Your email address')).toHaveValue('not-an-address');
  // The bystander signs up without JavaScript, and never confirms.
  await page.getByLabel('Your email address').fill(bystander);
  await page.getByRole('button', { name: 'Email me' }).click();
  await expect(page.getByRole('status')).toContainText(`we sent a link to ${bystander}`);
  await context.close();
});

test('a visitor confirms an alert; a matching posting is published; exactly one email arrives, and its one-click unsubscribe works', async ({ page, request }) => {
  test.setTimeout(120_000);
  await page.goto(`/jobs?q=${label}&sort=pay`);
  await page.getByLabel('Your email address').fill(follower);
  await page.getByRole('button', { name: 'Email me' }).click();
  await expect(page.getByRole('status')).toContainText(`we sent a link to ${follower}`);

  const confirmation = await catcher.waitFor((message) => message.envelopeTo.includes(follower), 60_000);
  expect(confirmation.subject).toBe('Confirm your Roleboard job alert');
  const confirmUrl = new URL(/https?:\/\/\S+\/jobs\/alerts\/confirm\?token=[\w-]+/.exec(confirmation.text ?? '')![0]);
  // Opening the link changes nothing; the button starts the alert.
  await page.goto(confirmUrl.pathname + confirmUrl.search);
  await expect(page.getByRole('heading', { name: 'Confirm your job alert' })).toBeVisible();
  await expect(page.getByText(`“${label}”`)).toBeVisible();
  await page.getByRole('button', { name: 'Start the alert' }).click();
  await expect(page.getByRole('heading', { name: 'Your job alert has started' })).toBeVisible();

  const title = `Park ranger <b>${label}</b>`;
  const [posting] = await sql<{ id: number }[]>`
    insert into job_postings (source, source_id, title, employer, posted_on, closes_at, content_hash, locations, state_codes)
    values ('alert-e2e', ${label}, ${title}, 'National Park Service', current_date, now() + interval '20 days', ${label}, '[{"city":"Denver","stateCode":"CO"}]'::jsonb, '{CO}')
    returning id::int as id`;

  const boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, max: 1, supervise: false, schedule: false });
  await boss.start();
  try {
    await boss.send(DIGESTS_QUEUE, {});
    const digest = await catcher.waitFor((message) => message.envelopeTo.includes(follower) && /new job posting/.test(message.subject ?? ''), 60_000);
    expect(digest.subject).toBe(`1 new job posting: “${label}”`);
    expect(digest.text).toContain(title);
    expect(digest.text).toMatch(new RegExp(`/jobs/${posting!.id}\\b`));
    expect(String(digest.html)).toContain(`Park ranger &lt;b&gt;${label}&lt;/b&gt;`);

    // A second daily run the same day sends nothing more.
    await boss.send(DIGESTS_QUEUE, {});
    await expect.poll(async () => (await sql`select state from pgboss.job where name = ${DIGESTS_QUEUE} and state <> 'completed'`).length, { timeout: 30_000 }).toBe(0);
    await expect.poll(async () => (await sql`select 1 from pgboss.job where name = 'job-alert-digest' and state <> 'completed'`).length, { timeout: 30_000 }).toBe(0);
    expect(to(follower).filter((message) => /new job posting/.test(message.subject ?? ''))).toHaveLength(1);

    // The email's Unsubscribe link shows a page with a button: opening it unsubscribes nobody.
    const pageLink = new URL(/https?:\/\/\S+\/jobs\/alerts\/unsubscribe\?token=[\w.-]+/.exec(digest.text ?? '')![0]);
    await page.goto(pageLink.pathname + pageLink.search);
    await expect(page.getByRole('heading', { name: 'Unsubscribe from this job alert?' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Unsubscribe' })).toBeVisible();

    // RFC 8058: the List-Unsubscribe address, posted as a mail program does, unsubscribes at once.
    const header = digest.headerLines.find((line) => line.key === 'list-unsubscribe')!.line.replace(/\r\n[ \t]+/g, ' ');
    expect(digest.headerLines.find((line) => line.key === 'list-unsubscribe-post')?.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const oneClick = new URL(/<(https?:\/\/[^>]+)>/.exec(header)![1]!);
    const response = await request.post(oneClick.pathname + oneClick.search, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      data: 'List-Unsubscribe=One-Click',
    });
    expect(response.status()).toBe(200);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'There is nothing to unsubscribe from' })).toBeVisible();
  } finally {
    await boss.stop({ graceful: false });
  }

  // The address that never confirmed got its confirmation and nothing else.
  expect(to(bystander).map((message) => message.subject)).toEqual(['Confirm your Roleboard job alert']);
});
