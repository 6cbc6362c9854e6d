// The job postings import, whichever door it comes through (first start, `npm run jobs:import`,
// /admin/jobs/import): a read file (lib/jobs/posting-file.ts) → a plan matched by (source,
// source_id) against the database (new, changed when its content hash differs, unchanged, invalid
// with line and reason) → applied in one transaction: postings written in statements of 1,000,
// each new or changed one placed by the title classifier (or by the file's own SOC code), except
// that an editor's placement is never replaced; one audit entry for the run; the posting figures
// of every role whose postings moved recomputed. Nothing at all is applied when any row is
// invalid, and importing the same file again writes nothing.
//
// Not server-only, and it checks no session: scripts call it with their own connection and a null
// actor; the app calls it through db/job-uploads.ts, which checks the user first.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inArray, sql } from 'drizzle-orm';
import { recordAudit, type Transaction } from './audit-writes';
import type { Database } from './connection';
import { jobPostings, roles } from './schema';
import { cacheTags } from '@/lib/cache-tags';
import { describePostingProblem, POSTING_FILE_LIMITS, readPostingFile, type PostingFile, type PostingFormat } from '@/lib/jobs/posting-file';
import { annualisePay } from '@/lib/jobs/pay';
import { postingContentHash, stateCodesOf, type PostingProblem, type PostingRecord } from '@/lib/jobs/posting-record';
import { classifyTitles } from '@/lib/jobs/title-classifier-thread';

type Queryable = Database | Transaction;

type Place = { line?: number; record: number };
export type PlannedPosting =
  | (Place & { kind: 'new'; posting: PostingRecord; contentHash: string })
  | (Place & { kind: 'changed'; id: number; posting: PostingRecord; contentHash: string })
  | (Place & { kind: 'unchanged'; id: number; posting: PostingRecord });

export type JobImportCounts = { new: number; changed: number; unchanged: number; invalid: number };
export type JobImportPlan = { format: PostingFormat | null; postings: PlannedPosting[]; problems: PostingProblem[]; counts: JobImportCounts };

/** What a re-import replaces: everything the posting says (its placement is decided apart). */
const contentColumns = [
  'title', 'employer', 'locations', 'stateCodes', 'remote', 'postedOn', 'closesAt', 'payMin', 'payMax', 'payPeriod', 'annualPayMin', 'annualPayMax', 'annualPayMid',
  'employmentType', 'educationAsked', 'description', 'qualifications', 'applyUrl', 'contentHash',
] as const satisfies readonly (keyof typeof jobPostings.$inferInsert)[];

const bundledPostingsDirectory = path.join(process.cwd(), 'db/data/job-postings');

/** Past this many changed postings the tags name the list ('jobs') and not each posting. */
const MAX_POSTING_TAGS = 100;
const BATCH = 1000;

function batches<T>(items: T[], size = BATCH) {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));
}

type Existing = { id: number; contentHash: string; roleId: number | null };
const keyOf = (source: string, sourceId: string) => `${source}\u0000${sourceId}`;

/** The stored postings with these (source, source_id) pairs, by pair. */
async function loadExisting(db: Queryable, postings: PostingRecord[]) {
  const found = new Map<string, Existing>();
  for (const batch of batches(postings, 5000)) {
    const rows = await db.execute<{ id: string; source: string; source_id: string; content_hash: string; role_id: number | null }>(sql`
      select p.id, p.source, p.source_id, p.content_hash, p.role_id from ${jobPostings} p
      join unnest(${sql.param(batch.map((posting) => posting.source))}::text[], ${sql.param(batch.map((posting) => posting.sourceId))}::text[]) as given(source, source_id)
        using (source, source_id)`);
    for (const row of rows) found.set(keyOf(row.source, row.source_id), { id: Number(row.id), contentHash: row.content_hash, roleId: row.role_id });
  }
  return found;
}

/** What importing this file would do, as the database is now. */
export async function planJobImport(db: Queryable, file: PostingFile): Promise<JobImportPlan> {
  const existing = await loadExisting(db, file.rows.map((row) => row.posting));
  const postings: PlannedPosting[] = file.rows.map(({ line, record, posting }) => {
    const place = { ...(line !== undefined ? { line } : {}), record };
    const contentHash = postingContentHash(posting);
    const stored = existing.get(keyOf(posting.source, posting.sourceId));
    if (!stored) return { ...place, kind: 'new', posting, contentHash };
    return stored.contentHash === contentHash ? { ...place, kind: 'unchanged', id: stored.id, posting } : { ...place, kind: 'changed', id: stored.id, posting, contentHash };
  });
  const count = (kind: PlannedPosting['kind']) => postings.filter((posting) => posting.kind === kind).length;
  const invalidPlaces = new Set(file.problems.map((problem) => `${problem.line ?? ''}:${problem.record ?? ''}`));
  return { format: file.format, postings, problems: file.problems, counts: { new: count('new'), changed: count('changed'), unchanged: count('unchanged'), invalid: invalidPlaces.size } };
}

