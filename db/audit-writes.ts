// The audit log: one row per change, written in the same transaction as the change itself,
// so a change without its audit row (or the reverse) cannot exist. Not server-only: it writes on
// the caller's transaction, and the catalogue import also runs from the command line.
import type { Database } from './connection';
import type { AuditAction } from '@/lib/audit-actions';
import { auditLog } from './schema';

/** A transaction handle from `database().transaction(...)`. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export type AuditEntry = {
  /** The signed-in user who made the change; null for a command-line import (`npm run data:import`). */
  actorId: number | null;
  /** Entity and verb, e.g. "role.update", "role.import", "user.disable": lib/audit-actions.ts lists them all. */
  action: AuditAction;
  /** A job posting's placement is a 'job'; a postings import run, one entry for the whole file, a 'job-import'. */
  entityType: 'role' | 'user' | 'job' | 'job-import' | 'employer' | 'employer-posting';
  /** The role's, user's or posting's id, as text (ids survive slug and email changes); an import run's upload id, or 'command-line'. */
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

export async function recordAudit(tx: Transaction, entry: AuditEntry) {
  await tx.insert(auditLog).values(entry);
}

/** Many rows at once (an import), in statements of a size PostgreSQL takes. */
export async function recordAudits(tx: Transaction, entries: AuditEntry[]) {
  for (let start = 0; start < entries.length; start += 1000) await tx.insert(auditLog).values(entries.slice(start, start + 1000));
}

/** The audit row of disabling or enabling a user or an employer: its status before and after. */
export async function recordDisabledChange(
  tx: Transaction,
  { actorId, entityType, entityId, wasDisabled, disabled }: { actorId: number; entityType: 'user' | 'employer'; entityId: number; wasDisabled: boolean; disabled: boolean },
) {
  const status = (isDisabled: boolean) => (isDisabled ? 'disabled' : 'enabled');
  await recordAudit(tx, {
    actorId,
    action: `${entityType}.${disabled ? 'disable' : 'enable'}`,
    entityType,
    entityId: String(entityId),
    before: { status: status(wasDisabled) },
    after: { status: status(disabled) },
  });
}
