// Employers' own postings (issue 22): a member writes a draft, publishes it (a new employer's
// first postings wait for an editor), edits, closes or renews it, never deletes it; editors approve
// or take down with a reason the employer sees. Publishing goes through the postings import
// (db/job-import.ts) as a posting of the source `roleboard`, so search, figures, feeds and caches
// treat it as any other posting, and the tags it returns are invalidated by the caller.
//
// Every function checks the session itself. A member reaches only their own employer's postings:
// another employer's is "not found", never "forbidden", so its existence is not confirmed.
import 'server-only';
import { and, asc, desc, eq, gt, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import { AccessDeniedError, getActor, requireUser, requireUserToChange, type Actor } from './access';
import { recordAudit, type Transaction } from './audit-writes';
import { database } from './client';
import { applyJobImportIn } from './job-import';
import { rolesToPlaceIn, isPlaceableRole } from './job-placements';
import { isOpenPosting } from './job-reads';
import { employerPostings, employers, jobPostings, roles, users } from './schema';
import { cacheTags } from '@/lib/cache-tags';
import { postingReferenceSchema, savePostingSchema, takeDownPostingSchema, type PostingPlace } from '@/lib/employer-schemas';
import { env } from '@/lib/env';
import { fieldErrorsOf, type FieldErrors, type Refused } from '@/lib/domain/errors';
import { classifyTitles, suggestOccupationsFor } from '@/lib/jobs/title-classifier-thread';
import { postingRecordSchema, type PostingRecord } from '@/lib/jobs/posting-record';

/** The source of postings made on Roleboard's posting form; files may not use it (lib/jobs/posting-file.ts). */
export const EMPLOYER_POSTING_SOURCE = 'roleboard';

/** A duplicate is the same title at the same places within this many days. */
const DUPLICATE_WINDOW_DAYS = 30;

type PostingStatus = (typeof employerPostings.$inferSelect)['status'];

export type EmployerPostingView = {
  id: number;
  status: PostingStatus;
  title: string;
  role: { slug: string; title: string } | null;
  places: PostingPlace[];
  remote: boolean;
  payMin: number | null;
  payMax: number | null;
  payPeriod: 'year' | 'month' | 'week' | 'day' | 'hour' | null;
  employmentType: (typeof employerPostings.$inferSelect)['employmentType'];
  educationAsked: (typeof employerPostings.$inferSelect)['educationAsked'];
  description: string;
  /** The https link or the email address, as the form shows it. */
  applyTo: string;
  closesOn: string | null;
  version: number;
  updatedAt: string;
  updatedBy: string;
  publishedAt: string | null;
  jobPostingId: number | null;
  takedownReason: string | null;
  employer: { id: number; slug: string; name: string };
};

const viewColumns = {
  posting: employerPostings,
  roleSlug: roles.slug,
  roleTitle: roles.title,
  employerSlug: employers.slug,
  employerName: employers.name,
  updatedByName: users.name,
};

type ViewRow = { posting: typeof employerPostings.$inferSelect; roleSlug: string | null; roleTitle: string | null; employerSlug: string; employerName: string; updatedByName: string };

/** A posting's terms as its employer wrote them, passed on unchanged to the editor's view and to the published record. */
function termsOf({ payMin, payMax, payPeriod, employmentType, educationAsked, description }: typeof employerPostings.$inferSelect) {
  return { payMin, payMax, payPeriod, employmentType, educationAsked, description };
}

function toView({ posting, roleSlug, roleTitle, employerSlug, employerName, updatedByName }: ViewRow): EmployerPostingView {
  return {
    id: posting.id,
    status: posting.status,
    title: posting.title,
    role: roleSlug && roleTitle ? { slug: roleSlug, title: roleTitle } : null,
    places: posting.locations,
    remote: posting.remote,
    ...termsOf(posting),
    applyTo: posting.applyUrl ?? posting.applyEmail ?? '',
    closesOn: posting.closesOn,
    version: posting.version,
    updatedAt: posting.updatedAt.toISOString(),
    updatedBy: updatedByName,
    publishedAt: posting.publishedAt?.toISOString() ?? null,
    jobPostingId: posting.jobPostingId,
    takedownReason: posting.takedownReason,
    employer: { id: posting.employerId, slug: employerSlug, name: employerName },
  };
}

function viewQuery(db: Pick<Transaction, 'select'>) {
  return db
    .select(viewColumns)
    .from(employerPostings)
    .innerJoin(employers, eq(employers.id, employerPostings.employerId))
    .innerJoin(users, eq(users.id, employerPostings.updatedBy))
    .leftJoin(roles, eq(roles.id, employerPostings.roleId));
}

/** Whose postings an actor may see: a member, their employer's; editors and admins, every one. */
function visibleTo(actor: Actor) {
  return actor.role === 'employer' ? eq(employerPostings.employerId, actor.employerId!) : undefined;
}

// ---- Reads -------------------------------------------------------------------------------------

/** A member's employer's postings, the latest changed first. */
export async function listOwnPostings(claims: unknown): Promise<EmployerPostingView[]> {
  const actor = await requireUser(claims, 'employer');
  const rows = await viewQuery(database()).where(visibleTo(actor)).orderBy(desc(employerPostings.updatedAt), desc(employerPostings.id)).limit(500);
  return rows.map(toView);
}

/** One posting, for its member (their employer's only) or an editor; null for any other. */
export async function getEmployerPosting(claims: unknown, { id }: { id: number }): Promise<EmployerPostingView | null> {
  // Any signed-in role: a member sees their employer's postings only (visibleTo), editors every one.
  const actor = await getActor(claims);
  if (!actor) throw new AccessDeniedError('signed-out');
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) return null;
  const [row] = await viewQuery(database()).where(and(eq(employerPostings.id, id), visibleTo(actor)));
  return row ? toView(row) : null;
}