/** A fingerprint of what a plan would write: an apply can insist on the plan an editor previewed. */
export function jobPlanDigest(plan: JobImportPlan) {
  const writes = plan.postings.flatMap((planned) => (planned.kind === 'unchanged' ? [] : [[planned.kind, planned.posting.source, planned.posting.sourceId, planned.contentHash]]));
  return createHash('sha256').update(JSON.stringify({ writes, problems: plan.problems })).digest('base64url');
}

export type JobImportResult =
  | { status: 'applied'; plan: JobImportPlan; counts: { new: number; changed: number; unchanged: number; placed: number; unplaced: number }; tags: string[] }
  | { status: 'nothing-to-apply'; plan: JobImportPlan }
  | { status: 'invalid'; plan: JobImportPlan }
  | { status: 'stale'; plan: JobImportPlan };

export type JobImportOptions = {
  actorId: number | null;
  /** What the audit entry names the run by: the upload's id, or 'command-line'. */
  runId: string;
  fileName: string;
  expectedPlanDigest?: string;
};

type Placement = { roleId: number | null; placement: 'classifier' | 'unplaced'; score: number | null; evidence: string };

/**
 * Where each title goes: the file's own SOC code when a role has it, else the classifier's answer
 * (asked once per title, in its own thread: lib/jobs/title-classifier-thread.ts).
 */
function placer(roleIdOfSocCode: Map<string, number>) {
  const byTitle = new Map<string, Placement>();
  return async (postings: PostingRecord[]): Promise<Placement[]> => {
    const given = (posting: PostingRecord) => (posting.socCode ? roleIdOfSocCode.get(posting.socCode) : undefined);
    const toClassify = [...new Set(postings.filter((posting) => given(posting) === undefined && !byTitle.has(posting.title)).map((posting) => posting.title))];
    const answers = await classifyTitles(toClassify);
    toClassify.forEach((title, index) => {
      const answer = answers[index]!;
      const roleId = answer.placed && answer.socCode ? roleIdOfSocCode.get(answer.socCode) : undefined;
      byTitle.set(
        title,
        roleId !== undefined
          ? { roleId, placement: 'classifier', score: Math.min(Math.max(answer.score, 0), 1), evidence: answer.evidence }
          : // Unplaced, with the classifier's best guess and its confidence, for the editor who places it.
            { roleId: null, placement: 'unplaced', score: answer.socCode ? Math.min(Math.max(answer.score, 0), 1) : null, evidence: answer.evidence },
      );
    });
    return postings.map((posting): Placement => {
      const roleId = given(posting);
      return roleId !== undefined ? { roleId, placement: 'classifier', score: 1, evidence: 'given by the publisher' } : byTitle.get(posting.title)!;
    });
  };
}

/**
 * The latest posting date of each source (a few index probes: migration 0022): when it moves,
 * every role's "recent" window of that source moves.
 */
async function latestPostingDates(tx: Transaction) {
  const rows = await tx.execute<{ source: string; latest: string }>(sql`select source, latest::text as latest from roleboard_posting_source_ends()`);
  return new Map(rows.map((row) => [row.source, row.latest]));
}

/**
 * Applies the file in the caller's transaction (see the top of this file). Plans again inside it,
 * so what is applied is what the transaction sees; with expectedPlanDigest, a plan that differs
 * from the previewed one is not applied ('stale').
 */
