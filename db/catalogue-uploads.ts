// /admin/import's side of the catalogue import (db/catalogue-import.ts): an uploaded file is kept,
// previewed as often as the editor likes (planned once, and again only when something the plan
// read has changed), and applied once, by the preview's plan only. Every function checks the
// session itself; the importing editor is the actor of every change.
import 'server-only';
import { and, desc, eq, inArray, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { requireUser, requireUserToChange } from './access';
import { applyCatalogueImportIn, changedRoleIds, checkImportRows, planCheckedRows, planDigest, planStateFingerprint, type ImportCounts, type ImportPlan } from './catalogue-import';
import { appliesNothing, placeOf, type RowLabel } from './catalogue-import-preview';
import { database } from './client';
import { postgresErrorOf } from './role-writes';
import { catalogueUploadPlans, catalogueUploads, users, type CatalogueUploadOutcome } from './schema';
import { CATALOGUE_FILE_LIMITS, readCatalogueFile } from '@/lib/catalogue-file';
import { keptFileName, newUploadId, uploadIdSchema, type SaveUploadResult } from '@/lib/uploads';

/** Uploads nobody applied are deleted after this long. */
const KEEP_UNAPPLIED_DAYS = 7;

const FOREIGN_KEY_VIOLATION = '23503';

export type CatalogueUploadSummary = {
  id: string;
  fileName: string;
  byteSize: number;
  uploadedBy: string;
  uploadedAt: string;
  applied: { by: string | null; at: string; outcome: CatalogueUploadOutcome } | null;
};

export type CatalogueUploadPreview = CatalogueUploadSummary & {
  /** What applying would do now; null once the upload is applied. */
  plan: ImportPlan | null;
  /** The plan's fingerprint: the apply form sends it back, and a different plan is not applied. */
  digest: string | null;
  /** The slug and title of each row with problems, by its place (line), as the file has them. */
  invalidRowLabels: Map<number, RowLabel>;
};

/** Keeps a file for preview. Only its size is checked here; what is wrong inside it, the preview shows. */
export async function saveCatalogueUpload(claims: unknown, file: { name: string; bytes: Uint8Array }): Promise<SaveUploadResult> {
  const actor = await requireUserToChange(claims);
  if (file.bytes.length === 0) return { status: 'empty' };
  if (file.bytes.length > CATALOGUE_FILE_LIMITS.maxBytes) return { status: 'too-large', byteSize: file.bytes.length };
  const id = newUploadId();
  const fileName = keptFileName(file.name, 'catalogue.csv');
  await database().transaction(async (tx) => {
    await tx.delete(catalogueUploads).where(and(isNull(catalogueUploads.appliedAt), lt(catalogueUploads.uploadedAt, sql`now() - make_interval(days => ${KEEP_UNAPPLIED_DAYS})`)));
    // A preview planned while its upload was being applied is stored after the apply removed it.
    await tx.delete(catalogueUploadPlans).where(inArray(catalogueUploadPlans.uploadId, tx.select({ id: catalogueUploads.id }).from(catalogueUploads).where(isNotNull(catalogueUploads.appliedAt))));
    await tx.insert(catalogueUploads).values({ id, uploadedBy: actor.id, fileName, content: Buffer.from(file.bytes) });
  });
  return { status: 'saved', id };
}

const appliers = alias(users, 'appliers');

/** An upload with who uploaded and applied it; `extra` names the columns a caller needs besides. */
function selectUploads<Extra extends Record<string, SQL | AnyPgColumn>>(extra: Extra) {
  return database()
    .select({
      id: catalogueUploads.id,
      fileName: catalogueUploads.fileName,
      uploadedBy: users.name,
      uploadedAt: catalogueUploads.uploadedAt,
      appliedBy: appliers.name,
      appliedAt: catalogueUploads.appliedAt,
      outcome: catalogueUploads.outcome,
      ...extra,
    })
    .from(catalogueUploads)
    .innerJoin(users, eq(users.id, catalogueUploads.uploadedBy))
    .leftJoin(appliers, eq(appliers.id, catalogueUploads.appliedBy));
}

type UploadRow = {
  id: string;
  fileName: string;
  uploadedBy: string;
  uploadedAt: Date;
  appliedBy: string | null;
  appliedAt: Date | null;
  outcome: CatalogueUploadOutcome | null;
};

function toSummary(row: UploadRow, byteSize: number): CatalogueUploadSummary {
  return {
    id: row.id,
    fileName: row.fileName,
    byteSize,
    uploadedBy: row.uploadedBy,
    uploadedAt: row.uploadedAt.toISOString(),
    applied: row.appliedAt && row.outcome ? { by: row.appliedBy, at: row.appliedAt.toISOString(), outcome: row.outcome } : null,
  };
}

/**
 * Change when a stored preview's shape (ImportPlan, the labels) or the rules that plan it change:
 * previews stored by other code are then planned again, not read as this code's.
 */
const STORED_PREVIEW_FORMAT = 2;

type StoredPreview = { plan: ImportPlan; invalidRowLabels: [number, RowLabel][] };
type PlannedPreview = Pick<CatalogueUploadPreview, 'plan' | 'digest' | 'invalidRowLabels'>;

/**
 * The upload and what applying it would do, as the database is now; null when there is no such
 * upload. The first view plans the file and stores the preview with a fingerprint of what the plan
 * read (db/catalogue-import.ts, planStateFingerprint); later views compare fingerprints in the
 * database and reuse the stored preview while they are equal, without reading the file.
 */
export async function getCatalogueUploadPreview(claims: unknown, id: string): Promise<CatalogueUploadPreview | null> {
  await requireUser(claims);
  if (!uploadIdSchema.safeParse(id).success) return null;
  const stored = catalogueUploadPlans;
  const fingerprintNow = planStateFingerprint({ slugs: sql`${stored.slugs}`, socCodes: sql`${stored.socCodes}`, changedRoleIds: sql`${stored.changedRoleIds}` });
  const unchanged = sql`${stored.format} = ${STORED_PREVIEW_FORMAT} and ${stored.fingerprint} = ${fingerprintNow}`;
  const [upload] = await selectUploads({
    byteSize: sql<number>`octet_length(${catalogueUploads.content})`.mapWith(Number),
    storedPreview: sql<StoredPreview | null>`case when ${catalogueUploads.appliedAt} is null and ${unchanged} then ${stored.preview} end`.mapWith(stored.preview),
    storedDigest: stored.digest,
  })
    .leftJoin(stored, eq(stored.uploadId, catalogueUploads.id))
    .where(eq(catalogueUploads.id, id));
  if (!upload) return null;
  const summary = toSummary(upload, upload.byteSize);
  if (summary.applied) return { ...summary, plan: null, digest: null, invalidRowLabels: new Map() };
  if (upload.storedPreview && upload.storedDigest) {
    const { plan, invalidRowLabels } = upload.storedPreview as StoredPreview;
    return { ...summary, plan, digest: upload.storedDigest, invalidRowLabels: new Map(invalidRowLabels) };
  }
  const planned = await planPreview(id);
  return planned && { ...summary, ...planned };
}

/** Plans an upload's preview as the database is now, and stores it with the fingerprint of what it read. */
async function planPreview(id: string): Promise<PlannedPreview | null> {
  const [upload] = await database().select({ content: catalogueUploads.content }).from(catalogueUploads).where(eq(catalogueUploads.id, id));
  if (!upload) return null;
  const file = readCatalogueFile(upload.content);
  const checked = checkImportRows(file);
  const { slugs, socCodes } = checked.keys;
  // The plan's reads and the fingerprint of what they found in one snapshot: a change committed
  // meanwhile is in both or in neither, so the fingerprint is of exactly what the plan saw.
  const { plan, changed, fingerprint } = await database().transaction(
    async (tx) => {
      const plan = await planCheckedRows(tx, checked);
      const changed = changedRoleIds(plan);
      const [row] = await tx.execute<{ fingerprint: string }>(
        sql`select ${planStateFingerprint({
          slugs: sql`${sql.param(slugs, catalogueUploadPlans.slugs)}::text[]`,
          socCodes: sql`${sql.param(socCodes, catalogueUploadPlans.socCodes)}::text[]`,
          changedRoleIds: sql`${sql.param(changed, catalogueUploadPlans.changedRoleIds)}::integer[]`,
        })} as fingerprint`,
      );
      return { plan, changed, fingerprint: row!.fingerprint };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  const invalidPlaces = new Set(plan.problems.map(placeOf));
  const invalidRowLabels = new Map<number, RowLabel>();
  file.rows.forEach((row, index) => {
    const place = placeOf({ line: row.line, record: index + 1 });
    if (invalidPlaces.has(place)) invalidRowLabels.set(place, { slug: row.record.slug || row.record.soc_code || '', title: row.record.title ?? '' });
  });
  const digest = planDigest(plan);
  const preview: StoredPreview = { plan, invalidRowLabels: [...invalidRowLabels] };
  const values = { format: STORED_PREVIEW_FORMAT, slugs, socCodes, changedRoleIds: changed, fingerprint, preview, digest, plannedAt: sql`now()` };
  try {
    await database()
      .insert(catalogueUploadPlans)
      .values({ uploadId: id, ...values })
      .onConflictDoUpdate({ target: catalogueUploadPlans.uploadId, set: values });
  } catch (error) {
    // The upload expired a moment ago: this preview is still right, there is just nothing to keep it for.
    if (postgresErrorOf(error)?.code !== FOREIGN_KEY_VIOLATION) throw error;
  }
  return { plan, digest, invalidRowLabels };
}

/** The latest uploads, newest first, for the import page. */
export async function listCatalogueUploads(claims: unknown, limit = 10): Promise<CatalogueUploadSummary[]> {
  await requireUser(claims);
  // The size only: the files themselves stay in the database.
  const rows = await selectUploads({ byteSize: sql<number>`octet_length(${catalogueUploads.content})`.mapWith(Number) })
    .orderBy(desc(catalogueUploads.uploadedAt))
    .limit(limit);
  return rows.map((row) => toSummary(row, row.byteSize));
}

export type ApplyUploadResult =
  | { status: 'applied'; outcome: CatalogueUploadOutcome; tags: string[] }
  | { status: 'not-found' }
  | { status: 'already-applied' }
  | { status: 'invalid' }
  /** Applying would write nothing (every row unchanged, or left alone as edited): refused; the counts say why. */
  | { status: 'nothing-to-apply'; counts: ImportCounts }
  /** The database changed since the preview: the editor should look at the new one. */
  | { status: 'stale' };

/**
 * Applies an upload exactly as previewed: in one transaction, under the upload's row lock (so a
 * double click applies it once), and only if the plan is still the one with `expectedPlanDigest`,
 * planned afresh (a stored preview is only for showing). The lock is `for no key update`, which
 * excludes a second apply just as `for update` would, but lets a preview store its plan (the
 * foreign key's `for key share`) instead of waiting for the whole import.
 */
export async function applyCatalogueUpload(
  claims: unknown,
  { id, overwriteEdited, expectedPlanDigest }: { id: string; overwriteEdited: boolean; expectedPlanDigest: string },
): Promise<ApplyUploadResult> {
  const actor = await requireUserToChange(claims);
  if (!uploadIdSchema.safeParse(id).success) return { status: 'not-found' };
  return database().transaction(async (tx) => {
    const [upload] = await tx.select().from(catalogueUploads).where(eq(catalogueUploads.id, id)).for('no key update');
    if (!upload) return { status: 'not-found' };
    if (upload.appliedAt) return { status: 'already-applied' };
    const result = await applyCatalogueImportIn(tx, readCatalogueFile(upload.content), { actorId: actor.id, overwriteEdited, expectedPlanDigest });
    if (result.status !== 'applied') {
      // The preview shown is not what applying finds: the next view plans afresh, even should the
      // stored one's fingerprint still match (planned by code whose rules have changed since).
      await tx.delete(catalogueUploadPlans).where(eq(catalogueUploadPlans.uploadId, id));
      return { status: result.status };
    }
    // Nothing was written: the upload stays unapplied, so a tick of "Overwrite edited roles" can still apply it.
    if (appliesNothing(result.plan, overwriteEdited)) return { status: 'nothing-to-apply', counts: result.plan.counts };
    const outcome: CatalogueUploadOutcome = {
      created: result.created.length,
      updated: result.updated.length,
      leftAlone: result.leftAlone.length,
      unchanged: result.unchanged,
      overwriteEdited,
    };
    await tx.update(catalogueUploads).set({ appliedBy: actor.id, appliedAt: sql`now()`, outcome }).where(eq(catalogueUploads.id, id));
    await tx.delete(catalogueUploadPlans).where(eq(catalogueUploadPlans.uploadId, id));
    return { status: 'applied', outcome, tags: result.tags };
  });
}
