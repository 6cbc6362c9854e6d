// Reading the audit log (db/audit-writes.ts writes it): newest first, filtered by role and by who made
// the change, paged by keyset so "older entries" stays fast however long the log grows. Editors read
// the changes to roles only: user administration (accounts, emails, disables, password resets) is
// for admins, as /admin/users is.
import 'server-only';
import { and, asc, desc, eq, inArray, notLike, sql, type Column, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { requireUser, type Actor } from './access';
import { database } from './client';
import { auditLog, roles, users } from './schema';

export const AUDIT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

export type AuditFieldChange = { field: string; before: unknown; after: unknown };

export type AuditSubject =
  | { type: 'role'; id: string; title: string | null; slug: string | null }
  | { type: 'user'; id: string; name: string | null; email: string | null }
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

export async function listAuditEntries(claims: unknown, { roleId, actorId, before, limit = AUDIT_PAGE_SIZE }: AuditFilter = {}): Promise<AuditPage> {
  const reader = await requireUser(claims, 'editor');
  const pageSize = Math.min(Math.max(Math.trunc(limit) || AUDIT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
  const actors = alias(users, 'actor');
  const subjectUsers = alias(users, 'subject_user');
  const cursorEntries = alias(auditLog, 'cursor_entry');

  const conditions: (SQL | undefined)[] = [readableBy(reader, auditLog)];
  if (roleId !== undefined) conditions.push(and(eq(auditLog.entityType, 'role'), eq(auditLog.entityId, String(roleId)))!);
  if (actorId !== undefined) conditions.push(eq(auditLog.actorId, actorId));
  if (before !== undefined) {
    // Compared in the database, so timestamps keep their microseconds. An unknown cursor, or one at
    // an entry this reader may not see (its time is not theirs to learn), matches nothing.
    const cursor = database()
      .select({ createdAt: cursorEntries.createdAt, id: cursorEntries.id })
      .from(cursorEntries)
      .where(and(eq(cursorEntries.id, before), readableBy(reader, cursorEntries)));
    conditions.push(sql`(${auditLog.createdAt}, ${auditLog.id}) < (${cursor})`);
  }

  const rows = await database()
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
    .where(and(...conditions))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(pageSize + 1);

  const page = rows.slice(0, pageSize);
  return {
    entries: page.map((row) => ({
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
    })),
    olderCursor: rows.length > pageSize ? (page.at(-1)?.id ?? null) : null,
  };
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
