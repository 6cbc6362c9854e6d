// Reading the audit log (db/audit-writes.ts writes it): newest first, filtered by role and by who made
// the change, paged by keyset so "older entries" stays fast however long the log grows. Editors read
// the changes to roles only: user administration (accounts, emails, disables, password resets) is
// for admins, as /admin/users is.
//
// An import writes one row per role it touched, all in one transaction: the log shows them as one
// entry, the import run, with its counts and the roles it touched. What ties a run's rows together
// is what the transaction gave them: one `now()` as created_at, one actor, the action `role.import`
// (and an upload applied at /admin/import records the same `now()` as its applied_at).
import 'server-only';
import { and, asc, desc, eq, inArray, notLike, sql, type Column, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { requireUser, type Actor } from './access';
import { database } from './client';
import { auditLog, catalogueUploads, roles, users } from './schema';

export const AUDIT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

export type AuditFieldChange = { field: string; before: unknown; after: unknown };

/** At most this many of an import run's roles are listed with it; the run's own view lists them all. */
export const IMPORT_RUN_ROLES_SHOWN = 100;

/** The action of the rows an import writes, one per role. */
const IMPORT_ACTION = 'role.import';

export type ImportRun = {
  /** Roles the import created and roles it changed. */
  created: number;
  updated: number;
  /** The file's name and upload, when it was applied at /admin/import (null for `npm run data:import`). */
  upload: { id: string; fileName: string } | null;
  /** The first roles it touched, by title (IMPORT_RUN_ROLES_SHOWN at most); a title is null if the role no longer exists. */
  roles: { id: string; title: string | null; slug: string | null; created: boolean }[];
};

export type AuditSubject =
  | { type: 'role'; id: string; title: string | null; slug: string | null }
  | { type: 'user'; id: string; name: string | null; email: string | null }
  /** The roles one import touched, shown as one entry (its id is the newest of its rows). */
  | ({ type: 'import-run' } & ImportRun)
  | { type: 'other'; entityType: string; id: string };

export type AuditEntryView = {
  id: number;
  createdAt: string;
  action: string;
  actor: { id: number; name: string } | null;
  /** What was changed, with its current title or name (null if it no longer exists). */
  subject: AuditSubject;
  /** Every field in before or after, sorted by name (jsonb keeps no key order; the page orders them for people). */
  changes: AuditFieldChange[];
};

export type AuditPage = {
  entries: AuditEntryView[];
  /** Pass as `before` for the next, older page; null on the last page. */
  olderCursor: number | null;
};

export type AuditFilter = {
  roleId?: number;
  actorId?: number;
  /** The id of the last entry already shown: only older entries are returned. */
  before?: number;
  /** The id of an import run's entry: only its rows, one entry per role, are returned. */
  importRun?: number;
  limit?: number;
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldChanges(before: unknown, after: unknown): AuditFieldChange[] {
  const beforeFields = isRecord(before) ? before : {};
  const afterFields = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(beforeFields), ...Object.keys(afterFields)])].sort();
  return fields.map((field) => ({ field, before: beforeFields[field] ?? null, after: afterFields[field] ?? null }));
}

/**
 * Which entries this reader may see, as a condition on `entries` (the log or an alias of it), or
 * undefined for everything (admins). Editors see entries about roles, never an entry about a user
 * nor a user.* action, whatever filter or cursor they pass.
 */
function readableBy(actor: Actor, entries: { entityType: Column; action: Column }): SQL | undefined {
  if (actor.role === 'admin') return undefined;
  return and(eq(entries.entityType, 'role'), notLike(entries.action, 'user.%'));
}

/** entity_id as an integer id, or null; a cast that can never fail, whatever was stored. */
function numericEntityId(entityType: 'role' | 'user') {
  return sql<number | null>`(case when ${auditLog.entityType} = ${entityType} and ${auditLog.entityId} ~ '^[0-9]{1,9}$' then ${auditLog.entityId}::int end)`;
}

