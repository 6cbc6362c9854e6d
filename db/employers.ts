// Employers and their members (issue 22). No one registers on their own: an admin creates an
// employer (which is its approval) and invites each member with a one-time link that expires;
// the member then chooses a name and password. Disabling an employer signs its members out and
// closes its open postings (db/employer-postings.ts). Every function checks the session itself,
// except the two a sign-up link opens, which check the link.
import 'server-only';
import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { requireUser, requireUserToChange } from './access';
import { recordAudit, recordDisabledChange, type Transaction } from './audit-writes';
import { database } from './client';
import { employerInviteToken, hashInviteToken } from './employer-invites';
import { closeEveryPostingOf } from './employer-postings';
import { employerInvites, employers, userSessions, users } from './schema';
import { acceptInviteSchema, employerDisabledSchema, employerInviteSchema, inviteTokenSchema, newEmployerSchema, type NewEmployerInput } from '@/lib/employer-schemas';
import { cacheTags } from '@/lib/cache-tags';
import { fieldErrorsOf, type FieldErrors, type Refused } from '@/lib/domain/errors';
import { hashPassword } from '@/lib/password';
import { slugify } from '@/lib/slug';

/** How long a sign-up link works. */
export const INVITE_LIFETIME_DAYS = 7;

export type EmployerSummary = { id: number; slug: string; name: string; website: string; verifiedDomain: string | null; disabled: boolean };

export type EmployerListItem = EmployerSummary & {
  members: { id: number; name: string; email: string; disabled: boolean }[];
  /** Links not used yet and not expired. */
  openInvites: { id: number; email: string; expiresAt: string }[];
};

const summaryColumns = {
  id: employers.id,
  slug: employers.slug,
  name: employers.name,
  website: employers.website,
  verifiedDomain: employers.verifiedDomain,
  disabledAt: employers.disabledAt,
};

/** An employer as summaryColumns reads it. */
type EmployerRow = Omit<EmployerSummary, 'disabled'> & { disabledAt: Date | null };

function toSummary({ disabledAt, ...row }: EmployerRow): EmployerSummary {
  return { ...row, disabled: disabledAt !== null };
}

/**
 * Runs a change that concerns one employer in a transaction, once it holds the employer's row lock
 * (`share` to keep it as it is, `update` to change it); not-found when there is no such employer.
 */
function changeLockedEmployer<Result>(
  employerId: number,
  lock: 'share' | 'update',
  change: (tx: Transaction, employer: EmployerRow) => Promise<Result>,
): Promise<Result | { status: 'not-found' }> {
  return database().transaction(async (tx) => {
    const [employer] = await tx.select(summaryColumns).from(employers).where(eq(employers.id, employerId)).for(lock);
    return employer ? change(tx, employer) : { status: 'not-found' as const };
  });
}

// ---- Reads -------------------------------------------------------------------------------------

/** Every employer with its members and open invitations, for admins. */
export async function listEmployers(claims: unknown): Promise<EmployerListItem[]> {
  await requireUser(claims, 'admin');
  const rows = await database().select(summaryColumns).from(employers).orderBy(asc(sql`lower(${employers.name})`));
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [members, invites] = await Promise.all([
    database()
      .select({ id: users.id, name: users.name, email: users.email, disabled: users.disabled, employerId: users.employerId })
      .from(users)
      .where(inArray(users.employerId, ids))
      .orderBy(asc(users.name)),
    database()
      .select({ id: employerInvites.id, email: employerInvites.email, expiresAt: employerInvites.expiresAt, employerId: employerInvites.employerId })
      .from(employerInvites)
      .where(and(inArray(employerInvites.employerId, ids), isNull(employerInvites.acceptedAt), gt(employerInvites.expiresAt, sql`now()`)))
      .orderBy(asc(employerInvites.id)),
  ]);
  return rows.map((row) => ({
    ...toSummary(row),
    members: members.filter((member) => member.employerId === row.id).map(({ employerId: _, ...member }) => member),
    openInvites: invites.filter((invite) => invite.employerId === row.id).map(({ employerId: _, expiresAt, ...invite }) => ({ ...invite, expiresAt: expiresAt.toISOString() })),
  }));
}

/** The employer a signed-in member acts for, with its members. */
export async function getOwnEmployer(claims: unknown) {
  const actor = await requireUser(claims, 'employer');
  const [row] = await database().select(summaryColumns).from(employers).where(eq(employers.id, actor.employerId!));
  const members = await database().select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.employerId, actor.employerId!)).orderBy(asc(users.name));
  return { employer: toSummary(row!), members, actor };
}

export type InviteState = { status: 'valid' | 'used' | 'expired' | 'employer-disabled'; employerName: string; email: string } | null;

