// User accounts, for admins only. Every function checks the claims itself (requireUser, and for a
// change requireUserToChange), every change runs in one transaction with its audit row, and
// password hashes never leave this module: not in the DTOs, not in the audit log.
import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { requireUser, requireUserToChange, AccessDeniedError, type Actor } from './access';
import type { UserRole } from '@/lib/domain/enums';
import { recordAudit, recordDisabledChange, type Transaction } from './audit-writes';
import { database } from './client';
import { users } from './schema';
import { endEverySession } from './sessions';
import { fieldErrorsOf, type FieldErrors, type Refused } from '@/lib/domain/errors';
import { hashPassword } from '@/lib/password';
import {
  newUserSchema,
  userDisabledChangeSchema,
  userPasswordResetSchema,
  userReferenceSchema,
  userRoleChangeSchema,
  type NewUserInput,
} from '@/lib/user-schemas';

// ---- Shapes ------------------------------------------------------------------------------------

export type UserSummary = { id: number; email: string; name: string; role: UserRole; disabled: boolean };

export type UserListItem = UserSummary & { createdAt: string; /** The admin looking at the list. */ isCurrentUser: boolean };

export type UserMutationResult =
  | { status: 'saved'; user: UserSummary; /** false when the user already was that way */ changed: boolean }
  /** The input failed the shared schemas (the actions check them first). */
  | { status: 'invalid'; fieldErrors: FieldErrors }
  | Refused<'user:email_taken' | 'user:employer_member' | AdminRemovalRefusal>
  | { status: 'not-found' };

type AdminRemovalRefusal = 'user:self_disable' | 'user:self_demote' | 'user:last_admin';

const summaryColumns = { id: users.id, email: users.email, name: users.name, role: users.role, disabled: users.disabled };

function invalid(error: z.ZodError): UserMutationResult {
  return { status: 'invalid', fieldErrors: fieldErrorsOf(error) };
}

// ---- Reads -------------------------------------------------------------------------------------

export async function listUsers(claims: unknown): Promise<UserListItem[]> {
  const actor = await requireUser(claims, 'admin');
  const rows = await database()
    .select({ ...summaryColumns, createdAt: users.createdAt })
    .from(users)
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id));
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString(), isCurrentUser: row.id === actor.id }));
}

// ---- Changes -----------------------------------------------------------------------------------

async function lockUser(tx: Transaction, userId: number) {
  const [user] = await tx.select(summaryColumns).from(users).where(eq(users.id, userId)).for('update');
  return user;
}

/**
 * Locks every enabled admin (always in id order, so concurrent changes cannot deadlock) before
 * anything that could take one away: two admins demoting each other at once then run one after
 * the other, and the second sees the first's result.
 */
async function lockEnabledAdmins(tx: Transaction, actor: Actor) {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.disabled, false)))
    .orderBy(asc(users.id))
    .for('update');
  const ids = rows.map((row) => row.id);
  // The actor was checked before the transaction; make sure they were not demoted since.
  if (!ids.includes(actor.id)) throw new AccessDeniedError('forbidden');
  return ids;
}

/** Why this change may not take an admin away, or null if it may. */
function refusalToRemoveAdmin(actor: Actor, target: UserSummary, enabledAdminIds: number[], change: 'disable' | 'demote'): AdminRemovalRefusal | null {
  if (target.id === actor.id) return change === 'disable' ? 'user:self_disable' : 'user:self_demote';
  if (target.role === 'admin' && !target.disabled && enabledAdminIds.length <= 1) return 'user:last_admin';
  return null;
}

/**
 * Runs a change of a user's role or access in one transaction: every enabled admin locked, then the
 * user (not-found when there is none), and refused when `removal` (a demotion or a disabling, null
 * for neither) would take away the actor themself or the last enabled admin. A refused removal is
 * never one that changes nothing: the actor and the admins it counts are enabled admins.
 */