/** The occupations a posting can be placed in (roles with a SOC code, not archived), for the form's list. */
export async function listOccupations(claims: unknown) {
  await requireUser(claims, 'employer');
  return rolesToPlaceIn();
}

/**
 * The occupations a title may belong to, best first, as the posting form suggests them while the
 * title is typed: the classifier's candidates that are roles, each with its reason. For members only.
 */
export async function suggestOccupationsForTitle(claims: unknown, title: string) {
  await requireUser(claims, 'employer');
  // The first question after a quiet spell waits for the model to be built (a few seconds).
  const suggestions = await suggestOccupationsFor(title, 5, { timeoutMs: 15_000 });
  if (suggestions.length === 0) return [];
  const holders = await database()
    .select({ slug: roles.slug, title: roles.title, socCode: roles.socCode })
    .from(roles)
    .where(and(inArray(roles.socCode, suggestions.map((suggestion) => suggestion.socCode)), ne(roles.status, 'archived')));
  const roleOf = new Map(holders.map((role) => [role.socCode!, role]));
  return suggestions.flatMap((suggestion) => {
    const role = roleOf.get(suggestion.socCode);
    return role ? [{ slug: role.slug, title: role.title, evidence: suggestion.evidence }] : [];
  }).slice(0, 3);
}

/** Postings waiting for an editor, the oldest first, and the latest published ones (to take down). */
export async function listPostingsToReview(claims: unknown) {
  await requireUser(claims, 'editor');
  const [pending, published] = await Promise.all([
    viewQuery(database()).where(eq(employerPostings.status, 'pending')).orderBy(asc(employerPostings.updatedAt)).limit(100),
    viewQuery(database()).where(eq(employerPostings.status, 'published')).orderBy(desc(employerPostings.publishedAt)).limit(50),
  ]);
  return { pending: pending.map(toView), published: published.map(toView) };
}

/** How a published employer posting is applied to, for its public page (job_postings keeps web links only). */
export async function getApplyEmailOfPosting(jobPostingId: number): Promise<string | null> {
  const [row] = await database().select({ email: employerPostings.applyEmail }).from(employerPostings).where(eq(employerPostings.jobPostingId, jobPostingId));
  return row?.email ?? null;
}

// ---- Publishing --------------------------------------------------------------------------------

const endOfDay = (day: string) => `${day}T23:59:59Z`;

/**
 * Writes the posting into job_postings through the import, open until its closing day or, with
 * `closeNow`, closed from now on. Returns the job posting's id and the cache tags to invalidate.
 */
