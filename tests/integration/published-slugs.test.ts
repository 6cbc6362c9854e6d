// What the proxy's memo of published slugs answers while another instance changes a role: a role
// published elsewhere is found at the next question; an archived one is kept until its answer
// expires or a save here forgets it. Its own database, where this file alone changes the seed role.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createDatabase } from '@/db/connection';
import { runMigrations } from '@/db/migrate';
import { seedDatabase } from '@/db/seed/seed';
import { createEmptyDatabase } from '../support/database';

const slug = 'backend-software-engineer';
let scratch: Awaited<ReturnType<typeof createEmptyDatabase>>;
let database: ReturnType<typeof createDatabase>;
let memo: typeof import('@/lib/server/published-slugs');
let client: typeof import('@/db/client');

/** A change made by "another instance": straight in the database, so this process's memo is not told. */
const setStatus = (status: 'published' | 'archived') => database.sql`update roles set status = ${status} where slug = ${slug}`;

before(async () => {
  scratch = await createEmptyDatabase('slugs');
  database = createDatabase(scratch.url, { max: 1 });
  await runMigrations(database.db);
  await seedDatabase(database.db);
  process.env.DATABASE_URL = scratch.url;
  memo = await import('@/lib/server/published-slugs');
  client = await import('@/db/client');
});
after(async () => {
  await client?.closeDatabase();
  await database?.sql.end();
  await scratch?.drop();
});

describe('the memo of published slugs', () => {
  test('a role published elsewhere is found at the next question, though it was asked for before', async () => {
    await setStatus('archived');
    assert.equal(await memo.isPublishedSlug(slug), false);
    assert.deepEqual(await memo.findUnpublishedSlugs([slug, 'no-such-role']), [slug, 'no-such-role']);
    await setStatus('published');
    assert.equal(await memo.isPublishedSlug(slug), true);
    assert.deepEqual(await memo.findUnpublishedSlugs(['no-such-role', slug]), ['no-such-role']);
  });

  test('a role archived elsewhere is remembered as published until a save here forgets it', async () => {
    assert.equal(await memo.isPublishedSlug(slug), true);
    await setStatus('archived');
    // Its page still answers 404: the page reads the role itself, from the shared cache.
    assert.equal(await memo.isPublishedSlug(slug), true);
    memo.forgetSlugs([slug]);
    assert.equal(await memo.isPublishedSlug(slug), false);
    await setStatus('published');
  });
});
