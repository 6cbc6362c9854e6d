// The catalogue import, whichever door it comes through (the default U.S. catalogue, `npm run
// data:import`, /admin/import): rows in the catalogue format → a plan of what would change,
// checked against the database → applied in one transaction. Roles are matched by slug (by SOC
// code in a file without slugs). An import creates and updates roles (never their status, never
// categories, never roles it was not given); a file with only some columns (a partial file)
// changes only those fields and cannot create roles. A row that would change a field an editor set
// by hand is left alone unless the import is told to overwrite edited roles (see handEditedFields).
// Re-importing the same rows writes nothing at all.
//
// Not server-only, and it checks no session: scripts call it with their own connection and a null
// actor; the app calls it through db/catalogue-uploads.ts, which checks the user first.
import { createHash } from 'node:crypto';
import { getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import { recordAudits, type AuditEntry, type Transaction } from './audit-writes';
import type { Database } from './connection';
import { contentFromRow, statsFromColumns } from './role-columns';
import { bumpVersion, bumpVersions, changedFields, insertRoles, isEmpty, lastEditOf, roleCacheTags, toLastEdit, writeStats, type LastEdit } from './role-writes';
import { auditLog, categories, roles, roleStats } from './schema';
import type { CatalogueProblem, CatalogueRow } from '@/lib/catalogue-file';
import { catalogueColumns, fieldsGivenBy, informationalColumns, toCatalogueRecord, type CatalogueColumn } from '@/lib/catalogue-csv';
import { isCompleteFile, newRoleColumns } from '@/lib/catalogue-file';
import { byPlace, keyCatalogueRows, validateCatalogueRecord, validateCatalogueRows, type CatalogueRole, type KeyedRow } from '@/lib/catalogue-rows';
import { roleContentKeys, roleStatsKeys, type EditedFigures, type RoleContentInput, type RoleValues } from '@/lib/role-schemas';

type Queryable = Database | Transaction;

/** Only the fields that differ, in the role schemas' shape (content and stats fields side by side). */
export type FieldChanges = { before: Record<string, unknown>; after: Record<string, unknown> };

type PlannedBase = { line?: number; record: number; slug: string; title: string };

export type PlannedRole =
  | (PlannedBase & { kind: 'new'; values: RoleValues })
  | (PlannedBase & {
      kind: 'changed';
      roleId: number;
      values: RoleValues;
      /** What the role is now, for the cache tags of its old category. */
      current: Pick<RoleContentInput, 'slug' | 'categorySlug'>;
      contentChanges: FieldChanges;
      statsChanges: FieldChanges;
      /** The role's last change, when it was not an import (who edited it since). */
      editedSinceImport: LastEdit | null;
      /**
       * The fields this row would change that an editor set by hand (changed since the role's last
       * import, or a figure in editedFigures): when any, the row is left alone unless overwriteEdited.
       */
      handEditedFields: string[];
      /** Fields an editor set by hand that this row leaves as they are. */
      handEditedFieldsKept: string[];
    })
  | (PlannedBase & { kind: 'unchanged'; roleId: number });

export type ImportCounts = {
  new: number;
  /** Changed roles that will be updated (edited ones too when overwriteEdited). */
  changed: number;
  /** Changed roles that an editor changed since their last import, left alone unless overwriteEdited. */
  edited: number;
  unchanged: number;
  /** Rows with at least one problem (a problem with the whole file counts as one). */
  invalid: number;
};

/**
 * db/catalogue-uploads.ts keeps previews' plans as JSON: a change of this shape, or of what a plan
 * says, changes STORED_PREVIEW_FORMAT there.
 */
export type ImportPlan = {
  roles: PlannedRole[];
  problems: CatalogueProblem[];
  counts: ImportCounts;
  overwriteEdited: boolean;
  /** The columns of a partial file, which alone its rows change; null for a file with every column. */
  partialColumns: CatalogueColumn[] | null;
};

export type ImportOptions = { overwriteEdited?: boolean };

/**
 * What to import: rows, and the problems already found in reading them (a file's broken quotes,
 * lib/catalogue-file.ts). Records that come without a file have none.
 */
export type CatalogueInput = { rows: CatalogueRow[]; problems?: CatalogueProblem[]; columns?: readonly CatalogueColumn[] };

/** Both parts' changes as one record, as the audit log and the preview show them. */
export function fieldChangesOf(role: Extract<PlannedRole, { kind: 'changed' }>): FieldChanges {
  return {
    before: { ...role.contentChanges.before, ...role.statsChanges.before },
    after: { ...role.contentChanges.after, ...role.statsChanges.after },
  };
}

/** Whether this row would change fields an editor set by hand, and so is left alone unless overwriteEdited. */
export function isHeldBack(role: PlannedRole) {
  return role.kind === 'changed' && role.handEditedFields.length > 0;
}

/** Whether applying this plan writes this role. */
export function willWrite(role: PlannedRole, overwriteEdited: boolean) {
  return role.kind === 'new' || (role.kind === 'changed' && (!isHeldBack(role) || overwriteEdited));
}

/**
 * A fingerprint of what a plan would do, whatever overwriteEdited says: an apply can insist on
 * the plan an editor reviewed (ApplyOptions.expectedPlanDigest) and refuse a different one.
 */
export function planDigest(plan: ImportPlan) {
  return createHash('sha256').update(JSON.stringify({ roles: plan.roles, problems: plan.problems })).digest('base64url');
}

const CHUNK = 1000;
const WRITE_BATCH = 100;

function chunks<T>(items: T[]) {
  return Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, index) => items.slice(index * CHUNK, (index + 1) * CHUNK));
}

