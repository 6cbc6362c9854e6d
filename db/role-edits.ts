// The admin side of roles: reads for editors, and every change to a role. Each function checks
// the session itself (requireUser), and each change runs in one transaction with its stats-history
// row and its audit row. A change locks the role's row, then compares the version the editor loaded:
// concurrent changes run one after the other, no edit is silently overwritten, and each result says
// what this request did ("saved"), that the role already was that way ("unchanged"), or who got there first.
import 'server-only';
import { and, asc, desc, eq, ilike, ne, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { requireUser, requireUserToChange } from './access';
import { recordAudit, type Transaction } from './audit-writes';
import { database } from './client';
import { categories, roles, roleStats, roleStatsHistory, users, type Role } from './schema';
import { contentFromRow, statsFromColumns, type Stats } from './role-columns';
import { bumpVersion, changedFields, insertRole, isEmpty, lastEditOf, postgresErrorOf, roleCacheTags, toLastEdit, writeStats, type LastEdit } from './role-writes';
import { fieldErrorsOf, type FieldErrors, type Refused } from '@/lib/domain/errors';
import { changedFigures, stampEditedFigures } from '@/lib/provenance';
import {
  EDIT_NOTE_REQUIRED,
  editNoteSchema,
  roleContentKeys,
  roleContentSchema,
  roleFormStatsKeys,
  roleStatsKeys,
  roleStatsSchema,
  type RoleContentInput,
  type RoleStatsInput,
  type RoleValues,
} from '@/lib/role-schemas';

export type RoleStatus = Role['status'];

export type { LastEdit };

/** The role as stored, in the shapes the shared schemas describe. */
export type RoleSnapshot = RoleValues & { version: number };

export type RoleForEdit = RoleSnapshot & { id: number; slug: string; status: RoleStatus; lastEdit: LastEdit };

/** Someone else changed the role since the editor loaded it: nothing was written. */
export type RoleConflict = { status: 'conflict'; current: RoleSnapshot & LastEdit };

type SavedRole = { id: number; slug: string; version: number };
/** This request made the change; `tags` are the cache tags it touched. */
type RoleSaved = { status: 'saved'; role: SavedRole; tags: string[] };
/** The input failed the shared schemas (the actions check them first, so only other callers see this). */
type RoleInvalid = { status: 'invalid'; fieldErrors: FieldErrors };
type RoleRefused = Refused<'role:slug_taken' | 'role:unknown_category'>;

export type RoleMutationResult =
  | RoleSaved
  /** At the version the editor loaded, the role already was that way: nothing was written. */
  | { status: 'unchanged'; role: SavedRole }
  | RoleInvalid
  | RoleRefused
  | { status: 'not-found' }
  | RoleConflict;

// ---- Reads -------------------------------------------------------------------------------------

export type AdminRoleFilter = { q?: string; status?: RoleStatus; category?: string };

/** The orders of the admin roles list, each with the direction it starts in (the best-paid and the newest first). */
export const adminRoleSorts = {
  title: { firstOrder: 'asc' },
  category: { firstOrder: 'asc' },
  salary: { firstOrder: 'desc' },
  updated: { firstOrder: 'desc' },
} as const satisfies Record<string, { firstOrder: SortOrder }>;

export type AdminRoleSort = keyof typeof adminRoleSorts;
export type SortOrder = 'asc' | 'desc';

export const ADMIN_ROLES_PAGE_SIZE = 50;

export type AdminRoleListQuery = AdminRoleFilter & {
  sort?: AdminRoleSort;
  order?: SortOrder;
  /** From 1; a page past the last one is empty (the page says so). */
  page?: number;
};

export type AdminRoleListItem = {
  id: number;
  slug: string;
  title: string;
  status: RoleStatus;
  categoryName: string;
  version: number;
  jobOpenings: number;
  jobOpeningsBasis: Stats['jobOpeningsBasis'];
  averageSalary: number | null;
  currency: string;
  degreeRequirementPercent: number | null;
  lastEdit: LastEdit;
};

export type AdminRoleList = {
  items: AdminRoleListItem[];
  total: number;
  page: number;
  pageSize: number;
  /** At least 1, so "page 1 of 1" reads right when nothing matches. */
  pageCount: number;
  sort: AdminRoleSort;
  order: SortOrder;
};

function adminRoleOrder(sort: AdminRoleSort, order: SortOrder): SQL[] {
  const direction = order === 'asc' ? asc : desc;
  // Ties (and roles without a figure, always last) fall back to the title, then the id, so
  // every page is stable and no role shows on two pages.
  const byTitle = [asc(roles.title), asc(roles.id)];
  switch (sort) {
    case 'title':
      return [direction(roles.title), direction(roles.id)];
    case 'category':
      return [direction(categories.name), ...byTitle];
    case 'salary':
      return [sql`${roleStats.averageSalary} ${sql.raw(order)} nulls last`, ...byTitle];
    case 'updated':
      return [direction(roles.updatedAt), ...byTitle];
  }
}

/** `%` and `_` typed by a visitor are searched for literally. */
function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}