async function publishThroughImport(tx: Transaction, posting: typeof employerPostings.$inferSelect, actorId: number, { closeNow = false } = {}) {
  const [employer] = await tx.select({ name: employers.name }).from(employers).where(eq(employers.id, posting.employerId));
  const [role] = posting.roleId === null ? [] : await tx.select({ socCode: roles.socCode }).from(roles).where(eq(roles.id, posting.roleId));
  const postedOn = (posting.publishedAt ?? new Date()).toISOString().slice(0, 10);
  // Closed as of the transaction's own now(): "open" is closes_at > now(), and a later moment read
  // here would leave the posting open for the figures this transaction recomputes.
  const [{ now }] = (await tx.execute<{ now: string }>(sql`select to_json(now())#>>'{}' as now`)) as unknown as [{ now: string }];
  const record: PostingRecord = postingRecordSchema.parse({
    source: EMPLOYER_POSTING_SOURCE,
    sourceId: String(posting.id),
    title: posting.title,
    employer: employer!.name,
    locations: posting.locations,
    remote: posting.remote,
    postedOn,
    closesAt: closeNow ? now : posting.closesOn ? endOfDay(posting.closesOn) : null,
    ...termsOf(posting),
    qualifications: null,
    applyUrl: posting.applyUrl,
    socCode: role?.socCode ?? null,
  } satisfies Record<keyof PostingRecord, unknown>);
  const result = await applyJobImportIn(
    tx,
    { format: 'posting-form', rows: [{ record: 1, posting: record }], problems: [], rowCount: 1 },
    { actorId, runId: `posting-${posting.id}`, fileName: `${EMPLOYER_POSTING_SOURCE} posting ${posting.id}` },
  );
  const [written] = await tx
    .select({ id: jobPostings.id })
    .from(jobPostings)
    .where(and(eq(jobPostings.source, EMPLOYER_POSTING_SOURCE), eq(jobPostings.sourceId, String(posting.id))));
  return { jobPostingId: written!.id, tags: result.status === 'applied' ? result.tags : [] };
}

/** Takes a posting out of job_postings (taken down): its role's figures are recomputed. */
async function removeFromJobPostings(tx: Transaction, jobPostingId: number) {
  const [removed] = await tx.delete(jobPostings).where(eq(jobPostings.id, jobPostingId)).returning({ roleId: jobPostings.roleId });
  if (!removed) return [];
  const tags = [cacheTags.jobs, cacheTags.job(jobPostingId)];
  if (removed.roleId !== null) {
    await tx.execute(sql`select roleboard_refresh_posting_figures(array[${removed.roleId}]::integer[])`);
    const [role] = await tx.select({ slug: roles.slug }).from(roles).where(eq(roles.id, removed.roleId));
    if (role) tags.push(cacheTags.role(role.slug));
  }
  return tags;
}

/** Has an editor (or a publish at once) ever let this employer's postings out? A new employer's first ones wait. */
async function isTrusted(tx: Transaction, employerId: number) {
  const [row] = await tx.select({ id: employerPostings.id }).from(employerPostings).where(and(eq(employerPostings.employerId, employerId), isNotNull(employerPostings.publishedAt))).limit(1);
  return row !== undefined;
}

// ---- A member's changes ------------------------------------------------------------------------

export type SavePostingResult =
  | {
      status: 'saved';
      id: number;
      postingStatus: PostingStatus;
      version: number;
      tags: string[];
      /** The occupation the title classifier chose, when the member left it to it. */
      suggestedRole: { slug: string; title: string } | null;
    }
  | { status: 'invalid'; fieldErrors: FieldErrors }
  | (Refused<'posting:daily_limit' | 'posting:needs_occupation' | 'posting:unknown_occupation' | 'posting:taken_down'> & { duplicateOf?: never })
  | (Refused<'posting:duplicate'> & { duplicateOf: number })
  | { status: 'conflict'; current: EmployerPostingView }
  | { status: 'not-found' };

/** The occupation for a role slug, or for the title as the classifier reads it (null when it has no guess). */
async function occupationFor(roleSlug: string | null, title: string) {
  if (roleSlug) {
    const [role] = await database()
      .select({ id: roles.id, slug: roles.slug, title: roles.title })
      .from(roles)
      .where(and(eq(roles.slug, roleSlug), isPlaceableRole));
    return role ? { role, suggested: false } : 'unknown';
  }
  const [placement] = await classifyTitles([title]);
  const socCode = placement?.candidates[0]?.socCode;
  if (!socCode) return null;
  const [role] = await database()
    .select({ id: roles.id, slug: roles.slug, title: roles.title })
    .from(roles)
    .where(and(eq(roles.socCode, socCode), ne(roles.status, 'archived')));
  return role ? { role, suggested: true } : null;
}