/** What a sign-up link stands for, for its page; null for a link that never existed. */
export async function getInvite(token: string): Promise<InviteState> {
  if (!inviteTokenSchema.safeParse(token).success) return null;
  const [invite] = await database()
    .select({ email: employerInvites.email, expiresAt: employerInvites.expiresAt, acceptedAt: employerInvites.acceptedAt, employerName: employers.name, disabledAt: employers.disabledAt })
    .from(employerInvites)
    .innerJoin(employers, eq(employers.id, employerInvites.employerId))
    .where(eq(employerInvites.tokenHash, hashInviteToken(token)));
  if (!invite) return null;
  const status = invite.acceptedAt ? 'used' : invite.disabledAt ? 'employer-disabled' : invite.expiresAt.getTime() <= Date.now() ? 'expired' : 'valid';
  return { status, employerName: invite.employerName, email: invite.email };
}

// ---- Changes -----------------------------------------------------------------------------------

export type EmployerMutationResult =
  | { status: 'saved'; employer: EmployerSummary }
  | { status: 'invalid'; fieldErrors: FieldErrors }
  | Refused<'employer:name_taken'>
  | { status: 'not-found' };

/** Creates an employer, approved by the admin who creates it. Its slug comes from its name. */
export async function createEmployer(claims: unknown, input: NewEmployerInput): Promise<EmployerMutationResult> {
  const actor = await requireUserToChange(claims, 'admin');
  const parsed = newEmployerSchema.safeParse(input);
  if (!parsed.success) return { status: 'invalid', fieldErrors: fieldErrorsOf(parsed.error) };
  const { name, website, verifiedDomain } = parsed.data;
  const base = slugify(name).slice(0, 70).replace(/-+$/, '') || 'employer';
  return database().transaction(async (tx) => {
    // A name is taken in any case; a slug already used gets a number ("acme-2").
    const [taken] = await tx.select({ id: employers.id }).from(employers).where(eq(sql`lower(${employers.name})`, name.toLowerCase()));
    if (taken) return { status: 'refused', codes: ['employer:name_taken'] };
    const used = new Set((await tx.select({ slug: employers.slug }).from(employers).where(sql`${employers.slug} = ${base} or ${employers.slug} like ${`${base}-%`}`)).map((row) => row.slug));
    let slug = base;
    for (let suffix = 2; used.has(slug); suffix++) slug = `${base}-${suffix}`;
    const [created] = await tx.insert(employers).values({ slug, name, website, verifiedDomain, approvedBy: actor.id }).onConflictDoNothing().returning(summaryColumns);
    if (!created) return { status: 'refused', codes: ['employer:name_taken'] };
    await recordAudit(tx, { actorId: actor.id, action: 'employer.create', entityType: 'employer', entityId: String(created.id), before: null, after: { name, website, verifiedDomain } });
    return { status: 'saved', employer: toSummary(created) };
  });
}

export type InviteResult =
  | { status: 'invited'; token: string; email: string; employerName: string; expiresAt: string; emailed: boolean }
  | { status: 'invalid'; fieldErrors: FieldErrors }
  | Refused<'employer:email_domain' | 'user:email_taken' | 'employer:disabled'>
  | { status: 'not-found' };

/**
 * Makes a one-time sign-up link for one address to join an employer, and queues its email. The
 * token (db/employer-invites.ts) is returned once, for the admin to see in case the email does
 * not arrive; only its hash is kept. With a verified domain, only its addresses.
 */
export async function inviteEmployerMember(
  claims: unknown,
  input: { employerId: unknown; email: unknown },
  {
    secret,
    queueEmail,
  }: {
    secret: string;
    /**
     * Queues the invitation's email, inside the transaction: when it cannot be queued nothing is
     * recorded (the admin is asked to try again). Null where no email goes out (no SMTP_URL).
     */
    queueEmail: ((inviteId: number) => Promise<void>) | null;
  },
): Promise<InviteResult> {
  const actor = await requireUserToChange(claims, 'admin');
  const parsed = employerInviteSchema.safeParse(input);
  if (!parsed.success) return { status: 'invalid', fieldErrors: fieldErrorsOf(parsed.error) };
  const { employerId, email } = parsed.data;
  return changeLockedEmployer(employerId, 'share', async (tx, employer): Promise<InviteResult> => {
    if (employer.disabledAt) return { status: 'refused', codes: ['employer:disabled'] };
    if (employer.verifiedDomain && !email.toLowerCase().endsWith(`@${employer.verifiedDomain}`)) return { status: 'refused', codes: ['employer:email_domain'] };
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()));
    if (existing) return { status: 'refused', codes: ['user:email_taken'] };
    // The token needs the id, so the row is written with a placeholder first (unique, never a token's hash).
    const [invite] = await tx
      .insert(employerInvites)
      .values({ employerId, email, tokenHash: sql`'pending-' || gen_random_uuid()`, createdBy: actor.id, expiresAt: sql`now() + make_interval(days => ${INVITE_LIFETIME_DAYS})` })
      .returning({ id: employerInvites.id, expiresAt: employerInvites.expiresAt });
    const token = employerInviteToken({ secret, inviteId: invite!.id });
    await tx.update(employerInvites).set({ tokenHash: hashInviteToken(token) }).where(eq(employerInvites.id, invite!.id));
    await recordAudit(tx, { actorId: actor.id, action: 'employer.invite', entityType: 'employer', entityId: String(employerId), before: null, after: { email, invite: invite!.id } });
    if (queueEmail) await queueEmail(invite!.id);
    return { status: 'invited', token, email, employerName: employer.name, expiresAt: invite!.expiresAt.toISOString(), emailed: queueEmail !== null };
  });
}