/**
 * The keys of everything a plan reads from the database: the roles with these slugs (archived ones
 * too: an import updates them as well) with their stats, the roles that hold these SOC codes, and
 * every category; then, for the roles it finds changed, their last change. The slugs and SOC codes
 * are the valid rows', so the file alone decides them.
 */
export type PlanKeys = { slugs: string[]; socCodes: string[] };

/**
 * The rows checked without the database: the valid ones, the problems of the others, and the keys
 * to read. A partial file's rows are only keyed here (`partial`): they are checked merged with
 * the role they name.
 */
export type CheckedRows = {
  valid: CatalogueRole[];
  partial: { keyColumn: 'slug' | 'soc_code'; rows: KeyedRow[]; columns: CatalogueColumn[] } | null;
  problems: CatalogueProblem[];
  keys: PlanKeys;
};

type StoredRole = { id: number; values: RoleValues; updatedAt: Date };

/** The columns a plan compares (the role's content), and its id and last write for lastEdit. */
const { searchVector, status, version, createdAt, ...plannedRoleColumns } = getTableColumns(roles);

/** The roles with these slugs (or SOC codes) as stored, with their stats, by slug (or SOC code). */
async function loadRoles(db: Queryable, keys: string[], keyColumn: 'slug' | 'soc_code' = 'slug') {
  const found = new Map<string, StoredRole>();
  const column = keyColumn === 'slug' ? roles.slug : roles.socCode;
  for (const chunk of chunks(keys)) {
    const rows = await db
      .select({ role: plannedRoleColumns, stats: roleStats })
      .from(roles)
      .innerJoin(roleStats, sql`${roleStats.roleId} = ${roles.id}`)
      .where(inArray(column, chunk));
    for (const row of rows) {
      found.set(keyColumn === 'slug' ? row.role.slug : row.role.socCode!, {
        id: row.role.id,
        values: { content: contentFromRow(row.role), stats: statsFromColumns(row.stats) },
        updatedAt: row.role.updatedAt,
      });
    }
  }
  return found;
}

