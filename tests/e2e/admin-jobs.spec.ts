// Job postings at /admin/jobs: an editor uploads a small schema.org JobPosting file, previews it,
// applies it, and places the posting the title classifier could not. Each test's postings are its
// own (named by worker and time), so tests in parallel do not meet.
import { expect, test } from '@playwright/test';
import { testUsers } from '../support/users';
import { signIn } from './support/sign-in';

test('the job postings pages are for signed-in editors only', async ({ page }) => {
  await page.goto('/admin/jobs/import');
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
});

test('an editor imports a JSON-LD file through its preview, then places the posting left unplaced', async ({ page }, testInfo) => {
  const suffix = `${testInfo.workerIndex}-${Date.now()}`;
  const title = `Zorblax Data Wrangler ${suffix}`;
  const itemList = {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    itemListElement: [
      {
        '@type': 'ListItem',
        position: 1,
        item: {
          '@type': 'JobPosting',
          identifier: { '@type': 'PropertyValue', name: 'e2e-careers', value: suffix },
          title,
          hiringOrganization: { '@type': 'Organization', name: 'Acme Testing' },
          jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Austin', addressRegion: 'TX', addressCountry: 'US' } },
          datePosted: '2026-03-01',
          baseSalary: { '@type': 'MonetaryAmount', currency: 'USD', value: { '@type': 'QuantitativeValue', minValue: 90000, maxValue: 110000, unitText: 'YEAR' } },
          description: '<p>Wrangle data.</p><ul><li>Clean it</li><li>Explain it</li></ul>',
          url: 'https://careers.example.com/e2e',
        },
      },
    ],
  };

  await signIn(page, testUsers.editor);
  await page.getByRole('link', { name: 'Jobs', exact: true }).click();
  await page.getByRole('link', { name: 'Import job postings' }).click();
  await page.getByLabel(/Postings file/).setInputFiles({ name: `postings-${suffix}.json`, mimeType: 'application/ld+json', buffer: Buffer.from(JSON.stringify(itemList)) });
  await page.getByRole('button', { name: 'Preview import' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Import postings-${suffix}.json`);
  await expect(page.getByText('schema.org JobPosting JSON-LD')).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(title) })).toContainText('New');
  await page.getByRole('button', { name: 'Apply import' }).click();
  await expect(page.getByRole('status')).toContainText('1 new, 0 changed, 0 unchanged');

  await page.goto('/admin/jobs');
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await page.getByLabel(`Occupation for ${title} (role slug)`).fill('data-scientists');
  await page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) }).getByRole('button', { name: 'Place' }).click();

  await expect(page).toHaveURL(/\/admin\/jobs\?posting=\d+/);
  await expect(page.getByText(/now in Data Scientists \(placed by an editor\)/)).toBeVisible();
});

test('an editor places every unplaced posting of one title at once, or only the one', async ({ page }, testInfo) => {
  const suffix = `${testInfo.workerIndex}-${Date.now()}`;
  const title = `Quillfrond Zembrit ${suffix}`;
  const posting = (number: number) => ({
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    identifier: { '@type': 'PropertyValue', name: 'e2e-same-title', value: `${suffix}-${number}` },
    title,
    hiringOrganization: { '@type': 'Organization', name: 'Acme Testing' },
    jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Denver', addressRegion: 'CO', addressCountry: 'US' } },
    datePosted: '2026-03-02',
    description: `Posting ${number}.`,
    url: `https://careers.example.com/e2e/${number}`,
  });

  await signIn(page, testUsers.editor);
  await page.goto('/admin/jobs/import');
  await page.getByLabel(/Postings file/).setInputFiles({ name: `same-${suffix}.json`, mimeType: 'application/ld+json', buffer: Buffer.from(JSON.stringify([1, 2, 3, 4].map(posting))) });
  await page.getByRole('button', { name: 'Preview import' }).click();
  await page.getByRole('button', { name: 'Apply import' }).click();
  await expect(page.getByRole('status')).toContainText('4 new, 0 changed, 0 unchanged');

  // Only the one: the box unticked.
  await page.goto('/admin/jobs');
  const waiting = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) });
  await expect(waiting).toHaveCount(4);
  const first = waiting.first();
  await first.getByLabel(`Occupation for ${title} (role slug)`).fill('accountants-and-auditors');
  await first.getByLabel(`Also place the 3 other unplaced postings titled exactly “${title}”`).uncheck();
  await first.getByRole('button', { name: 'Place' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Placed 1 posting in Accountants and Auditors.' })).toBeVisible();
  await page.goto('/admin/jobs');
  await expect(waiting).toHaveCount(3);

  // The rest at once: the box ticked, as it comes.
  const next = waiting.first();
  await next.getByLabel(`Occupation for ${title} (role slug)`).fill('accountants-and-auditors');
  await expect(next.getByLabel(`Also place the 2 other unplaced postings titled exactly “${title}”`)).toBeChecked();
  await next.getByRole('button', { name: 'Place' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Placed 3 postings titled “${title}” in Accountants and Auditors.` })).toBeVisible();
  await expect(page.getByText(/now in Accountants and Auditors \(placed by an editor\)/)).toBeVisible();
  await page.goto('/admin/jobs');
  await expect(waiting).toHaveCount(0);
});
