// Where postings sit among the occupations, as editors see and change it at /admin/jobs: the
// postings waiting for an occupation (with the title classifier's candidates), any one posting by
// id, and placing a posting in an occupation. An editor's placement is final for imports: a
// re-import never replaces it (db/job-import.ts). Every function checks the session itself.
import 'server-only';
import { and, asc, desc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { requireUser, requireUserToChange } from './access';
import { recordAudit } from './audit-writes';
import { database } from './client';
import { jobPostings, roles } from './schema';
import { cacheTags } from '@/lib/cache-tags';
import { classifyTitles } from '@/lib/jobs/title-classifier-thread';
import { slugSchema } from '@/lib/slug';

export const placePostingSchema = z.object({
  postingId: z.coerce.number({ error: 'Choose a posting' }).int().positive().max(Number.MAX_SAFE_INTEGER),
  roleSlug: slugSchema,
  /** Also every other unplaced posting with exactly this title (a form's checkbox sends "on"). */
  sameTitle: z
    .union([z.boolean(), z.literal('on')])
    .optional()
    .transform((value) => value === true || value === 'on'),
});

export type PostingToPlace = {
  id: number;
  title: string;
  employer: string;
  source: string;
  postedOn: string;
  placement: 'classifier' | 'editor' | 'unplaced';
  role: { slug: string; title: string } | null;
  evidence: string | null;
  /** The title classifier's candidates now, with the roles that hold their SOC codes. */
  candidates: { slug: string; title: string; socCode: string; score: number }[];
  /** How many other postings with exactly this title wait for an occupation (placed with it, if the editor asks). */
  othersWithTitle: number;
};

const postingColumns = {
  id: jobPostings.id,
  title: jobPostings.title,
  employer: jobPostings.employer,
  source: jobPostings.source,
  postedOn: jobPostings.postedOn,
  placement: jobPostings.placement,
  evidence: jobPostings.placementEvidence,
  roleSlug: roles.slug,
  roleTitle: roles.title,
};

async function withCandidates(rows: { id: number; title: string; employer: string; source: string; postedOn: string; placement: PostingToPlace['placement']; evidence: string | null; roleSlug: string | null; roleTitle: string | null }[]) {
  const titles = [...new Set(rows.map((row) => row.title))];
  const answers = await classifyTitles(titles);
  const classified = new Map(titles.map((title, index) => [title, answers[index]!]));
  const socCodes = [...new Set([...classified.values()].flatMap((answer) => answer.candidates.map((candidate) => candidate.socCode)))];
  const holders = socCodes.length === 0 ? [] : await database().select({ slug: roles.slug, title: roles.title, socCode: roles.socCode }).from(roles).where(inArray(roles.socCode, socCodes));
  const roleOf = new Map(holders.map((role) => [role.socCode!, role]));
  const unplacedWithTitle = new Map(
    (
      await database()
        .select({ title: jobPostings.title, count: sql<number>`count(*)::int` })
        .from(jobPostings)
        .where(and(eq(jobPostings.placement, 'unplaced'), inArray(jobPostings.title, titles)))
        .groupBy(jobPostings.title)
    ).map((row) => [row.title, row.count]),
  );
  return rows.map(
    (row): PostingToPlace => ({
      id: row.id,
      title: row.title,
      employer: row.employer,
      source: row.source,
      postedOn: row.postedOn,
      placement: row.placement,
      role: row.roleSlug && row.roleTitle ? { slug: row.roleSlug, title: row.roleTitle } : null,
      evidence: row.evidence,
      candidates: classified
        .get(row.title)!
        .candidates.flatMap((candidate) => {
          const role = roleOf.get(candidate.socCode);
          return role ? [{ slug: role.slug, title: role.title, socCode: candidate.socCode, score: candidate.score }] : [];
        }),
      othersWithTitle: (unplacedWithTitle.get(row.title) ?? 0) - (row.placement === 'unplaced' ? 1 : 0),
    }),
  );
}

/** The newest postings still waiting for an occupation (those of the latest import first), and how many wait in all. */
export async function listUnplacedPostings(claims: unknown, { limit = 50 }: { limit?: number } = {}) {
  await requireUser(claims);
  const [rows, [total]] = await Promise.all([
    database().select(postingColumns).from(jobPostings).leftJoin(roles, eq(roles.id, jobPostings.roleId)).where(eq(jobPostings.placement, 'unplaced')).orderBy(desc(jobPostings.id)).limit(limit),
    database().select({ count: sql<number>`count(*)::int` }).from(jobPostings).where(eq(jobPostings.placement, 'unplaced')),
  ]);
  return { postings: await withCandidates(rows), total: total?.count ?? 0 };
}

/** One posting with where it is placed, for moving it; null when there is none with that id. */
export async function getPostingToPlace(claims: unknown, { id }: { id: number }) {
  await requireUser(claims);
  const [row] = await database().select(postingColumns).from(jobPostings).leftJoin(roles, eq(roles.id, jobPostings.roleId)).where(eq(jobPostings.id, id));
  return row ? (await withCandidates([row]))[0]! : null;
}

/** The occupations a posting can be placed in (every role with a SOC code that is not archived), for the form's list. */
export async function listRolesToPlaceIn(claims: unknown) {
  await requireUser(claims);
  return rolesToPlaceIn();
}

/** What a posting can be placed in: an occupation (a role with a SOC code) that is not archived. */
export const isPlaceableRole = and(isNotNull(roles.socCode), ne(roles.status, 'archived'));

/** Every role a posting can be placed in, by title; the callers check who asks. */
export function rolesToPlaceIn() {
  return database().select({ slug: roles.slug, title: roles.title }).from(roles).where(isPlaceableRole).orderBy(asc(roles.title));
}

export type PlacePostingResult = { status: 'placed'; count: number; tags: string[] } | { status: 'not-found' } | { status: 'unknown-role' } | { status: 'unchanged' };

/**
 * Places a posting in the role with `roleSlug`, as the editor's choice (placement 'editor', who
 * and when), and with `sameTitle` every other unplaced posting of exactly its title; an audit
 * entry for each, and the posting figures of the roles they leave and the one they join
 * recomputed, all in one transaction.
 */
export async function placePosting(claims: unknown, input: z.input<typeof placePostingSchema>): Promise<PlacePostingResult> {
  const actor = await requireUserToChange(claims);
  const { postingId, roleSlug, sameTitle } = placePostingSchema.parse(input);
  return database().transaction(async (tx) => {
    const [posting] = await tx
      .select({ id: jobPostings.id, title: jobPostings.title, roleId: jobPostings.roleId, placement: jobPostings.placement, oldSlug: roles.slug })
      .from(jobPostings)
      .leftJoin(roles, eq(roles.id, jobPostings.roleId))
      .where(eq(jobPostings.id, postingId))
      .for('update', { of: jobPostings });
    if (!posting) return { status: 'not-found' };
    const [role] = await tx.select({ id: roles.id, slug: roles.slug }).from(roles).where(and(eq(roles.slug, roleSlug), isPlaceableRole));
    if (!role) return { status: 'unknown-role' };
    const others = sameTitle
      ? await tx
          .select({ id: jobPostings.id, title: jobPostings.title, roleId: jobPostings.roleId, placement: jobPostings.placement, oldSlug: roles.slug })
          .from(jobPostings)
          .leftJoin(roles, eq(roles.id, jobPostings.roleId))
          .where(and(eq(jobPostings.placement, 'unplaced'), eq(jobPostings.title, posting.title), ne(jobPostings.id, postingId)))
          .orderBy(asc(jobPostings.id))
          .for('update', { of: jobPostings })
      : [];
    const moving = [...(posting.placement === 'editor' && posting.roleId === role.id ? [] : [posting]), ...others];
    if (moving.length === 0) return { status: 'unchanged' };
    const ids = moving.map((moved) => moved.id);
    await tx
      .update(jobPostings)
      .set({ roleId: role.id, placement: 'editor', placementScore: null, placementEvidence: 'Placed by an editor', placedBy: actor.id, placedAt: sql`now()`, updatedAt: sql`now()` })
      .where(inArray(jobPostings.id, ids));
    for (const moved of moving) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'job.place',
        entityType: 'job',
        entityId: String(moved.id),
        before: { role: moved.oldSlug, placement: moved.placement },
        after: { role: role.slug, placement: 'editor', ...(moved.id !== postingId && { withPosting: postingId }) },
      });
    }
    const affected = [...new Set([role.id, ...moving.flatMap((moved) => (moved.roleId !== null ? [moved.roleId] : []))])];
    await tx.execute(sql`select roleboard_refresh_posting_figures(${sql.param(affected)}::integer[])`);
    const oldSlugs = new Set(moving.flatMap((moved) => (moved.oldSlug ? [moved.oldSlug] : [])));
    // Every posting's page is also under `jobs`: naming each one adds nothing to that, and a long
    // title's hundreds of tags would only lengthen the edge's purge.
    const postingTags = ids.length <= 20 ? ids.map((id) => cacheTags.job(id)) : [];
    const tags = [cacheTags.jobs, ...postingTags, cacheTags.role(role.slug), ...[...oldSlugs].map((slug) => cacheTags.role(slug))];
    return { status: 'placed', count: moving.length, tags };
  });
}
