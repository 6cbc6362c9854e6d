// The audit log: every change to roles and (for admins only; db/audit-reads.ts decides) to users,
// newest first, filtered by role and by who made it through a plain GET form, and paged by keyset
// ("Older entries"), so every view is a link.
import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { AuditEntry } from '@/components/admin/audit-entry';
import { IgnoredParametersNotice } from '@/components/ignored-parameters-notice';
import { listAuditEntries, listAuditFilters } from '@/db/audit-reads';
import { readOrSignIn } from '@/lib/admin-read';
import { parseQueryFields, type RawSearchParams } from '@/lib/query-params';

export const metadata: Metadata = { title: 'Audit log' };

const id = z.coerce.number().int().positive().max(2_147_483_647);
const searchFields = { role: id, user: id, before: id };
const parameters = ['role', 'user', 'before'] as const;

type Search = { [Key in (typeof parameters)[number]]?: number };

function auditHref(search: Search) {
  const query = new URLSearchParams();
  for (const key of parameters) if (search[key] !== undefined) query.set(key, String(search[key]));
  const text = query.toString();
  return text ? `/admin/audit?${text}` : '/admin/audit';
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const raw = await searchParams;
  const { values: search, ignored } = parseQueryFields(raw, searchFields);
  const [page, filters] = await readOrSignIn(auditHref(search), (claims) =>
    Promise.all([listAuditEntries(claims, { roleId: search.role, actorId: search.user, before: search.before }), listAuditFilters(claims)]),
  );
  const filtered = search.role !== undefined || search.user !== undefined;

  return (
    <div className="stack">
      <h1>Audit log</h1>
      <form method="get" action="/admin/audit" role="search" aria-label="Filter the audit log" className="form-grid role-admin__filters">
        <div className="field">
          <label htmlFor="audit-role">Role</label>
          <select id="audit-role" name="role" defaultValue={search.role ?? ''}>
            <option value="">All roles</option>
            {filters.roles.map((role) => (
              <option key={role.id} value={role.id}>
                {role.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-user">Changed by</label>
          <select id="audit-user" name="user" defaultValue={search.user ?? ''}>
            <option value="">Anyone</option>
            {filters.actors.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.email ? `${actor.name} (${actor.email})` : actor.name}
              </option>
            ))}
          </select>
        </div>
        <div className="form-actions">
          <button type="submit">Filter</button>
          {filtered && <Link href="/admin/audit">Clear filters</Link>}
        </div>
      </form>
      <IgnoredParametersNotice what="filters" names={ignored} />

      {page.entries.length === 0 ? (
        <p>{search.before !== undefined ? 'No older entries.' : filtered ? 'No changes match these filters.' : 'No changes yet.'}</p>
      ) : (
        <ol className="audit-list" aria-label="Changes, newest first">
          {page.entries.map((entry) => (
            <li key={entry.id}>
              <AuditEntry entry={entry} />
            </li>
          ))}
        </ol>
      )}

      {(page.olderCursor !== null || search.before !== undefined) && (
        <nav className="pagination" aria-label="Audit log pages">
          {search.before !== undefined ? <Link href={auditHref({ ...search, before: undefined })}>Newest entries</Link> : <span />}
          {page.olderCursor !== null && <Link href={auditHref({ ...search, before: page.olderCursor })}>Older entries</Link>}
        </nav>
      )}
    </div>
  );
}