/** Who changed each of these roles last, and how (db/role-writes.ts, lastEditOf). */
async function loadLastEdits(db: Queryable, stored: StoredRole[]) {
  const lastEdits = new Map<number, LastEdit>();
  for (const chunk of chunks(stored)) {
    const rows = await db
      .select({ id: roles.id, lastEdit: lastEditOf(roles.id) })
      .from(roles)
      .where(inArray(roles.id, chunk.map((role) => role.id)));
    const edits = new Map(rows.map((row) => [row.id, row.lastEdit]));
    for (const role of chunk) lastEdits.set(role.id, toLastEdit(edits.get(role.id) ?? null, role.updatedAt));
  }
  return lastEdits;
}

/**
 * The fields editors changed in each of these roles since its last import: the fields of every
 * change after the role's newest import in the audit log that was not an import itself (an edit,
 * a revert, the role's creation in the form). A role never imported counts from its start.
 */
async function loadFieldsEditedSinceImport(db: Queryable, stored: StoredRole[]) {
  const fields = new Map<number, string[]>();
  for (const chunk of chunks(stored)) {
    const ids = chunk.map((role) => String(role.id));
    const rows = await db.execute<{ entity_id: string; fields: string[] }>(sql`
      select ${auditLog.entityId} as entity_id, array_agg(distinct field) as fields
      from ${auditLog}
      cross join lateral jsonb_object_keys(case when jsonb_typeof(${auditLog.after}) = 'object' then ${auditLog.after} else '{}'::jsonb end) as field
      where ${auditLog.entityType} = 'role' and ${auditLog.entityId} = any(${sql.param(ids)}::text[]) and ${auditLog.action} <> 'role.import'
        and not exists (
          select 1 from ${auditLog} as imports
          where imports.entity_type = 'role' and imports.entity_id = ${auditLog.entityId} and imports.action = 'role.import'
            and (imports.created_at, imports.id) > (${auditLog.createdAt}, ${auditLog.id}))
      group by ${auditLog.entityId}`);
    for (const row of rows) fields.set(Number(row.entity_id), row.fields);
  }
  return fields;
}

/** Which role holds each of these SOC codes. */
async function loadSocCodeOwners(db: Queryable, socCodes: string[]) {
  const owners = new Map<string, string>();
  for (const chunk of chunks(socCodes)) {
    const rows = await db.select({ slug: roles.slug, socCode: roles.socCode }).from(roles).where(inArray(roles.socCode, chunk));
    for (const row of rows) owners.set(row.socCode!, row.slug);
  }
  return owners;
}

/** The problems only the database can tell: a category that does not exist, a SOC code another role has. */
function databaseProblems(role: CatalogueRole, found: { categorySlugs: Set<string>; knownCategories: string; socCodeOwners: Map<string, string> }): CatalogueProblem[] {
  const { content } = role.values;
  const place = { ...(role.line !== undefined ? { line: role.line } : {}), record: role.record };
  const problems: CatalogueProblem[] = [];
  if (!found.categorySlugs.has(content.categorySlug)) {
    problems.push({ ...place, column: 'category_slug', message: `There is no category "${content.categorySlug}"; use one of: ${found.knownCategories}.` });
  }
  const owner = content.socCode ? found.socCodeOwners.get(content.socCode) : undefined;
  if (owner !== undefined && owner !== content.slug) {
    problems.push({ ...place, column: 'soc_code', message: `${content.socCode} is already the SOC code of the role ${owner}.` });
  }
  return problems;
}

/** A plan's first step, without the database: which rows are valid roles, and what the others lack. */
export function checkImportRows(input: CatalogueInput): CheckedRows {
  const columns = [...(input.columns ?? catalogueColumns)];
  if (!isCompleteFile(columns)) {
    const keyColumn = columns.includes('slug') ? 'slug' : 'soc_code';
    const { keyed, problems } = keyCatalogueRows(input.rows, keyColumn);
    const keys = keyed.map((row) => row.key);
    // A new SOC code in a file keyed by slug may be another role's: its holder is read too.
    const newSocCodes = columns.includes('soc_code') ? keyed.flatMap((row) => (row.cells.soc_code.trim() ? [row.cells.soc_code.trim()] : [])) : [];
    return {
      valid: [],
      partial: { keyColumn, rows: keyed, columns },
      problems: [...(input.problems ?? []), ...problems],
      keys: keyColumn === 'slug' ? { slugs: keys, socCodes: newSocCodes } : { slugs: [], socCodes: keys },
    };
  }
  const { roles: valid, problems } = validateCatalogueRows(input.rows);
  const keys = {
    slugs: valid.map((role) => role.values.content.slug),
    socCodes: valid.flatMap((role) => (role.values.content.socCode ? [role.values.content.socCode] : [])),
  };
  return { valid, partial: null, problems: [...(input.problems ?? []), ...problems], keys };
}