export async function applyJobImportIn(tx: Transaction, file: PostingFile, options: JobImportOptions): Promise<JobImportResult> {
  const plan = await planJobImport(tx, file);
  if (options.expectedPlanDigest !== undefined && jobPlanDigest(plan) !== options.expectedPlanDigest) return { status: 'stale', plan };
  if (plan.problems.length > 0 || plan.format === null) return { status: 'invalid', plan };
  const toWrite = plan.postings.filter((planned): planned is Exclude<PlannedPosting, { kind: 'unchanged' }> => planned.kind !== 'unchanged');
  if (toWrite.length === 0) return { status: 'nothing-to-apply', plan };

  const roleRows = await tx.select({ id: roles.id, slug: roles.slug, socCode: roles.socCode }).from(roles).where(sql`${roles.socCode} is not null`);
  const place = placer(new Map(roleRows.map((role) => [role.socCode!, role.id])));
  const latestBefore = await latestPostingDates(tx);
  const oldRoleIds = await previousRoleIds(tx, toWrite.flatMap((planned) => (planned.kind === 'changed' ? [planned.id] : [])));

  const affectedRoleIds = new Set<number>(oldRoleIds);
  let placed = 0;
  for (const batch of batches(toWrite)) {
    const placements = await place(batch.map(({ posting }) => posting));
    const values = batch.map(({ posting, contentHash }, index) => {
      const placement = placements[index]!;
      if (placement.roleId !== null) placed++;
      return { posting, contentHash, placement, pay: annualisePay(posting) };
    });
    // Every column goes as text[] (the driver types an array by its first element, and has no
    // boolean or numeric arrays); the select casts each back.
    const column = (valueOf: (value: (typeof values)[number]) => string | number | boolean | null) =>
      sql.param(values.map((value) => {
        const cell = valueOf(value);
        return cell === null ? null : String(cell);
      }));
    // One statement a batch, its columns as arrays (unnest): 25 parameters instead of 25,000, which
    // PostgreSQL and the driver handle many times faster than a VALUES list of that size.
    const rows = await tx.execute<{ id: string; role_id: number | null }>(sql`
      insert into ${jobPostings} (source, source_id, title, employer, locations, state_codes, remote, posted_on, closes_at, pay_min, pay_max, pay_period,
        annual_pay_min, annual_pay_max, annual_pay_mid, employment_type, education_asked, description, qualifications, apply_url,
        role_id, placement, placement_score, placement_evidence, content_hash)
      select source, source_id, title, employer, locations::jsonb, string_to_array(state_codes, ','), remote::boolean, posted_on::date, closes_at::timestamptz,
        pay_min::numeric, pay_max::numeric, pay_period::pay_period, annual_pay_min::integer, annual_pay_max::integer, annual_pay_mid::integer,
        employment_type::employment_type, education_asked::education_asked, description, qualifications, apply_url,
        role_id::integer, placement::posting_placement, placement_score::real, placement_evidence, content_hash
      from unnest(
        ${column((value) => value.posting.source)}::text[], ${column((value) => value.posting.sourceId)}::text[], ${column((value) => value.posting.title)}::text[],
        ${column((value) => value.posting.employer)}::text[], ${column((value) => JSON.stringify(value.posting.locations))}::text[],
        ${column((value) => stateCodesOf(value.posting).join(','))}::text[], ${column((value) => value.posting.remote)}::text[],
        ${column((value) => value.posting.postedOn)}::text[], ${column((value) => value.posting.closesAt)}::text[],
        ${column((value) => value.posting.payMin)}::text[], ${column((value) => value.posting.payMax)}::text[], ${column((value) => value.posting.payPeriod)}::text[],
        ${column((value) => value.pay.annualPayMin)}::text[], ${column((value) => value.pay.annualPayMax)}::text[], ${column((value) => value.pay.annualPayMid)}::text[],
        ${column((value) => value.posting.employmentType)}::text[], ${column((value) => value.posting.educationAsked)}::text[],
        ${column((value) => value.posting.description)}::text[], ${column((value) => value.posting.qualifications)}::text[], ${column((value) => value.posting.applyUrl)}::text[],
        ${column((value) => value.placement.roleId)}::text[], ${column((value) => value.placement.placement)}::text[], ${column((value) => value.placement.score)}::text[],
        ${column((value) => value.placement.evidence)}::text[], ${column((value) => value.contentHash)}::text[]
      ) as given(source, source_id, title, employer, locations, state_codes, remote, posted_on, closes_at, pay_min, pay_max, pay_period,
        annual_pay_min, annual_pay_max, annual_pay_mid, employment_type, education_asked, description, qualifications, apply_url,
        role_id, placement, placement_score, placement_evidence, content_hash)
      on conflict (source, source_id) do update set
        ${sql.raw(contentColumns.map((key) => `${jobPostings[key].name} = excluded.${jobPostings[key].name}`).join(', '))},
        -- An editor's placement sticks: a re-import changes what the posting says, never where an editor put it.
        ${sql.raw(
          (['roleId', 'placement', 'placementScore', 'placementEvidence'] as const)
            .map((key) => jobPostings[key].name)
            .map((name) => `${name} = case when job_postings.placement = 'editor' then job_postings.${name} else excluded.${name} end`)
            .join(', '),
        )},
        updated_at = now()
      returning id, role_id`);
    for (const row of rows) if (row.role_id !== null) affectedRoleIds.add(row.role_id);
  }

  // A source whose latest date moved changes the "recent" window of every role with its postings.
  const latestAfter = await latestPostingDates(tx);
  const movedSources = [...latestAfter].filter(([source, latest]) => latestBefore.get(source) !== latest).map(([source]) => source);
  if (movedSources.length > 0) {
    const rows = await tx.selectDistinct({ roleId: jobPostings.roleId }).from(jobPostings).where(sql`${jobPostings.source} = any(${sql.param(movedSources)}::text[]) and ${jobPostings.roleId} is not null`);
    for (const row of rows) affectedRoleIds.add(row.roleId!);
  }
  const affected = [...affectedRoleIds];
  if (affected.length > 0) await tx.execute(sql`select roleboard_refresh_posting_figures(${sql.param(affected)}::integer[])`);

  const counts = { new: plan.counts.new, changed: plan.counts.changed, unchanged: plan.counts.unchanged, placed, unplaced: toWrite.length - placed };
  await recordAudit(tx, {
    actorId: options.actorId,
    action: 'jobs.import',
    entityType: 'job-import',
    entityId: options.runId,
    before: null,
    after: { fileName: options.fileName, format: plan.format, ...counts },
  });
  const slugs = roleRows.filter((role) => affectedRoleIds.has(role.id)).map((role) => role.slug);
  const changedIds = toWrite.flatMap((planned) => (planned.kind === 'changed' ? [planned.id] : []));
  const tags = [cacheTags.jobs, ...(changedIds.length <= MAX_POSTING_TAGS ? changedIds.map(cacheTags.job) : []), ...slugs.map(cacheTags.role)];
  return { status: 'applied', plan, counts, tags };
}