/**
 * Saves a member's posting (new, or the version they opened), and with `intent: 'publish'`
 * publishes it: at once for an employer an editor has trusted before, else it waits for review. A
 * published posting saved again is updated on the site at once. Refused: another employer's
 * posting (not found), an older version (conflict, with the current one), a duplicate of one in
 * the last 30 days, more new postings today than the daily limit, a posting taken down.
 */
export async function saveEmployerPosting(claims: unknown, input: unknown): Promise<SavePostingResult> {
  const actor = await requireUserToChange(claims, 'employer');
  const parsed = savePostingSchema.safeParse(input);
  if (!parsed.success) return { status: 'invalid', fieldErrors: fieldErrorsOf(parsed.error) };
  const { id, version, intent, roleSlug, places, applyTo, ...fields } = parsed.data;
  const occupation = await occupationFor(roleSlug, fields.title);
  if (occupation === 'unknown') return { status: 'refused', codes: ['posting:unknown_occupation'] };
  const employerId = actor.employerId!;

  return database().transaction(async (tx): Promise<SavePostingResult> => {
    // Every change of one employer's postings in turn: the daily limit and duplicates are counted right.
    await tx.select({ id: employers.id }).from(employers).where(eq(employers.id, employerId)).for('update');
    const [existing] = id === undefined ? [] : await tx.select().from(employerPostings).where(and(eq(employerPostings.id, id), eq(employerPostings.employerId, employerId))).for('update');
    if (id !== undefined && !existing) return { status: 'not-found' };
    if (existing?.status === 'taken-down') return { status: 'refused', codes: ['posting:taken_down'] };
    if (existing && version !== existing.version) {
      const [current] = await viewQuery(tx).where(eq(employerPostings.id, existing.id));
      return { status: 'conflict', current: toView(current!) };
    }
    if (!existing) {
      const [today] = await tx
        .select({ count: sql<number>`count(*)::int` })
        .from(employerPostings)
        .where(and(eq(employerPostings.employerId, employerId), gt(employerPostings.createdAt, sql`now() - interval '1 day'`)));
      if (today!.count >= env.EMPLOYER_DAILY_POSTINGS()) return { status: 'refused', codes: ['posting:daily_limit'] };
    }
    const [duplicate] = await tx
      .select({ id: employerPostings.id })
      .from(employerPostings)
      .where(
        and(
          eq(employerPostings.employerId, employerId),
          eq(sql`lower(${employerPostings.title})`, fields.title.toLowerCase()),
          eq(employerPostings.locations, places),
          eq(employerPostings.remote, fields.remote),
          gt(employerPostings.createdAt, sql`now() - make_interval(days => ${DUPLICATE_WINDOW_DAYS})`),
          ne(employerPostings.status, 'taken-down'),
          ...(existing ? [ne(employerPostings.id, existing.id)] : []),
        ),
      )
      .limit(1);
    if (duplicate) return { status: 'refused', codes: ['posting:duplicate'], duplicateOf: duplicate.id };

    const roleId = occupation?.role.id ?? existing?.roleId ?? null;
    const publishing = intent === 'publish' || existing?.status === 'published';
    if (publishing && roleId === null) return { status: 'refused', codes: ['posting:needs_occupation'] };
    const trusted = publishing && (await isTrusted(tx, employerId));
    const nextStatus: PostingStatus = !publishing ? (existing?.status ?? 'draft') : trusted ? 'published' : 'pending';
    const values = { ...fields, ...applyTo, locations: places, roleId, status: nextStatus, updatedBy: actor.id, updatedAt: sql`now()` };
    const [saved] = existing
      ? await tx
          .update(employerPostings)
          .set({ ...values, version: existing.version + 1 })
          .where(eq(employerPostings.id, existing.id))
          .returning()
      : await tx
          .insert(employerPostings)
          .values({ ...values, employerId, createdBy: actor.id })
          .returning();
    let posting = saved!;
    let tags: string[] = [];
    if (nextStatus === 'published') {
      if (!posting.publishedAt) posting = (await tx.update(employerPostings).set({ publishedAt: sql`now()` }).where(eq(employerPostings.id, posting.id)).returning())[0]!;
      const published = await publishThroughImport(tx, posting, actor.id);
      await tx.update(employerPostings).set({ jobPostingId: published.jobPostingId }).where(eq(employerPostings.id, posting.id));
      tags = published.tags;
    }
    const action = nextStatus === 'published' ? (existing?.status === 'published' ? 'posting.save' : 'posting.publish') : nextStatus === 'pending' && existing?.status !== 'pending' ? 'posting.submit' : 'posting.save';
    await recordAudit(tx, {
      actorId: actor.id,
      action,
      entityType: 'employer-posting',
      entityId: String(posting.id),
      before: existing ? { status: existing.status, title: existing.title, version: existing.version } : null,
      after: { status: nextStatus, title: posting.title, version: posting.version },
    });
    return { status: 'saved', id: posting.id, postingStatus: nextStatus, version: posting.version, tags, suggestedRole: occupation?.suggested ? { slug: occupation.role.slug, title: occupation.role.title } : null };
  });
}