/**
 * A partial file's row as a whole role: the role as stored, as the cells an export gives, with the
 * file's cells in their place, checked by the same rules as a whole row (a new salary must still
 * fit the stored percentiles). A key no role has is a problem: only a whole row can create a role.
 */
function mergePartialRow(row: KeyedRow, partial: NonNullable<CheckedRows['partial']>, stored: StoredRole | undefined): { role: CatalogueRole } | { problems: CatalogueProblem[] } {
  const place = { ...(row.line !== undefined ? { line: row.line } : {}), record: row.record };
  if (!stored) {
    const missing = newRoleColumns.filter((column) => !partial.columns.includes(column));
    const what = partial.keyColumn === 'slug' ? `the slug "${row.key}"` : `the SOC code ${row.key}`;
    return {
      problems: [
        {
          ...place,
          column: partial.keyColumn,
          message: `No role has ${what}. A file can create a role only with every column; this one lacks ${missing.join(', ')}.`,
        },
      ],
    };
  }
  const record = toCatalogueRecord(stored.values, { categoryName: '', url: '' });
  for (const column of partial.columns) if (!informationalColumns.includes(column)) record[column] = row.cells[column];
  const read = validateCatalogueRecord(record, place);
  return 'problems' in read ? read : { role: { ...place, values: read.values } };
}

/** The figures marked as set by hand, less those the import now writes (their source is the file's). */
function editedFiguresAfter(stored: EditedFigures, written: Record<string, unknown>): EditedFigures {
  return Object.fromEntries(Object.entries(stored).filter(([field]) => !(field in written)));
}

/**
 * A plan's second step: each valid row compared with what the database holds for it. Who changed
 * a role last, and which fields editors set by hand, is read only for the roles found changed,
 * the only ones whose plan says it: a new or unchanged row is the same whoever changed the role.
 */
