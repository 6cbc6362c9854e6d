// Reading the audit log: a role's rows as stored, and the entries as the admin page lists them.
import { and, desc, eq } from 'drizzle-orm';
import { listAuditEntries, type AuditEntryView, type AuditFilter } from '@/db/audit-reads';
import type { Database } from '@/db/connection';
import { auditLog } from '@/db/schema';

/** The audit rows about one role, newest first. */
export async function roleAuditRows(db: Database, roleId: number) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'role'), eq(auditLog.entityId, String(roleId))))
    .orderBy(desc(auditLog.id));
}

/** Every entry the reader may see under `filter`, following each page's older cursor to the end. */
export async function listAllAuditEntries(claims: unknown, filter: Omit<AuditFilter, 'before'>) {
  const entries: AuditEntryView[] = [];
  let before: number | undefined;
  do {
    const page = await listAuditEntries(claims, { ...filter, before });
    entries.push(...page.entries);
    before = page.olderCursor ?? undefined;
  } while (before !== undefined);
  return entries;
}
