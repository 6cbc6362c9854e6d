// How a change is written to a role's tables, shared by the admin edits (db/role-edits.ts) and the
// catalogue import (db/catalogue-import.ts), so both bump versions, keep stats history and name the
// touched cache tags the same way. Each helper runs on the caller's transaction and checks no
// access: its callers do. Free of server-only, since the import also runs from the command line.
import { isDeepStrictEqual } from 'node:util';
import { eq, inArray, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Transaction } from './audit-writes';
import { columnsFromStats } from './role-columns';
import { auditLog, roles, roleStats, roleStatsHistory, users } from './schema';
import { cacheTags } from '@/lib/cache-tags';
import type { RoleContentInput, RoleStatsInput, RoleValues } from '@/lib/role-schemas';

/** Who changed a role last, and when. `editorName` is null for the seed and for command-line imports. */
export type LastEdit = { editorName: string | null; editedAt: string; action: string | null };

/** The fields whose values differ, as `{ before, after }` holding only those fields. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T, keys: readonly (keyof T & string)[]) {
  const changed: { before: Record<string, unknown>; after: Record<string, unknown> } = { before: {}, after: {} };
  for (const key of keys) {
    if (!isDeepStrictEqual(before[key], after[key])) {
      changed.before[key] = before[key];
      changed.after[key] = after[key];
    }
  }
  return changed;
}

export function isEmpty(record: Record<string, unknown>) {
  return Object.keys(record).length === 0;
}

/** The cache tags a change touches: the list, and the role and category of each state (before and after). */
export function roleCacheTags(...states: { slug: string; categorySlug: string }[]) {
  return [...new Set([cacheTags.roleList, ...states.flatMap((state) => [cacheTags.role(state.slug), cacheTags.category(state.categorySlug)])])];
}

/** The newest audit row of each role: who changed it last, how, and when. */
export function lastEditOf(roleId: AnyPgColumn) {
  // Nested one level down: Drizzle writes the columns at the top of a one-table select without
  // their table's name, and here audit_log, users and roles all have an id.
  const newest = sql`
    select json_build_object('name', ${users.name}, 'at', ${auditLog.createdAt}, 'action', ${auditLog.action})
    from ${auditLog} left join ${users} on ${users.id} = ${auditLog.actorId}
    where ${auditLog.entityType} = 'role' and ${auditLog.entityId} = (${roleId})::text
    order by ${auditLog.createdAt} desc, ${auditLog.id} desc
    limit 1`;
  return sql<{ name: string | null; at: string; action: string } | null>`(${newest})`.mapWith((value: unknown) =>
    typeof value === 'string' ? JSON.parse(value) : value,
  );
}

/** A role without audit rows was last changed by the seed, when its row was last written. */
export function toLastEdit(edit: { name: string | null; at: string; action: string } | null, fallback: Date): LastEdit {
  return edit
    ? { editorName: edit.name, editedAt: new Date(edit.at).toISOString(), action: edit.action }
    : { editorName: null, editedAt: fallback.toISOString(), action: null };
}

/** PostgreSQL's error code, wherever the driver or Drizzle put it. */
export function postgresErrorOf(error: unknown): { code?: string; constraint_name?: string } | null {
  for (let current = error; current && typeof current === 'object'; current = (current as { cause?: unknown }).cause) {
    if ('code' in current && typeof (current as { code: unknown }).code === 'string') return current as { code: string; constraint_name?: string };
  }
  return null;
}

/** A role saved elsewhere took a slug or SOC code a moment before this transaction wrote it. */
export function isTakenSlugOrSocCode(error: unknown) {
  const found = postgresErrorOf(error);
  return found?.code === '23505' && (found.constraint_name === 'roles_slug_unique' || found.constraint_name === 'roles_soc_code_unique');
}

/** New roles with their stats and first history rows, a few statements for any number of them. */
export async function insertRoles(tx: Transaction, { roles: values, actorId }: { roles: RoleValues[]; actorId: number | null }) {
  if (values.length === 0) return new Map<string, { id: number; version: number }>();
  const inserted = await tx
    .insert(roles)
    .values(values.map(({ content }) => content))
    .returning({ id: roles.id, slug: roles.slug, version: roles.version });
  // Matched by slug, which is unique: RETURNING promises no order.
  const bySlug = new Map(inserted.map(({ slug, ...role }) => [slug, role]));
  const rows = values.map(({ content, stats }) => ({ role: bySlug.get(content.slug)!, columns: columnsFromStats(stats) }));
  await tx.insert(roleStats).values(rows.map(({ role, columns }) => ({ ...columns, roleId: role.id, updatedBy: actorId })));
  await tx.insert(roleStatsHistory).values(rows.map(({ role, columns }) => ({ ...columns, roleId: role.id, roleVersion: role.version, changedBy: actorId })));
  return bySlug;
}

/** A new role with its stats and its first history row. */
export async function insertRole(tx: Transaction, { content, stats, actorId }: { content: RoleContentInput; stats: RoleStatsInput; actorId: number | null }) {
  const role = (await insertRoles(tx, { roles: [{ content, stats }], actorId })).get(content.slug)!;
  return { ...role, slug: content.slug };
}

/** A new version of a locked role, with any content changes. */
export async function bumpVersion(tx: Transaction, roleId: number, changes: Partial<typeof roles.$inferInsert> = {}) {
  const [updated] = await tx
    .update(roles)
    .set({ ...changes, version: sql`${roles.version} + 1`, updatedAt: new Date() })
    .where(eq(roles.id, roleId))
    .returning({ id: roles.id, slug: roles.slug, version: roles.version });
  return updated!;
}

/** A new version of each of these locked roles, whose content stays as it is; their new versions by id. */
export async function bumpVersions(tx: Transaction, roleIds: number[]) {
  if (roleIds.length === 0) return new Map<number, number>();
  const updated = await tx
    .update(roles)
    .set({ version: sql`${roles.version} + 1`, updatedAt: new Date() })
    .where(inArray(roles.id, roleIds))
    .returning({ id: roles.id, version: roles.version });
  return new Map(updated.map(({ id, version }) => [id, version]));
}

/**
 * New current stats for locked roles, and their history rows at the roles' new versions. One
 * upsert and one insert however many: every role has its role_stats row, so the upsert updates.
 */
export async function writeStats(
  tx: Transaction,
  { changes, actorId }: { changes: { roleId: number; roleVersion: number; stats: RoleStatsInput }[]; actorId: number | null },
) {
  if (changes.length === 0) return;
  const now = new Date();
  const rows = changes.map(({ roleId, stats }) => ({ ...columnsFromStats(stats), roleId, updatedAt: now, updatedBy: actorId }));
  const replaced = Object.keys(rows[0]!).filter((key) => key !== 'roleId') as (keyof (typeof rows)[number] & keyof typeof roleStats)[];
  await tx
    .insert(roleStats)
    .values(rows)
    .onConflictDoUpdate({ target: roleStats.roleId, set: Object.fromEntries(replaced.map((key) => [key, sql.raw(`excluded.${roleStats[key].name}`)])) });
  await tx.insert(roleStatsHistory).values(changes.map(({ roleId, roleVersion, stats }) => ({ ...columnsFromStats(stats), roleId, roleVersion, changedBy: actorId })));
}