export async function planCheckedRows(db: Queryable, checked: CheckedRows, { overwriteEdited = false }: ImportOptions = {}): Promise<ImportPlan> {
  const { partial } = checked;
  const [categoryRows, existing, socCodeOwners, partialRoles] = await Promise.all([
    db.select({ slug: categories.slug }).from(categories),
    loadRoles(db, checked.keys.slugs),
    loadSocCodeOwners(db, checked.keys.socCodes),
    partial?.keyColumn === 'soc_code' ? loadRoles(db, checked.keys.socCodes, 'soc_code') : null,
  ]);
  const categorySlugs = new Set(categoryRows.map((category) => category.slug));
  // The same list for every row with an unknown category.
  const found = { categorySlugs, knownCategories: [...categorySlugs].sort().join(', '), socCodeOwners };

  const problems = [...checked.problems];
  // A whole row gives every field a file can; a partial one, its columns' fields. The others (and
  // fields no column has, such as editedFigures) stay as stored.
  const givenFields = fieldsGivenBy(partial?.columns ?? catalogueColumns);
  const rows: { role: CatalogueRole; stored: StoredRole | undefined }[] = checked.valid.map((role) => ({ role, stored: existing.get(role.values.content.slug) }));
  for (const row of partial?.rows ?? []) {
    const stored = (partialRoles ?? existing).get(row.key);
    const merged = mergePartialRow(row, partial!, stored);
    if ('problems' in merged) problems.push(...merged.problems);
    else rows.push({ role: merged.role, stored });
  }

  const planned: PlannedRole[] = [];
  const changedRoles: { planned: Extract<PlannedRole, { kind: 'changed' }>; stored: StoredRole }[] = [];
  for (const { role, stored: current } of rows) {
    const rowProblems = databaseProblems(role, found);
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      continue;
    }
    const base = { ...(role.line !== undefined ? { line: role.line } : {}), record: role.record, slug: role.values.content.slug, title: role.values.content.title };
    if (!current) {
      planned.push({ ...base, kind: 'new', values: role.values });
      continue;
    }
    const keep = <T extends Record<string, unknown>>(stored: T, file: T) =>
      Object.fromEntries(Object.keys(stored).map((field) => [field, givenFields.has(field) ? file[field] : stored[field]])) as T;
    const content = keep(current.values.content, role.values.content);
    const stats = keep(current.values.stats, role.values.stats);
    const contentChanges = changedFields(current.values.content, content, roleContentKeys);
    stats.editedFigures = editedFiguresAfter(current.values.stats.editedFigures, changedFields(current.values.stats, stats, roleStatsKeys).after);
    const statsChanges = changedFields(current.values.stats, stats, roleStatsKeys);
    if (isEmpty(contentChanges.after) && isEmpty(statsChanges.after)) {
      planned.push({ ...base, kind: 'unchanged', roleId: current.id });
      continue;
    }
    const changed = {
      ...base,
      kind: 'changed' as const,
      roleId: current.id,
      values: { content, stats },
      current: { slug: current.values.content.slug, categorySlug: current.values.content.categorySlug },
      contentChanges,
      statsChanges,
      editedSinceImport: null,
      handEditedFields: [],
      handEditedFieldsKept: [],
    };
    planned.push(changed);
    changedRoles.push({ planned: changed, stored: current });
  }
  const storedRoles = changedRoles.map((role) => role.stored);
  const [lastEdits, editedByHand] = await Promise.all([loadLastEdits(db, storedRoles), loadFieldsEditedSinceImport(db, storedRoles)]);
  for (const { planned: role, stored } of changedRoles) {
    const lastEdit = lastEdits.get(stored.id)!;
    // A role nobody has touched since the seed has no audit row: it was not edited either.
    role.editedSinceImport = lastEdit.action !== null && lastEdit.action !== 'role.import' ? lastEdit : null;
    const byHand = new Set([...(editedByHand.get(stored.id) ?? []), ...Object.keys(stored.values.stats.editedFigures)]);
    const changes = fieldChangesOf(role).after;
    const isRoleField = (field: string) => field !== 'editedFigures' && (field in stored.values.content || field in stored.values.stats);
    role.handEditedFields = [...byHand].filter((field) => isRoleField(field) && field in changes).sort();
    role.handEditedFieldsKept = [...byHand].filter((field) => isRoleField(field) && !(field in changes)).sort();
  }

  const invalidPlaces = new Set(problems.map((problem) => problem.line ?? problem.record ?? 'file'));
  const changed = changedRoles.map((role) => role.planned);
  return {
    roles: planned,
    problems: problems.sort(byPlace),
    overwriteEdited,
    partialColumns: partial ? partial.columns : null,
    counts: {
      new: planned.filter((role) => role.kind === 'new').length,
      changed: changed.filter((role) => overwriteEdited || !isHeldBack(role)).length,
      edited: overwriteEdited ? 0 : changed.filter(isHeldBack).length,
      unchanged: planned.filter((role) => role.kind === 'unchanged').length,
      invalid: invalidPlaces.size,
    },
  };
}

/**
 * What importing these rows would do, as the database is now: each valid row is new, changed
 * (with before → after of each changed field) or unchanged, and every row that cannot be imported
 * is a problem. A dry run: nothing is written.
 */
export async function planCatalogueImport(db: Queryable, input: CatalogueInput, options: ImportOptions = {}): Promise<ImportPlan> {
  return planCheckedRows(db, checkImportRows(input), options);
}

