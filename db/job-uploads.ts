// /admin/jobs/import's side of the job postings import (db/job-import.ts): an uploaded file is kept
// (job_uploads), previewed (planned afresh on each view: a 5 MB file plans in a second or two), and
// applied once, only while its plan is still the one the preview showed (its digest). Every
// function checks the session itself; the importing editor is the actor of the audit entry.
import 'server-only';
import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import { requireUser, requireUserToChange } from './access';
import { database } from './client';
import { applyJobImportIn, jobPlanDigest, planJobImport, type JobImportCounts, type PlannedPosting } from './job-import';
import { jobUploads, users, type JobUploadOutcome } from './schema';
import { POSTING_FILE_LIMITS, readPostingFile, type PostingFormat } from '@/lib/jobs/posting-file';
import type { PostingProblem } from '@/lib/jobs/posting-record';
import { keptFileName, newUploadId, uploadIdSchema, type SaveUploadResult } from '@/lib/uploads';

const KEEP_UNAPPLIED_DAYS = 7;
/** How many problems and sample postings a preview shows. */
const PREVIEW_PROBLEMS = 200;
const PREVIEW_SAMPLE = 20;


export type JobUploadPreview = {
  id: string;
  fileName: string;
  uploadedBy: string;
  uploadedAt: string;
  applied: { at: string; outcome: JobUploadOutcome } | null;
  format: PostingFormat | null;
  counts: JobImportCounts;
  problems: PostingProblem[];
  /** The first new and changed postings, as the file gives them. */
  sample: { kind: 'new' | 'changed'; place: string; title: string; employer: string; source: string; sourceId: string }[];
  /** The plan's fingerprint: the apply form sends it back, and a different plan is not applied. */
  digest: string;
};

export async function saveJobUpload(claims: unknown, file: { name: string; bytes: Uint8Array }): Promise<SaveUploadResult> {
  const actor = await requireUserToChange(claims);
  const { maxBytes } = POSTING_FILE_LIMITS.upload;
  if (file.bytes.length === 0) return { status: 'empty' };
  if (file.bytes.length > maxBytes) return { status: 'too-large', byteSize: file.bytes.length };
  const id = newUploadId();
  const fileName = keptFileName(file.name, 'postings');
  await database().transaction(async (tx) => {
    await tx.delete(jobUploads).where(and(isNull(jobUploads.appliedAt), lt(jobUploads.uploadedAt, sql`now() - make_interval(days => ${KEEP_UNAPPLIED_DAYS})`)));
    await tx.insert(jobUploads).values({ id, uploadedBy: actor.id, fileName, content: Buffer.from(file.bytes) });
  });
  return { status: 'saved', id };
}

const placeOf = (planned: PlannedPosting) => (planned.line !== undefined ? `line ${planned.line}` : `record ${planned.record}`);

/** The upload and what applying it would do now; null when there is no such upload. */
export async function getJobUploadPreview(claims: unknown, id: string): Promise<JobUploadPreview | null> {
  await requireUser(claims);
  if (!uploadIdSchema.safeParse(id).success) return null;
  const [upload] = await database()
    .select({ id: jobUploads.id, fileName: jobUploads.fileName, content: jobUploads.content, uploadedBy: users.name, uploadedAt: jobUploads.uploadedAt, appliedAt: jobUploads.appliedAt, outcome: jobUploads.outcome })
    .from(jobUploads)
    .innerJoin(users, eq(users.id, jobUploads.uploadedBy))
    .where(eq(jobUploads.id, id));
  if (!upload) return null;
  const file = readPostingFile(upload.content, POSTING_FILE_LIMITS.upload);
  const plan = await planJobImport(database(), file);
  return {
    id: upload.id,
    fileName: upload.fileName,
    uploadedBy: upload.uploadedBy,
    uploadedAt: upload.uploadedAt.toISOString(),
    applied: upload.appliedAt && upload.outcome ? { at: upload.appliedAt.toISOString(), outcome: upload.outcome } : null,
    format: plan.format,
    counts: plan.counts,
    problems: plan.problems.slice(0, PREVIEW_PROBLEMS),
    sample: plan.postings
      .filter((planned) => planned.kind !== 'unchanged')
      .slice(0, PREVIEW_SAMPLE)
      .map((planned) => ({
        kind: planned.kind as 'new' | 'changed',
        place: placeOf(planned),
        title: planned.posting.title,
        employer: planned.posting.employer,
        source: planned.posting.source,
        sourceId: planned.posting.sourceId,
      })),
    digest: jobPlanDigest(plan),
  };
}

/** The latest uploads, newest first. */
export async function listJobUploads(claims: unknown, limit = 10) {
  await requireUser(claims);
  const rows = await database()
    .select({ id: jobUploads.id, fileName: jobUploads.fileName, uploadedAt: jobUploads.uploadedAt, appliedAt: jobUploads.appliedAt })
    .from(jobUploads)
    .orderBy(desc(jobUploads.uploadedAt))
    .limit(limit);
  return rows.map((row) => ({ id: row.id, fileName: row.fileName, uploadedAt: row.uploadedAt.toISOString(), applied: row.appliedAt !== null }));
}

export type ApplyJobUploadResult =
  | { status: 'applied'; outcome: JobUploadOutcome; tags: string[] }
  | { status: 'not-found' | 'already-applied' | 'invalid' | 'nothing-to-apply' | 'stale' };

/**
 * Applies an upload exactly as previewed, in one transaction under the upload's row lock (a double
 * click applies it once), only if its plan still has the digest the preview showed.
 */
export async function applyJobUpload(claims: unknown, { id, expectedPlanDigest }: { id: string; expectedPlanDigest: string }): Promise<ApplyJobUploadResult> {
  const actor = await requireUserToChange(claims);
  if (!uploadIdSchema.safeParse(id).success) return { status: 'not-found' };
  return database().transaction(async (tx) => {
    const [upload] = await tx.select().from(jobUploads).where(eq(jobUploads.id, id)).for('no key update');
    if (!upload) return { status: 'not-found' };
    if (upload.appliedAt) return { status: 'already-applied' };
    const file = readPostingFile(upload.content, POSTING_FILE_LIMITS.upload);
    const result = await applyJobImportIn(tx, file, { actorId: actor.id, runId: id, fileName: upload.fileName, expectedPlanDigest });
    if (result.status !== 'applied') return { status: result.status };
    await tx.update(jobUploads).set({ appliedBy: actor.id, appliedAt: sql`now()`, outcome: result.counts }).where(eq(jobUploads.id, id));
    return { status: 'applied', outcome: result.counts, tags: result.tags };
  });
}