export type PostingChangeResult =
  | { status: 'saved'; tags: string[] }
  | { status: 'invalid'; fieldErrors: FieldErrors }
  | Refused<'posting:not_open' | 'posting:taken_down'>
  | { status: 'conflict'; current: EmployerPostingView }
  | { status: 'not-found' };

/** A member closes their published (or waiting) posting: it leaves every open figure and page at once. */
export async function closeEmployerPosting(claims: unknown, input: { id: unknown; version: unknown }): Promise<PostingChangeResult> {
  const actor = await requireUserToChange(claims, 'employer');
  const parsed = postingReferenceSchema.safeParse(input);
  if (!parsed.success) return { status: 'invalid', fieldErrors: fieldErrorsOf(parsed.error) };
  return database().transaction(async (tx) => {
    const [posting] = await tx.select().from(employerPostings).where(and(eq(employerPostings.id, parsed.data.id), eq(employerPostings.employerId, actor.employerId!))).for('update');
    if (!posting) return { status: 'not-found' };
    if (posting.version !== parsed.data.version) {
      const [current] = await viewQuery(tx).where(eq(employerPostings.id, posting.id));
      return { status: 'conflict', current: toView(current!) };
    }
    if (posting.status !== 'published' && posting.status !== 'pending') return { status: 'refused', codes: ['posting:not_open'] };
    const tags = await closePosting(tx, posting, actor.id);
    return { status: 'saved', tags };
  });
}

/** Closes one posting (in job_postings too, if it is there), audited; returns the tags to invalidate. */
async function closePosting(tx: Transaction, posting: typeof employerPostings.$inferSelect, actorId: number) {
  const [closed] = await tx
    .update(employerPostings)
    .set({ status: 'closed', version: posting.version + 1, updatedBy: actorId, updatedAt: sql`now()` })
    .where(eq(employerPostings.id, posting.id))
    .returning();
  const tags = posting.status === 'published' ? (await publishThroughImport(tx, closed!, actorId, { closeNow: true })).tags : [];
  await recordAudit(tx, { actorId, action: 'posting.close', entityType: 'employer-posting', entityId: String(posting.id), before: { status: posting.status }, after: { status: 'closed' } });
  return tags;
}

/** Closes every published or waiting posting of an employer (it is being disabled), in the caller's transaction. */
export async function closeEveryPostingOf(tx: Transaction, { employerId, actorId }: { employerId: number; actorId: number }) {
  const open = await tx
    .select()
    .from(employerPostings)
    .where(and(eq(employerPostings.employerId, employerId), inArray(employerPostings.status, ['published', 'pending'])))
    .orderBy(asc(employerPostings.id))
    .for('update');
  const tags = new Set<string>();
  for (const posting of open) for (const tag of await closePosting(tx, posting, actorId)) tags.add(tag);
  return [...tags];
}

// ---- Editors' moderation -----------------------------------------------------------------------

export type ModerationResult = { status: 'saved'; tags: string[] } | { status: 'invalid'; fieldErrors: FieldErrors } | { status: 'not-found' } | { status: 'unchanged' };