/** The roles a plan found changed, whose last change it read. */
export function changedRoleIds(plan: ImportPlan) {
  return plan.roles.flatMap((role) => (role.kind === 'changed' ? [role.roleId] : []));
}

/**
 * A fingerprint of what a plan read, computed by PostgreSQL without sending a row: while it is the
 * same, planning the same rows again gives the same plan. Its keys are SQL expressions of arrays
 * (bound values, or the columns a stored plan keeps them in): the plan's PlanKeys and
 * changedRoleIds. It names the category slugs; each role found by slug or SOC code by its id and
 * the versions of its roles and role_stats rows; and each changed role's last change as
 * lastEditOf reads it (who, when, how). A row version is PostgreSQL's xmin, the transaction that
 * wrote it: every update writes a new version, so an edit, an archive, a new slug or SOC code, an
 * import all change it. A role that was new or unchanged changes its row versions before it can
 * become changed, and only then does its last change matter.
 */
export function planStateFingerprint({ slugs, socCodes, changedRoleIds }: { slugs: SQL; socCodes: SQL; changedRoleIds: SQL }) {
  // JSON arrays, so that no two states can read as the same text.
  return sql<string>`(
    select encode(sha256(convert_to(json_build_array(
      (select json_agg(${categories.slug} order by ${categories.slug}) from ${categories}),
      (select json_agg(json_build_array(${roles.id}, ${roles}.xmin::text, ${roleStats}.xmin::text) order by ${roles.id})
        from ${roles} left join ${roleStats} on ${roleStats.roleId} = ${roles.id}
        where ${roles.slug} = any(${slugs}) or ${roles.socCode} = any(${socCodes})),
      (select json_agg(json_build_array(${roles.id}, ${lastEditOf(roles.id)}) order by ${roles.id})
        from ${roles} where ${roles.id} = any(${changedRoleIds}))
    )::text, 'UTF8')), 'base64')
  )`;
}

export type AppliedRole = { slug: string; title: string };

export type ImportResult =
  | { status: 'invalid'; plan: ImportPlan }
  /** The database changed since the preview the caller expected (expectedPlanDigest): nothing applied. */
  | { status: 'stale'; plan: ImportPlan }
  | {
      status: 'applied';
      plan: ImportPlan;
      created: AppliedRole[];
      updated: AppliedRole[];
      /** Changed roles left alone because an editor changed them since their last import. */
      leftAlone: AppliedRole[];
      unchanged: number;
      /** The cache tags the import touched, for the caller to invalidate. */
      tags: string[];
    };

export type ApplyOptions = ImportOptions & {
  /** The signed-in user importing; null from the command line. */
  actorId: number | null;
  /** The planDigest of the preview being applied: when the plan now differs, nothing is applied. */
  expectedPlanDigest?: string;
  /** Called after each role written: (written so far, to write in all). */
  onProgress?: (done: number, total: number) => void;
};

/**
 * Applies the rows within the caller's transaction: locks, re-plans against what the database
 * holds now, and writes nothing at all unless every row is valid.
 *
 * Locking: an advisory lock serialises imports with each other (the roles they would create do not
 * exist yet, so no row lock could), and every existing role in the file is locked `for update`,
 * the lock db/role-edits.ts takes before any edit, so edits and the import run one after the
 * other. Roles are locked in id order and an edit locks one role, so no two can deadlock. The plan
 * is made after the locks: what is applied is what the database holds at that moment.
 */
/** Loads at least this large refresh the planner's statistics (autovacuum would, minutes later). */
const ANALYZE_AFTER_ROWS = 500;