function changeUserGuardingAdmins(
  actor: Actor,
  userId: number,
  removal: 'disable' | 'demote' | null,
  change: (tx: Transaction, target: UserSummary) => Promise<UserMutationResult>,
): Promise<UserMutationResult> {
  return database().transaction(async (tx) => {
    const enabledAdminIds = await lockEnabledAdmins(tx, actor);
    const target = await lockUser(tx, userId);
    if (!target) return { status: 'not-found' };
    const refusal = removal && refusalToRemoveAdmin(actor, target, enabledAdminIds, removal);
    if (refusal) return { status: 'refused', codes: [refusal] };
    return change(tx, target);
  });
}

export async function createUser(claims: unknown, input: NewUserInput): Promise<UserMutationResult> {
  const actor = await requireUserToChange(claims, 'admin');
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { email, name, role, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  return database().transaction(async (tx) => {
    // The unique index on lower(email) decides, so two admins creating the same user at once
    // get one user and one field error, never an exception.
    const [created] = await tx.insert(users).values({ email, name, role, passwordHash }).onConflictDoNothing().returning(summaryColumns);
    if (!created) return { status: 'refused', codes: ['user:email_taken'] };
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.create',
      entityType: 'user',
      entityId: String(created.id),
      before: null,
      after: { email, name, role, status: 'enabled' },
    });
    return { status: 'saved', user: created, changed: true };
  });
}

export async function changeUserRole(claims: unknown, input: { userId: number; role: UserRole }): Promise<UserMutationResult> {
  const actor = await requireUserToChange(claims, 'admin');
  const parsed = userRoleChangeSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { userId, role } = parsed.data;
  return changeUserGuardingAdmins(actor, userId, role === 'editor' ? 'demote' : null, async (tx, target) => {
    if (target.role === role) return { status: 'saved', user: target, changed: false };
    if (target.role === 'employer') return { status: 'refused', codes: ['user:employer_member'] };
    const [updated] = await tx.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, userId)).returning(summaryColumns);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.role',
      entityType: 'user',
      entityId: String(userId),
      before: { role: target.role },
      after: { role },
    });
    return { status: 'saved', user: updated!, changed: true };
  });
}

/** Disabling also ends the user's sessions, at once. */
export async function setUserDisabled(claims: unknown, input: { userId: number; disabled: boolean }): Promise<UserMutationResult> {
  const actor = await requireUserToChange(claims, 'admin');
  const parsed = userDisabledChangeSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { userId, disabled } = parsed.data;
  return changeUserGuardingAdmins(actor, userId, disabled ? 'disable' : null, async (tx, target) => {
    if (target.disabled === disabled) return { status: 'saved', user: target, changed: false };
    const [updated] = await tx.update(users).set({ disabled, updatedAt: new Date() }).where(eq(users.id, userId)).returning(summaryColumns);
    if (disabled) await endEverySession(tx, userId);
    await recordDisabledChange(tx, { actorId: actor.id, entityType: 'user', entityId: userId, wasDisabled: target.disabled, disabled });
    return { status: 'saved', user: updated!, changed: true };
  });
}

/** Sets a new password and ends every session of the user (including the admin's own, if it is theirs). */
export async function resetUserPassword(claims: unknown, input: { userId: number; password: string }): Promise<UserMutationResult> {
  const actor = await requireUserToChange(claims, 'admin');
  const parsed = userPasswordResetSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { userId, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  return database().transaction(async (tx) => {
    const target = await lockUser(tx, userId);
    if (!target) return { status: 'not-found' };
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId));
    await endEverySession(tx, userId);
    // Which password it was is nobody's business, the hash least of all: the entry records the act.
    await recordAudit(tx, { actorId: actor.id, action: 'user.password', entityType: 'user', entityId: String(userId), before: null, after: null });
    return { status: 'saved', user: target, changed: true };
  });
}

export async function signOutEverywhere(claims: unknown, input: { userId: number }): Promise<UserMutationResult> {
  const actor = await requireUserToChange(claims, 'admin');
  const parsed = userReferenceSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { userId } = parsed.data;
  return database().transaction(async (tx) => {
    const target = await lockUser(tx, userId);
    if (!target) return { status: 'not-found' };
    await endEverySession(tx, userId);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.sign-out-everywhere',
      entityType: 'user',
      entityId: String(userId),
      before: null,
      after: null,
    });
    return { status: 'saved', user: target, changed: true };
  });
}