/** Roles for the admin table, archived ones included, a page at a time, in the order asked for (by title unless told). */
export async function listRolesForAdmin(claims: unknown, query: AdminRoleListQuery = {}): Promise<AdminRoleList> {
  await requireUser(claims, 'editor');
  const sort = query.sort ?? 'title';
  const order = query.order ?? adminRoleSorts[sort].firstOrder;
  const page = Math.max(1, Math.trunc(query.page ?? 1) || 1);
  const conditions: SQL[] = [];
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(or(ilike(roles.title, pattern), ilike(roles.slug, pattern))!);
  }
  if (query.status) conditions.push(eq(roles.status, query.status));
  if (query.category) conditions.push(eq(roles.categorySlug, query.category));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [rows, [counted]] = await Promise.all([
    database()
      .select({
        id: roles.id,
        slug: roles.slug,
        title: roles.title,
        status: roles.status,
        categoryName: categories.name,
        version: roles.version,
        updatedAt: roles.updatedAt,
        jobOpenings: roleStats.jobOpenings,
        jobOpeningsBasis: roleStats.jobOpeningsBasis,
        averageSalary: roleStats.averageSalary,
        currency: roleStats.currency,
        degreeRequirementPercent: roleStats.degreeRequirementPercent,
        lastEdit: lastEditOf(roles.id),
      })
      .from(roles)
      .innerJoin(roleStats, eq(roleStats.roleId, roles.id))
      .innerJoin(categories, eq(categories.slug, roles.categorySlug))
      .where(where)
      .orderBy(...adminRoleOrder(sort, order))
      .limit(ADMIN_ROLES_PAGE_SIZE)
      .offset((page - 1) * ADMIN_ROLES_PAGE_SIZE),
    database().select({ total: sql<number>`count(*)::int` }).from(roles).where(where),
  ]);
  const items: AdminRoleListItem[] = rows.map(({ updatedAt, lastEdit, ...row }) => ({ ...row, lastEdit: toLastEdit(lastEdit, updatedAt) }));
  const total = counted?.total ?? 0;
  return { items, total, page, pageSize: ADMIN_ROLES_PAGE_SIZE, pageCount: Math.max(1, Math.ceil(total / ADMIN_ROLES_PAGE_SIZE)), sort, order };
}

async function selectRoleForEdit(db: Transaction | ReturnType<typeof database>, where: SQL) {
  const [row] = await db
    .select({ role: roles, stats: roleStats, lastEdit: lastEditOf(roles.id) })
    .from(roles)
    .innerJoin(roleStats, eq(roleStats.roleId, roles.id))
    .where(where);
  if (!row) return null;
  return {
    id: row.role.id,
    slug: row.role.slug,
    status: row.role.status,
    version: row.role.version,
    content: contentFromRow(row.role),
    stats: statsFromColumns(row.stats),
    lastEdit: toLastEdit(row.lastEdit, row.role.updatedAt),
  } satisfies RoleForEdit;
}

export async function getRoleForEdit(claims: unknown, { slug }: { slug: string }): Promise<RoleForEdit | null> {
  await requireUser(claims, 'editor');
  return selectRoleForEdit(database(), eq(roles.slug, slug));
}

function conflictWith(current: RoleForEdit): RoleConflict {
  return { status: 'conflict', current: { version: current.version, content: current.content, stats: current.stats, ...current.lastEdit } };
}

export type RoleHistoryEntry = RoleStatsInput & {
  id: number;
  roleVersion: number;
  changedAt: string;
  changedByName: string | null;
};

/** A role and its stats over time, newest first, with who made each change. */
export async function getRoleHistory(claims: unknown, { slug }: { slug: string }) {
  await requireUser(claims, 'editor');
  const [role] = await database()
    .select({ id: roles.id, slug: roles.slug, title: roles.title, status: roles.status, version: roles.version })
    .from(roles)
    .where(eq(roles.slug, slug));
  if (!role) return null;
  const rows = await database()
    .select({ history: roleStatsHistory, changedByName: users.name })
    .from(roleStatsHistory)
    .leftJoin(users, eq(users.id, roleStatsHistory.changedBy))
    .where(eq(roleStatsHistory.roleId, role.id))
    .orderBy(desc(roleStatsHistory.changedAt), desc(roleStatsHistory.id));
  const entries: RoleHistoryEntry[] = rows.map(({ history, changedByName }) => ({
    ...statsFromColumns(history),
    id: history.id,
    roleVersion: history.roleVersion,
    changedAt: history.changedAt.toISOString(),
    changedByName,
  }));
  return { role, entries };
}

