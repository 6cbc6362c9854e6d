// The audit log: one row per change, written in the same transaction as the change itself,
// so a change without its audit row (or the reverse) cannot exist.
import 'server-only';
import type { Database } from './connection';
import { auditLog } from './schema';

/** A transaction handle from `database().transaction(...)`. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export type AuditEntry = {
  actorId: number;
  /** Verb-noun, e.g. "role.update", "role.archive", "role.revert", "user.create", "user.disable". */
  action: string;
  entityType: 'role' | 'user';
  /** The role's or user's id, as text (ids survive slug and email changes). */
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

export async function recordAudit(tx: Transaction, entry: AuditEntry) {
  await tx.insert(auditLog).values(entry);
}