/** An editor lets a waiting posting out: published at once, and its employer trusted from now on. */
export async function approveEmployerPosting(claims: unknown, input: { id: unknown }): Promise<ModerationResult> {
  const actor = await requireUserToChange(claims, 'editor');
  const parsed = takeDownPostingSchema.pick({ id: true }).safeParse(input);
  if (!parsed.success) return { status: 'invalid', fieldErrors: fieldErrorsOf(parsed.error) };
  return database().transaction(async (tx) => {
    const [posting] = await tx.select().from(employerPostings).where(eq(employerPostings.id, parsed.data.id)).for('update');
    if (!posting) return { status: 'not-found' };
    if (posting.status !== 'pending') return { status: 'unchanged' };
    const [approved] = await tx
      .update(employerPostings)
      .set({ status: 'published', publishedAt: sql`coalesce(${employerPostings.publishedAt}, now())`, reviewedBy: actor.id, reviewedAt: sql`now()`, version: posting.version + 1 })
      .where(eq(employerPostings.id, posting.id))
      .returning();
    const published = await publishThroughImport(tx, approved!, actor.id);
    await tx.update(employerPostings).set({ jobPostingId: published.jobPostingId }).where(eq(employerPostings.id, posting.id));
    await recordAudit(tx, { actorId: actor.id, action: 'posting.approve', entityType: 'employer-posting', entityId: String(posting.id), before: { status: 'pending' }, after: { status: 'published' } });
    return { status: 'saved', tags: published.tags };
  });
}

/** An editor takes a posting down, with a reason its employer sees: off the site at once, and never published again. */
export async function takeDownEmployerPosting(claims: unknown, input: { id: unknown; reason: unknown }): Promise<ModerationResult> {
  const actor = await requireUserToChange(claims, 'editor');
  const parsed = takeDownPostingSchema.safeParse(input);
  if (!parsed.success) return { status: 'invalid', fieldErrors: fieldErrorsOf(parsed.error) };
  return database().transaction(async (tx) => {
    const [posting] = await tx.select().from(employerPostings).where(eq(employerPostings.id, parsed.data.id)).for('update');
    if (!posting) return { status: 'not-found' };
    if (posting.status === 'taken-down' || posting.status === 'draft') return { status: 'unchanged' };
    await tx
      .update(employerPostings)
      .set({ status: 'taken-down', takedownReason: parsed.data.reason, reviewedBy: actor.id, reviewedAt: sql`now()`, version: posting.version + 1, jobPostingId: null })
      .where(eq(employerPostings.id, posting.id));
    const tags = posting.jobPostingId === null ? [] : await removeFromJobPostings(tx, posting.jobPostingId);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'posting.take-down',
      entityType: 'employer-posting',
      entityId: String(posting.id),
      before: { status: posting.status },
      after: { status: 'taken-down', reason: parsed.data.reason },
    });
    return { status: 'saved', tags };
  });
}

// ---- The public employer page ------------------------------------------------------------------

/** An employer's public page: its name and website, open postings, and the occupations it hires for; null for none (or a disabled one). */
export async function getEmployerPage(slug: string) {
  const [employer] = await database()
    .select({ id: employers.id, slug: employers.slug, name: employers.name, website: employers.website })
    .from(employers)
    .where(and(eq(employers.slug, slug), sql`${employers.disabledAt} is null`));
  if (!employer) return null;
  const postingIds = database().select({ id: employerPostings.jobPostingId }).from(employerPostings).where(and(eq(employerPostings.employerId, employer.id), isNotNull(employerPostings.jobPostingId)));
  const open = await database()
    .select({
      id: jobPostings.id,
      title: jobPostings.title,
      locations: jobPostings.locations,
      remote: jobPostings.remote,
      postedOn: jobPostings.postedOn,
      closesAt: jobPostings.closesAt,
      annualPayMin: jobPostings.annualPayMin,
      annualPayMax: jobPostings.annualPayMax,
      roleSlug: roles.slug,
      roleTitle: roles.title,
    })
    .from(jobPostings)
    .leftJoin(roles, eq(roles.id, jobPostings.roleId))
    .where(and(inArray(jobPostings.id, postingIds), isOpenPosting))
    .orderBy(desc(jobPostings.postedOn), desc(jobPostings.id));
  return { employer, open: open.map((posting) => ({ ...posting, closesAt: posting.closesAt?.toISOString() ?? null })) };
}
