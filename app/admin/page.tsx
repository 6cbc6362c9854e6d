// The admin home: every role (archived ones too) with its current figures and last edit,
// searchable and filterable by a plain GET form, sorted by the column headers and paged by
// numbered links, so every view is a link and all of it works without JavaScript.
import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { EditTime } from '@/components/admin/edit-time';
import { CategoryField } from '@/components/category-field';
import { ChoiceField } from '@/components/choice-field';
import { LabelledInput } from '@/components/labelled-input';
import { IgnoredParametersNotice } from '@/components/ignored-parameters-notice';
import { FilterButtons } from '@/components/admin/filter-buttons';
import { adminRoleSorts, listRolesForAdmin, type AdminRoleList, type AdminRoleSort, type SortOrder } from '@/db/role-edits';
import { roleStatuses } from '@/lib/domain/enums';
import { listCategories } from '@/db/role-reads';
import { readOrSignIn } from '@/lib/server/admin-read';
import { categorySlugSchema } from '@/lib/field-schemas';
import { formatCount, formatLastEditor } from '@/lib/domain/format';
import { RoleStatsCells } from '@/components/admin/role-stats-cells';
import { parseQueryFields, type RawSearchParams } from '@/lib/query-params';
import { MAX_QUERY_LENGTH, roleSearchFields } from '@/lib/role-search';
import { TableScroll } from '@/components/table-scroll';
import { PageLinks } from '@/components/admin/page-links';

export const metadata: Metadata = { title: 'Roles' };

const listFields = {
  q: roleSearchFields.q,
  status: z.enum(roleStatuses),
  category: categorySlugSchema(),
  sort: z.enum(Object.keys(adminRoleSorts) as [AdminRoleSort, ...AdminRoleSort[]]),
  order: z.enum(['asc', 'desc']),
  page: z.coerce.number().int().min(1).max(100_000),
};

const statusChoices = [
  { value: 'published', label: 'Published' },
  { value: 'archived', label: 'Archived' },
];

type ListView = { q?: string; status?: string; category?: string; sort?: AdminRoleSort; order?: SortOrder; page?: number };

/** The list's address for a view; the defaults (title, ascending, page 1) are left out so links stay short. */
function listHref({ q, status, category, sort, order, page }: ListView) {
  const query = new URLSearchParams();
  if (q) query.set('q', q);
  if (status) query.set('status', status);
  if (category) query.set('category', category);
  if (sort && sort !== 'title') query.set('sort', sort);
  if (sort && order && order !== adminRoleSorts[sort].firstOrder) query.set('order', order);
  if (page && page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `/admin?${text}` : '/admin';
}

const sortLabels: Record<AdminRoleSort, { label: string } & Record<SortOrder, string>> = {
  title: { label: 'Role', asc: 'A to Z', desc: 'Z to A' },
  category: { label: 'Category', asc: 'A to Z', desc: 'Z to A' },
  salary: { label: 'Average salary', asc: 'lowest first', desc: 'highest first' },
  updated: { label: 'Last edit', asc: 'oldest first', desc: 'newest first' },
};

/**
 * A column header that sorts by its column: a link to the first page in the column's first
 * direction, or, when the list is already sorted by it, in the other one.
 */
function SortHeader({ column, list, filter, className }: { column: AdminRoleSort; list: AdminRoleList; filter: ListView; className?: string }) {
  const current = list.sort === column;
  const nextOrder = current ? (list.order === 'asc' ? 'desc' : 'asc') : adminRoleSorts[column].firstOrder;
  return (
    <th scope="col" className={className} aria-sort={current ? (list.order === 'asc' ? 'ascending' : 'descending') : undefined}>
      <Link href={listHref({ ...filter, sort: column, order: nextOrder })} className="sort-link">
        {sortLabels[column].label}
        <span className="visually-hidden">, sort {sortLabels[column][nextOrder]}</span>
        {current && <span aria-hidden="true">{list.order === 'asc' ? '\u00a0▲' : '\u00a0▼'}</span>}
      </Link>
    </th>
  );
}

export default async function AdminRolesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const raw = await searchParams;
  const { values, ignored } = parseQueryFields(raw, listFields);
  const list = await readOrSignIn(listHref(values), (claims) => listRolesForAdmin(claims, values));
  const categories = await listCategories();
  const { items, total, page, pageSize, pageCount } = list;
  const filter = { q: values.q, status: values.status, category: values.category };
  const filtered = Boolean(filter.q || filter.status || filter.category);
  const view = { ...filter, sort: list.sort, order: list.order };

  return (
    <div className="stack">
      <div className="ends-apart role-admin__heading">
        <h1>Roles</h1>
        <Link href="/admin/roles/new" className="role-admin__new">
          New role
        </Link>
      </div>
      <form method="get" action="/admin" role="search" aria-label="Find roles" className="form-grid role-admin__filters">
        <LabelledInput id="q" label="Search" name="q" type="search" defaultValue={filter.q} maxLength={MAX_QUERY_LENGTH} />
        <ChoiceField id="status" label="Status" emptyLabel="Any status" choices={statusChoices} selected={filter.status} />
        <CategoryField categories={categories} selected={filter.category} />
        {/* A new search keeps the order but starts again at its first page. */}
        {list.sort !== 'title' && <input type="hidden" name="sort" value={list.sort} />}
        {list.order !== adminRoleSorts[list.sort].firstOrder && <input type="hidden" name="order" value={list.order} />}
        <FilterButtons filtered={filtered} clearHref="/admin" />
      </form>
      <IgnoredParametersNotice what="filters" names={ignored} />
      {items.length === 0 && total > 0 ? (
        <p className="notice" role="status">
          There is no page {formatCount(page)}: {pageCount === 1 ? 'the roles fit on one page' : `the roles fill ${formatCount(pageCount)} pages`}.{' '}
          <Link href={listHref({ ...view, page: pageCount })}>Go to the last page</Link>
        </p>
      ) : (
        <p className="hint" id="roles-count">
          {total === 0
            ? 'No roles match.'
            : total > items.length
              ? `Roles ${formatCount((page - 1) * pageSize + 1)}–${formatCount((page - 1) * pageSize + items.length)} of ${formatCount(total)}, page ${formatCount(page)} of ${formatCount(pageCount)}`
              : `${formatCount(total)} ${total === 1 ? 'role' : 'roles'}`}
        </p>
      )}
      {items.length > 0 && (
        <TableScroll label="Roles">
          <table className="data-table admin-roles">
            <thead>
              <tr>
                <SortHeader column="title" list={list} filter={filter} />
                <SortHeader column="category" list={list} filter={filter} />
                <SortHeader column="salary" list={list} filter={filter} className="number" />
                <th scope="col" className="number">
                  Job openings
                </th>
                <th scope="col" className="number">
                  Degree requirement
                </th>
                <SortHeader column="updated" list={list} filter={filter} />
              </tr>
            </thead>
            <tbody>
              {items.map((role) => (
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
                  <RoleStatsCells stats={role} className="number" />
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
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <PageLinks label="Pages of roles" page={page} pageCount={pageCount} hrefOf={(number) => listHref({ ...view, page: number })} />
    </div>
  );
}