export async function applyCatalogueImportIn(tx: Transaction, input: CatalogueInput, options: ApplyOptions): Promise<ImportResult> {
  const { actorId, overwriteEdited = false, expectedPlanDigest, onProgress } = options;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('roleboard:catalogue-import', 0))`);
  const slugs = [...new Set(input.rows.map((row) => row.record.slug.trim()).filter(Boolean))];
  // A file without slugs names its roles by SOC code.
  const socCodes = input.columns && !input.columns.includes('slug') ? [...new Set(input.rows.map((row) => row.record.soc_code.trim()).filter(Boolean))] : [];
  for (const chunk of chunks(slugs)) {
    await tx.select({ id: roles.id }).from(roles).where(inArray(roles.slug, chunk)).orderBy(roles.id).for('update');
  }
  for (const chunk of chunks(socCodes)) {
    await tx.select({ id: roles.id }).from(roles).where(inArray(roles.socCode, chunk)).orderBy(roles.id).for('update');
  }
  const plan = await planCatalogueImport(tx, input, { overwriteEdited });
  if (plan.problems.length > 0) return { status: 'invalid', plan };
  if (expectedPlanDigest !== undefined && planDigest(plan) !== expectedPlanDigest) return { status: 'stale', plan };

  const toWrite = plan.roles.filter((role) => willWrite(role, overwriteEdited));
  const audits: AuditEntry[] = [];
  const tags = new Set<string>();
  const created: AppliedRole[] = [];
  const updated: AppliedRole[] = [];
  // A hundred roles at a time, each step one statement for all of them (one round trip per
  // statement made 832 roles take 3 s), with progress after each hundred.
  for (let start = 0; start < toWrite.length; start += WRITE_BATCH) {
    const batch = toWrite.slice(start, start + WRITE_BATCH);
    const newRoles = batch.filter((role) => role.kind === 'new');
    const inserted = await insertRoles(tx, { roles: newRoles.map((role) => role.values), actorId });
    for (const role of newRoles) {
      const { content, stats } = role.values;
      audits.push({ actorId, action: 'role.import', entityType: 'role', entityId: String(inserted.get(role.slug)!.id), before: null, after: { ...content, ...stats } });
      roleCacheTags(content).forEach((tag) => tags.add(tag));
      created.push({ slug: role.slug, title: role.title });
    }

    const changed = batch.filter((role) => role.kind === 'changed');
    // Text changes differ per role; a role whose text stays only needs its new version.
    const versions = await bumpVersions(tx, changed.filter((role) => isEmpty(role.contentChanges.after)).map((role) => role.roleId));
    for (const role of changed.filter((role) => !isEmpty(role.contentChanges.after))) {
      versions.set(role.roleId, (await bumpVersion(tx, role.roleId, role.contentChanges.after as Partial<RoleContentInput>)).version);
    }
    const statsChanged = changed.filter((role) => !isEmpty(role.statsChanges.after));
    await writeStats(tx, { changes: statsChanged.map((role) => ({ roleId: role.roleId, roleVersion: versions.get(role.roleId)!, stats: role.values.stats })), actorId });
    for (const role of changed) {
      audits.push({ actorId, action: 'role.import', entityType: 'role', entityId: String(role.roleId), ...fieldChangesOf(role) });
      roleCacheTags(role.current, role.values.content).forEach((tag) => tags.add(tag));
      updated.push({ slug: role.slug, title: role.title });
    }
    onProgress?.(start + batch.length, toWrite.length);
  }
  await recordAudits(tx, audits);
  // A large load changes the tables' statistics: without fresh ones the planner misjudges the
  // search's row counts (100× after a bulk load) and picks slow plans.
  if (created.length + updated.length >= ANALYZE_AFTER_ROWS) await tx.execute(sql`analyze roles, role_stats, role_stats_history, role_search`);
  return {
    status: 'applied',
    plan,
    created,
    updated,
    leftAlone: plan.roles.filter((role) => role.kind === 'changed' && !willWrite(role, overwriteEdited)).map(({ slug, title }) => ({ slug, title })),
    unchanged: plan.counts.unchanged,
    tags: [...tags],
  };
}

/** Applies the rows in a transaction of its own (see applyCatalogueImportIn). */
export function applyCatalogueImport(db: Database, input: CatalogueInput, options: ApplyOptions) {
  return db.transaction((tx) => applyCatalogueImportIn(tx, input, options));
}