export type AcceptInviteResult =
  | { status: 'joined'; email: string }
  | { status: 'invalid'; fieldErrors: FieldErrors }
  | { status: 'link-not-valid'; reason: 'unknown' | 'used' | 'expired' | 'employer-disabled' }
  | Refused<'user:email_taken'>;

/**
 * Uses a sign-up link: the member's account, with the role `employer` and the link's address, is
 * created and the link used up, in one transaction. The link is checked before the password is
 * hashed (the costly part), so made-up links cost a stranger more than they cost us.
 */
export async function acceptEmployerInvite(input: { token: unknown; name: unknown; password: unknown }): Promise<AcceptInviteResult> {
  const parsed = acceptInviteSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    return fieldErrors.token ? { status: 'link-not-valid', reason: 'unknown' } : { status: 'invalid', fieldErrors };
  }
  const { token, name, password } = parsed.data;
  const before = await getInvite(token);
  if (!before) return { status: 'link-not-valid', reason: 'unknown' };
  if (before.status !== 'valid') return { status: 'link-not-valid', reason: before.status };
  const passwordHash = await hashPassword(password);
  return database().transaction(async (tx) => {
    const [invite] = await tx
      .select({ id: employerInvites.id, employerId: employerInvites.employerId, email: employerInvites.email, expiresAt: employerInvites.expiresAt, acceptedAt: employerInvites.acceptedAt })
      .from(employerInvites)
      .where(eq(employerInvites.tokenHash, hashInviteToken(token)))
      .for('update');
    // Used or expired while the password was hashed.
    if (!invite || invite.acceptedAt) return { status: 'link-not-valid', reason: 'used' };
    if (invite.expiresAt.getTime() <= Date.now()) return { status: 'link-not-valid', reason: 'expired' };
    const [employer] = await tx.select({ disabledAt: employers.disabledAt }).from(employers).where(eq(employers.id, invite.employerId)).for('share');
    if (!employer || employer.disabledAt) return { status: 'link-not-valid', reason: 'employer-disabled' };
    const [created] = await tx
      .insert(users)
      .values({ email: invite.email, name, passwordHash, role: 'employer', employerId: invite.employerId })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!created) return { status: 'refused', codes: ['user:email_taken'] };
    await tx.update(employerInvites).set({ acceptedAt: sql`now()`, acceptedBy: created.id }).where(eq(employerInvites.id, invite.id));
    await recordAudit(tx, {
      actorId: created.id,
      action: 'employer.join',
      entityType: 'employer',
      entityId: String(invite.employerId),
      before: null,
      after: { user: created.id, email: invite.email, name, invite: invite.id },
    });
    return { status: 'joined', email: invite.email };
  });
}

export type DisableEmployerResult = { status: 'saved'; employer: EmployerSummary; changed: boolean; tags: string[] } | { status: 'invalid'; fieldErrors: FieldErrors } | { status: 'not-found' };

/**
 * Disables an employer (its members signed out at once and kept out, its open postings closed, its
 * pending ones left waiting no more) or enables it again (its members back; closed postings stay closed).
 */
export async function setEmployerDisabled(claims: unknown, input: { employerId: unknown; disabled: unknown }): Promise<DisableEmployerResult> {
  const actor = await requireUserToChange(claims, 'admin');
  const parsed = employerDisabledSchema.safeParse(input);
  if (!parsed.success) return { status: 'invalid', fieldErrors: fieldErrorsOf(parsed.error) };
  const { employerId, disabled } = parsed.data;
  return changeLockedEmployer(employerId, 'update', async (tx, employer): Promise<DisableEmployerResult> => {
    if ((employer.disabledAt !== null) === disabled) return { status: 'saved', employer: toSummary(employer), changed: false, tags: [] };
    const [updated] = await tx
      .update(employers)
      .set({ disabledAt: disabled ? sql`now()` : null, updatedAt: sql`now()` })
      .where(eq(employers.id, employerId))
      .returning(summaryColumns);
    // The employer's public page goes or comes back (it is kept under `jobs`).
    let tags: string[] = [cacheTags.jobs];
    if (disabled) {
      await tx.delete(userSessions).where(inArray(userSessions.userId, tx.select({ id: users.id }).from(users).where(eq(users.employerId, employerId))));
      tags = [...new Set([...tags, ...(await closeEveryPostingOf(tx, { employerId, actorId: actor.id }))])];
    }
    await recordDisabledChange(tx, { actorId: actor.id, entityType: 'employer', entityId: employerId, wasDisabled: employer.disabledAt !== null, disabled });
    return { status: 'saved', employer: toSummary(updated!), changed: true, tags };
  });
}