/** The roles these postings are in now, before the import moves them. */
async function previousRoleIds(tx: Transaction, ids: number[]) {
  const found: number[] = [];
  for (const batch of batches(ids, 5000)) {
    const rows = await tx.selectDistinct({ roleId: jobPostings.roleId }).from(jobPostings).where(inArray(jobPostings.id, batch));
    for (const row of rows) if (row.roleId !== null) found.push(row.roleId);
  }
  return found;
}

/** Applies the file in a transaction of its own (see applyJobImportIn). */
export function applyJobImport(db: Database, file: PostingFile, options: JobImportOptions) {
  return db.transaction((tx) => applyJobImportIn(tx, file, options));
}

/** The real sets every first start loads (db/data/job-postings/PROVENANCE.md). */
export const bundledPostingFiles = ['usajobs_data_it_postings_2025-06_2026-05.csv.gz', 'nyc_jobs_postings_2024-03-04.csv.gz'] as const;

export type BundledPostingsResult = { seconds: number; new: number; changed: number; unchanged: number; placed: number; tags: string[] };

/**
 * Imports both real sets, each in its own transaction, as a command-line import (no actor).
 * Idempotent: a set already there writes nothing. A set that no longer reads cleanly is a bug in
 * this code, not in the data, and throws.
 */
export async function importBundledPostings(db: Database): Promise<BundledPostingsResult> {
  const started = performance.now();
  const total: BundledPostingsResult = { seconds: 0, new: 0, changed: 0, unchanged: 0, placed: 0, tags: [] };
  for (const fileName of bundledPostingFiles) {
    const file = readPostingFile(readFileSync(path.join(bundledPostingsDirectory, fileName)), POSTING_FILE_LIMITS.commandLine);
    const result = await applyJobImport(db, file, { actorId: null, runId: 'first-start', fileName });
    if (result.status === 'invalid' || result.status === 'stale') {
      throw new Error(`${fileName} cannot be imported: ${result.plan.problems.slice(0, 3).map(describePostingProblem).join('; ')}`);
    }
    if (result.status === 'nothing-to-apply') {
      total.unchanged += result.plan.counts.unchanged;
      continue;
    }
    total.new += result.counts.new;
    total.changed += result.counts.changed;
    total.unchanged += result.counts.unchanged;
    total.placed += result.counts.placed;
    total.tags.push(...result.tags);
  }
  total.seconds = (performance.now() - started) / 1000;
  total.tags = [...new Set(total.tags)];
  return total;
}

/** The one line a start or a seed prints about the real sets. */
export function describeBundledPostings(result: BundledPostingsResult) {
  const count = (value: number) => value.toLocaleString('en-US');
  return (
    `Loaded the real job postings (USAJOBS and NYC Jobs) in ${result.seconds.toFixed(1)} s: ${count(result.new)} new, ${count(result.changed)} changed, ` +
    `${count(result.unchanged)} unchanged; ${count(result.placed)} placed in an occupation by the title classifier.`
  );
}

/** Whether any posting is stored: a database without any gets the real sets on start. */
export async function hasJobPostings(db: Queryable) {
  const [row] = await db.select({ id: jobPostings.id }).from(jobPostings).limit(1);
  return row !== undefined;
}