// ---- Changes -----------------------------------------------------------------------------------

// The actions validate first and show the errors; checking again here means no other caller can
// write a role the form would have refused.
const roleChangeSchema = z.object({ content: roleContentSchema, stats: roleStatsSchema });

/** Slug taken, category unknown, or both (checked together, so the editor hears of both at once). */
async function checkContent(tx: Transaction, content: RoleContentInput, roleId: number | null): Promise<RoleRefused | null> {
  const [slugOwner] = await tx
    .select({ id: roles.id })
    .from(roles)
    .where(roleId === null ? eq(roles.slug, content.slug) : and(eq(roles.slug, content.slug), ne(roles.id, roleId)));
  const [category] = await tx.select({ slug: categories.slug }).from(categories).where(eq(categories.slug, content.categorySlug));
  const codes: RoleRefused['codes'] = [...(slugOwner ? (['role:slug_taken'] as const) : []), ...(category ? [] : (['role:unknown_category'] as const))];
  return codes.length === 0 ? null : { status: 'refused', codes };
}

/**
 * Runs a change; a unique or foreign-key violation that slipped past the checks (a concurrent
 * save took the slug a moment earlier) becomes the same refusal, and rolls everything back.
 */
async function inTransaction<Result extends RoleMutationResult>(change: (tx: Transaction) => Promise<Result>): Promise<Result | RoleRefused> {
  try {
    return await database().transaction(change);
  } catch (error) {
    const postgresError = postgresErrorOf(error);
    if (postgresError?.code === '23505' && postgresError.constraint_name === 'roles_slug_unique') return { status: 'refused', codes: ['role:slug_taken'] };
    if (postgresError?.code === '23503' && postgresError.constraint_name?.includes('category')) return { status: 'refused', codes: ['role:unknown_category'] };
    throw error;
  }
}

/**
 * The role, locked until the transaction ends, or null. Every change takes this lock before it
 * decides anything: concurrent changes of one role then run one after the other, and each sees
 * the version and status the previous one left (read committed re-reads after the wait).
 */
async function lockRole(tx: Transaction, roleId: number) {
  const [locked] = await tx.select({ id: roles.id }).from(roles).where(eq(roles.id, roleId)).for('update');
  return locked ? selectRoleForEdit(tx, eq(roles.id, roleId)) : null;
}

/** Runs a change of an existing role (inTransaction) once it holds the role's lock (lockRole); not-found when there is no such role. */
function changeLockedRole(roleId: number, change: (tx: Transaction, current: RoleForEdit) => Promise<RoleMutationResult>) {
  return inTransaction(async (tx): Promise<RoleMutationResult> => {
    const current = await lockRole(tx, roleId);
    return current ? change(tx, current) : { status: 'not-found' };
  });
}

/** The role already was that way at the version the editor loaded: nothing was written. */
function unchanged(current: RoleForEdit): RoleMutationResult {
  return { status: 'unchanged', role: { id: current.id, slug: current.slug, version: current.version } };
}

export async function createRole(claims: unknown, input: { content: RoleContentInput; stats: RoleStatsInput }): Promise<RoleSaved | RoleInvalid | RoleRefused> {
  const actor = await requireUserToChange(claims, 'editor');
  const parsed = roleChangeSchema.safeParse(input);
  if (!parsed.success) return { status: 'invalid', fieldErrors: fieldErrorsOf(parsed.error) };
  // A new role's figures all come from the source it names: none is an edit of an earlier figure.
  const { content } = parsed.data;
  const stats = { ...parsed.data.stats, editedFigures: {} };
  return inTransaction(async (tx): Promise<RoleSaved | RoleRefused> => {
    const refused = await checkContent(tx, content, null);
    if (refused) return refused;
    const role = await insertRole(tx, { content, stats, actorId: actor.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'role.create',
      entityType: 'role',
      entityId: String(role.id),
      before: null,
      after: { ...content, ...stats },
    });
    return { status: 'saved', role, tags: roleCacheTags(content) };
  });
}

/**
 * Saves the role form. Its stats replace the stored ones except those the form does not hold
 * (statsKeptOnSave): the hourly wages stay as stored, and each figure that changed is stamped as
 * edited, with the save's time and the editor's note, which such a save requires.
 */