/** The rows of the import run whose entry (any of its rows) has this id, as a condition on `entries`. */
function inImportRun(entries: typeof auditLog, runEntryId: number): SQL {
  const head = alias(auditLog, 'run_entry');
  const run = database()
    .select({ createdAt: head.createdAt, actorId: sql`coalesce(${head.actorId}, 0)` })
    .from(head)
    .where(and(eq(head.id, runEntryId), eq(head.action, IMPORT_ACTION)));
  return and(eq(entries.action, IMPORT_ACTION), sql`(${entries.createdAt}, coalesce(${entries.actorId}, 0)) = (${run})`)!;
}

export async function listAuditEntries(
  claims: unknown,
  { roleId, actorId, before, importRun, limit = AUDIT_PAGE_SIZE }: AuditFilter = {},
): Promise<AuditPage> {
  const reader = await requireUser(claims, 'editor');
  const pageSize = Math.min(Math.max(Math.trunc(limit) || AUDIT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
  const cursorEntries = alias(auditLog, 'cursor_entry');

  const conditions: (SQL | undefined)[] = [readableBy(reader, auditLog)];
  if (roleId !== undefined) conditions.push(and(eq(auditLog.entityType, 'role'), eq(auditLog.entityId, String(roleId)))!);
  if (actorId !== undefined) conditions.push(eq(auditLog.actorId, actorId));
  if (importRun !== undefined) conditions.push(inImportRun(auditLog, importRun));
  // An entry is one row, or one import run (its newest row stands for it), unless the run itself is asked for.
  const newestId = sql<number>`max(${auditLog.id})`.mapWith(Number);
  const entryKey = importRun === undefined ? sql`case when ${auditLog.action} = ${IMPORT_ACTION} then null else ${auditLog.id} end` : auditLog.id;
  let cursorCondition: SQL | undefined;
  if (before !== undefined) {
    // Compared in the database, so timestamps keep their microseconds. An unknown cursor, or one at
    // an entry this reader may not see (its time is not theirs to learn), matches nothing.
    const cursor = database()
      .select({ createdAt: cursorEntries.createdAt, id: cursorEntries.id })
      .from(cursorEntries)
      .where(and(eq(cursorEntries.id, before), readableBy(reader, cursorEntries)));
    const cursorTime = database().select({ createdAt: cursorEntries.createdAt }).from(cursorEntries).where(eq(cursorEntries.id, before));
    // Rows after the cursor's time cannot be older; the exact comparison is on whole entries.
    conditions.push(sql`${auditLog.createdAt} <= (${cursorTime})`);
    cursorCondition = sql`(${auditLog.createdAt}, ${newestId}) < (${cursor})`;
  }

  const heads = await database()
    .select({ id: newestId, rowCount: sql<number>`count(*)::int`, created: sql<number>`(count(*) filter (where ${auditLog.before} is null))::int` })
    .from(auditLog)
    .where(and(...conditions))
    .groupBy(auditLog.createdAt, auditLog.actorId, auditLog.action, entryKey)
    .having(cursorCondition)
    .orderBy(desc(auditLog.createdAt), desc(newestId))
    .limit(pageSize + 1);

  const page = heads.slice(0, pageSize);
  const rows = page.length === 0 ? [] : await selectEntries(inArray(auditLog.id, page.map((head) => head.id)));
  const rowsById = new Map(rows.map((row) => [row.id, row]));
  const entries = await Promise.all(
    page.map(async (head): Promise<AuditEntryView> => {
      const row = rowsById.get(head.id)!;
      if (head.rowCount === 1) return entryOf(row);
      return { ...entryOf(row), subject: { type: 'import-run', ...(await describeImportRun(reader, head)) }, changes: [] };
    }),
  );
  return { entries, olderCursor: heads.length > pageSize ? (page.at(-1)?.id ?? null) : null };
}

async function selectEntries(where: SQL) {
  const actors = alias(users, 'actor');
  const subjectUsers = alias(users, 'subject_user');
  return database()
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      actorId: actors.id,
      actorName: actors.name,
      roleTitle: roles.title,
      roleSlug: roles.slug,
      userName: subjectUsers.name,
      userEmail: subjectUsers.email,
    })
    .from(auditLog)
    .leftJoin(actors, eq(actors.id, auditLog.actorId))
    .leftJoin(roles, eq(roles.id, numericEntityId('role')))
    .leftJoin(subjectUsers, eq(subjectUsers.id, numericEntityId('user')))
    .where(where);
}

