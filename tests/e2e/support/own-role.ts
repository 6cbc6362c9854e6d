// Test data per worker, as cal.com's `users` fixture makes its users: a test that changes a role
// changes one made for it, a copy of a U.S. occupation named for the worker and the test, so tests
// running side by side never see each other's edits. The copy is removed when the test ends.
// While it is there it is one more published role in its category, so the listing tests that count
// roles count at least the catalogue's; it has no typical education and no state figures, which
// the tests counting the education filter's roles and a state's export count exactly.
import { randomBytes } from 'node:crypto';
import { test as base } from '@playwright/test';
import { eq, inArray } from 'drizzle-orm';
import { createDatabase } from '@/db/connection';
import { roles, roleStats, roleStatsHistory } from '@/db/schema';
import { cacheTags } from '@/lib/cache-tags';
import { sendRevalidation } from '@/lib/revalidation-request';

export type OwnRole = { slug: string; title: string; categorySlug: string };

/** Copies the role at `from` (its text, figures and their history) under a new slug and title; the copy has no SOC code and no other names, so no search for the original's names finds it first. */
type MakeOwnRole = (from: string) => Promise<OwnRole>;

const MAX_SLUG = 100;

export const test = base.extend<{ ownRole: MakeOwnRole }>({
  // Playwright hands a fixture its `use` callback; named otherwise here, as React's hook rules read `use` as React's.
  ownRole: async ({ baseURL }, runTest, testInfo) => {
    const { db, sql } = createDatabase(process.env.DATABASE_URL!, { max: 1 });
    const made: OwnRole[] = [];
    /** Written past the app, so told to it as an import tells it (the listing and the role's pages). */
    const tellTheApp = async (changed: OwnRole[]) => {
      const tags = [cacheTags.roleList, ...changed.flatMap((role) => [cacheTags.role(role.slug), cacheTags.category(role.categorySlug)])];
      const refused = await sendRevalidation({ origin: baseURL!, tags, secret: process.env.AUTH_SECRET! });
      if (refused) throw new Error(`The server refused the revalidation of ${tags.join(', ')}: ${refused.status}`);
    };
    try {
      await runTest(async (from) => {
        const [source] = await db.select().from(roles).where(eq(roles.slug, from));
        if (!source) throw new Error(`No role ${from} to copy`);
        const mark = `w${testInfo.workerIndex}-${randomBytes(3).toString('hex')}`;
        const slug = `e2e-${mark}-${from}`.slice(0, MAX_SLUG).replace(/-+$/, '');
        const title = `${source.title} (${mark})`.slice(-120);
        const { id: _id, searchVector: _searchVector, createdAt: _createdAt, updatedAt: _updatedAt, ...content } = source;
        await db.transaction(async (tx) => {
          const [copy] = await tx.insert(roles).values({ ...content, slug, title, socCode: null, alternativeTitles: [] }).returning({ id: roles.id });
          const roleId = copy!.id;
          const [stats] = await tx.select().from(roleStats).where(eq(roleStats.roleId, source.id));
          if (stats) await tx.insert(roleStats).values({ ...stats, roleId, entryEducation: null });
          const history = await tx.select().from(roleStatsHistory).where(eq(roleStatsHistory.roleId, source.id));
          if (history.length > 0) await tx.insert(roleStatsHistory).values(history.map(({ id: _historyId, ...row }) => ({ ...row, roleId })));
        });
        const role = { slug, title, categorySlug: source.categorySlug };
        made.push(role);
        await tellTheApp([role]);
        return role;
      });
    } finally {
      if (made.length > 0) {
        await db.delete(roles).where(inArray(roles.slug, made.map((role) => role.slug)));
        await tellTheApp(made);
      }
      await sql.end();
    }
  },
});

export { expect } from '@playwright/test';
