// The admin home: every role (archived ones too) with its current figures and last edit,
// searchable and filterable by a plain GET form, so every view is a link.
import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { EditTime } from '@/components/admin/edit-time';
import { CategoryField } from '@/components/category-field';
import { IgnoredParametersNotice } from '@/components/ignored-parameters-notice';
import { listRolesForAdmin } from '@/db/role-edits';
import { roleStatus } from '@/db/schema';
import { listCategories } from '@/db/role-reads';
import { readOrSignIn } from '@/lib/admin-read';
import { categorySlugSchema } from '@/lib/field-schemas';
import { formatAverageSalary, formatCount, formatDegreeRequirement, formatLastEditor, jobOpeningsParts } from '@/lib/format';
import { parseQueryFields, type RawSearchParams } from '@/lib/query-params';
import { MAX_QUERY_LENGTH, roleSearchFields } from '@/lib/role-search';
import { TableScroll } from '@/components/table-scroll';

export const metadata: Metadata = { title: 'Roles' };

const filterFields = { q: roleSearchFields.q, status: z.enum(roleStatus.enumValues), category: categorySlugSchema() };

export default async function AdminRolesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const raw = await searchParams;
  const { values: filter, ignored } = parseQueryFields(raw, filterFields);
  const result = await readOrSignIn('/admin', (claims) => listRolesForAdmin(claims, filter));
  const categories = await listCategories();
  const { items, total, limit } = result;
  const filtered = Boolean(filter.q || filter.status || filter.category);

  return (
    <div className="stack">
      <div className="role-admin__heading">
        <h1>Roles</h1>
        <Link href="/admin/roles/new" className="role-admin__new">
          New role
        </Link>
      </div>
      <form method="get" action="/admin" role="search" aria-label="Find roles" className="form-grid role-admin__filters">
        <div className="field">
          <label htmlFor="q">Search</label>
          <input id="q" name="q" type="search" defaultValue={filter.q} maxLength={MAX_QUERY_LENGTH} />
        </div>
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={filter.status ?? ''}>
            <option value="">Any status</option>
            <option value="published">Published</option>
            <option value="archived">Archived</option>
          </select>
        </div>
        <CategoryField categories={categories} selected={filter.category} />
        <div className="form-actions">
          <button type="submit">Filter</button>
          {filtered && <Link href="/admin">Clear filters</Link>}
        </div>
      </form>
      <IgnoredParametersNotice what="filters" names={ignored} />
      <p className="hint">
        {total === 0
          ? 'No roles match.'
          : total > items.length
            ? `Showing the first ${formatCount(limit)} of ${formatCount(total)} roles; search to narrow them down.`
            : `${formatCount(total)} ${total === 1 ? 'role' : 'roles'}`}
      </p>
      {items.length > 0 && (
        <TableScroll label="Roles">
          <table className="data-table admin-roles">
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col">Category</th>
                <th scope="col" className="number">
                  Average salary
                </th>
                <th scope="col" className="number">
                  Job openings
                </th>
                <th scope="col" className="number">
                  Degree requirement
                </th>
                <th scope="col">Last edit</th>
              </tr>
            </thead>
            <tbody>
              {items.map((role) => {
                const openings = jobOpeningsParts(role.jobOpenings, role.jobOpeningsBasis);
                return (
                  <tr key={role.id}>
                    <th scope="row">
                      <Link href={`/admin/roles/${role.slug}`}>{role.title}</Link>
                      {role.status === 'archived' && (
                        <>
                          {' '}
                          <span className="badge">Archived</span>
                        </>
                      )}
                    </th>
                    <td className="admin-roles__category">{role.categoryName}</td>
                    <td className="number">{formatAverageSalary(role.averageSalary, role.currency)}</td>
                    <td className="number">
                      {openings.figure}
                      <br />
                      <span className="hint">{openings.brief}</span>
                    </td>
                    <td className="number">{formatDegreeRequirement(role.degreeRequirementPercent)}</td>
                    <td>
                      {formatLastEditor(role.lastEdit)} ·{' '}
                      <Link href={`/admin/roles/${role.slug}/history`} aria-label={`History of ${role.title}`}>
                        History
                      </Link>
                      <br />
                      <span className="hint">
                        <EditTime at={role.lastEdit.editedAt} />
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