function entryOf(row: Awaited<ReturnType<typeof selectEntries>>[number]): AuditEntryView {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    action: row.action,
    actor: row.actorId === null ? null : { id: row.actorId, name: row.actorName ?? '' },
    subject:
      row.entityType === 'role'
        ? { type: 'role', id: row.entityId, title: row.roleTitle, slug: row.roleSlug }
        : row.entityType === 'user'
          ? { type: 'user', id: row.entityId, name: row.userName, email: row.userEmail }
          : { type: 'other', entityType: row.entityType, id: row.entityId },
    changes: fieldChanges(row.before, row.after),
  };
}

/** An import run's counts, its upload, and the first of the roles it touched. */
async function describeImportRun(reader: Actor, head: { id: number; rowCount: number; created: number }): Promise<ImportRun> {
  const db = database();
  const run = alias(auditLog, 'run_entry');
  const [touched, [upload]] = await Promise.all([
    db
      .select({ id: auditLog.entityId, title: roles.title, slug: roles.slug, created: sql<boolean>`${auditLog.before} is null` })
      .from(auditLog)
      .leftJoin(roles, eq(roles.id, numericEntityId('role')))
      .where(and(inImportRun(auditLog, head.id), readableBy(reader, auditLog)))
      .orderBy(sql`${roles.title} asc nulls last`, asc(auditLog.id))
      .limit(IMPORT_RUN_ROLES_SHOWN),
    db
      .select({ id: catalogueUploads.id, fileName: catalogueUploads.fileName })
      .from(catalogueUploads)
      .where(sql`(${catalogueUploads.appliedAt}, ${catalogueUploads.appliedBy}) = (${db.select({ createdAt: run.createdAt, actorId: run.actorId }).from(run).where(eq(run.id, head.id))})`)
      .limit(1),
  ]);
  return { created: head.created, updated: head.rowCount - head.created, upload: upload ?? null, roles: touched };
}

export type AuditFilterOptions = {
  roles: { id: number; title: string; slug: string }[];
  /** email is null for editors: who has which address is user administration. */
  actors: { id: number; name: string; email: string | null }[];
};

/** The roles that have entries and the users who made the changes this reader sees: the choices of the audit filters. */
export async function listAuditFilters(claims: unknown): Promise<AuditFilterOptions> {
  const reader = await requireUser(claims, 'editor');
  const isAdmin = reader.role === 'admin';
  const db = database();
  const [roleOptions, actorOptions] = await Promise.all([
    db
      .select({ id: roles.id, title: roles.title, slug: roles.slug })
      .from(roles)
      .where(inArray(roles.id, db.select({ id: numericEntityId('role') }).from(auditLog).where(eq(auditLog.entityType, 'role'))))
      .orderBy(asc(roles.title), asc(roles.id)),
    db
      .select({ id: users.id, name: users.name, email: isAdmin ? users.email : sql<string | null>`null::text` })
      .from(users)
      .where(inArray(users.id, db.select({ id: auditLog.actorId }).from(auditLog).where(readableBy(reader, auditLog))))
      .orderBy(asc(sql`lower(${users.name})`), asc(users.id)),
  ]);
  return { roles: roleOptions, actors: actorOptions };
}