export async function updateRole(
  claims: unknown,
  input: { roleId: number; expectedVersion: number; content: RoleContentInput; stats: RoleStatsInput; editNote?: string },
): Promise<RoleMutationResult> {
  const actor = await requireUserToChange(claims, 'editor');
  const parsed = roleChangeSchema.extend({ editNote: editNoteSchema.default('') }).safeParse(input);
  if (!parsed.success) return { status: 'invalid', fieldErrors: fieldErrorsOf(parsed.error) };
  const { content, editNote } = parsed.data;
  const { roleId, expectedVersion } = input;
  return changeLockedRole(roleId, async (tx, current) => {
    if (current.version !== expectedVersion) return conflictWith(current);
    const typed = { ...parsed.data.stats, hourlyWages: current.stats.hourlyWages, editedFigures: current.stats.editedFigures };
    const figuresChanged = changedFigures(current.stats, typed).length > 0;
    if (figuresChanged && editNote === '') return { status: 'invalid', fieldErrors: { editNote: [EDIT_NOTE_REQUIRED] } };
    const stats = { ...typed, editedFigures: stampEditedFigures({ before: current.stats, after: typed, note: editNote, editedAt: new Date().toISOString() }) };
    const contentChange = changedFields(current.content, content, roleContentKeys);
    // The edited figures follow from the figures that changed; the audit records those and the note instead.
    const statsChange = changedFields(current.stats, stats, roleFormStatsKeys);
    if (isEmpty(contentChange.after) && isEmpty(statsChange.after)) return unchanged(current);
    if (!isEmpty(contentChange.after)) {
      const refused = await checkContent(tx, content, roleId);
      if (refused) return refused;
    }
    const updated = await bumpVersion(tx, roleId, contentChange.after as Partial<RoleContentInput>);
    if (!isEmpty(statsChange.after)) await writeStats(tx, { changes: [{ roleId, roleVersion: updated.version, stats }], actorId: actor.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'role.update',
      entityType: 'role',
      entityId: String(roleId),
      before: { ...contentChange.before, ...statsChange.before },
      after: { ...contentChange.after, ...statsChange.after, ...(figuresChanged && { editNote }) },
    });
    return { status: 'saved', role: updated, tags: roleCacheTags(current.content, content) };
  });
}

async function setStatus(
  claims: unknown,
  { roleId, expectedVersion, status }: { roleId: number; expectedVersion: number; status: RoleStatus },
): Promise<RoleMutationResult> {
  const actor = await requireUserToChange(claims, 'editor');
  return changeLockedRole(roleId, async (tx, current) => {
    if (current.version !== expectedVersion) return conflictWith(current);
    if (current.status === status) return unchanged(current);
    const updated = await bumpVersion(tx, roleId, { status });
    await recordAudit(tx, {
      actorId: actor.id,
      action: status === 'archived' ? 'role.archive' : 'role.restore',
      entityType: 'role',
      entityId: String(roleId),
      before: { status: current.status },
      after: { status },
    });
    return { status: 'saved', role: updated, tags: roleCacheTags(current.content) };
  });
}

/** Takes a role off the public site and the API; nothing is deleted. */
export function archiveRole(claims: unknown, input: { roleId: number; expectedVersion: number }) {
  return setStatus(claims, { ...input, status: 'archived' });
}

export function restoreRole(claims: unknown, input: { roleId: number; expectedVersion: number }) {
  return setStatus(claims, { ...input, status: 'published' });
}

/** Makes an earlier version's stats current again, as a new change: history is never rewritten. */
export async function revertRoleStats(
  claims: unknown,
  { roleId, historyId, expectedVersion }: { roleId: number; historyId: number; expectedVersion: number },
): Promise<RoleMutationResult> {
  const actor = await requireUserToChange(claims, 'editor');
  return changeLockedRole(roleId, async (tx, current) => {
    const [target] = await tx
      .select()
      .from(roleStatsHistory)
      .where(and(eq(roleStatsHistory.id, historyId), eq(roleStatsHistory.roleId, roleId)));
    if (!target) return { status: 'not-found' };
    if (current.version !== expectedVersion) return conflictWith(current);
    const stats = statsFromColumns(target);
    const change = changedFields(current.stats, stats, roleStatsKeys);
    if (isEmpty(change.after)) return unchanged(current);
    const updated = await bumpVersion(tx, roleId);
    await writeStats(tx, { changes: [{ roleId, roleVersion: updated.version, stats }], actorId: actor.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'role.revert',
      entityType: 'role',
      entityId: String(roleId),
      before: change.before,
      after: change.after,
    });
    return { status: 'saved', role: updated, tags: roleCacheTags(current.content) };
  });
}
