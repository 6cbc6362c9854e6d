// The audit log: every change to roles and (for admins only; db/audit-reads.ts decides) to users,
// newest first, each import as one entry, filtered by role (typed, with the titles as suggestions)
// and by who made it through a plain GET form, and paged by keyset ("Older entries"), so every view
// is a link. `import` shows one import's roles, each with what changed.
import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { AuditEntry } from '@/components/admin/audit-entry';
import { ChoiceField } from '@/components/choice-field';
import { LabelledInput } from '@/components/labelled-input';
import { IgnoredParametersNotice } from '@/components/ignored-parameters-notice';
import { FilterButtons } from '@/components/admin/filter-buttons';
import { listAuditEntries, listAuditFilters, type AuditFilterOptions } from '@/db/audit-reads';
import { readOrSignIn } from '@/lib/server/admin-read';
import { formatCount } from '@/lib/domain/format';
import { parseQueryFields, type RawSearchParams } from '@/lib/query-params';

export const metadata: Metadata = { title: 'Audit log' };

const id = z.coerce.number().int().positive().max(2_147_483_647);
/** A role's title (or part of it) or slug, as typed: some letters, not a bare number. */
const roleName = z.string().trim().min(1).max(200).regex(/\p{L}/u);
const searchFields = { role: roleName, user: id, before: id, import: id };
const parameters = ['role', 'user', 'before', 'import'] as const;

type Search = { role?: string; user?: number; before?: number; import?: number };

type AuditRole = AuditFilterOptions['roles'][number];

/** The roles a typed name means: the one with that slug or title, else every title containing it. */
function rolesNamed(roles: AuditRole[], name: string): AuditRole[] {
  const wanted = name.toLowerCase();
  const exact = roles.find((role) => role.slug === wanted || role.title.toLowerCase() === wanted);
  return exact ? [exact] : roles.filter((role) => role.title.toLowerCase().includes(wanted));
}

const MAX_ROLE_CHOICES = 20;

function auditHref(search: Search) {
  const query = new URLSearchParams();
  for (const key of parameters) if (search[key] !== undefined) query.set(key, String(search[key]));
  const text = query.toString();
  return text ? `/admin/audit?${text}` : '/admin/audit';
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const raw = await searchParams;
  const { values: search, ignored } = parseQueryFields(raw, searchFields);
  const { filters, matchingRoles, role, page } = await readOrSignIn(auditHref(search), async (claims) => {
    const filters = await listAuditFilters(claims);
    // A typed role filters the log once it names one role; several are offered to pick from.
    const matchingRoles = search.role === undefined ? [] : rolesNamed(filters.roles, search.role);
    const role = matchingRoles.length === 1 ? matchingRoles[0] : undefined;
    const page =
      search.role === undefined || role
        ? await listAuditEntries(claims, { roleId: role?.id, actorId: search.user, before: search.before, importRun: search.import })
        : { entries: [], olderCursor: null };
    return { filters, matchingRoles, role, page };
  });
  const filtered = search.role !== undefined || search.user !== undefined;

  return (
    <div className="stack">
      <h1>Audit log</h1>
      <form method="get" action="/admin/audit" role="search" aria-label="Filter the audit log" className="form-grid role-admin__filters">
        <LabelledInput
          id="audit-role"
          label="Role"
          name="role"
          type="search"
          list="audit-role-titles"
          defaultValue={role?.title ?? search.role ?? ''}
          maxLength={200}
          autoComplete="off"
          aria-describedby="audit-role-hint"
        >
          <p id="audit-role-hint" className="hint">
            Its title or part of it; empty for all roles.
          </p>
          <datalist id="audit-role-titles">
            {filters.roles.map((option) => (
              <option key={option.id} value={option.title} />
            ))}
          </datalist>
        </LabelledInput>
        <ChoiceField
          id="audit-user"
          name="user"
          label="Changed by"
          emptyLabel="Anyone"
          choices={filters.actors.map((actor) => ({ value: String(actor.id), label: actor.email ? `${actor.name} (${actor.email})` : actor.name }))}
          selected={search.user === undefined ? undefined : String(search.user)}
        />
        {search.import !== undefined && <input type="hidden" name="import" value={search.import} />}
        <FilterButtons filtered={filtered} clearHref="/admin/audit" />
      </form>
      <IgnoredParametersNotice what="filters" names={ignored} />
      {search.import !== undefined && (
        <p className="notice">
          The roles of one import, each with what changed. <Link href={auditHref({ ...search, import: undefined, before: undefined })}>The whole log</Link>
        </p>
      )}
      {search.role !== undefined && matchingRoles.length === 0 && (
        <p className="notice" role="status">
          No role with changes in the log is called “{search.role}”. Try part of its title.
        </p>
      )}
      {matchingRoles.length > 1 && (
        <div className="notice" role="status">
          <p>
            {formatCount(matchingRoles.length)} roles match “{search.role}”. Pick one
            {matchingRoles.length > MAX_ROLE_CHOICES ? `, or type more of its title (the first ${MAX_ROLE_CHOICES} are shown)` : ''}:
          </p>
          <ul aria-label={`Roles matching “${search.role}”`}>
            {matchingRoles.slice(0, MAX_ROLE_CHOICES).map((choice) => (
              <li key={choice.id}>
                <Link href={auditHref({ ...search, role: choice.slug, before: undefined })}>{choice.title}</Link>
              </li>
            ))}
          </ul>
        </div>
      )}

      {search.role !== undefined && !role ? null : page.entries.length === 0 ? (
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
