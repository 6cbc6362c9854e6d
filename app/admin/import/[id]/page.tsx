// An uploaded catalogue file: what applying it would do, row by row (new, changed with before →
// after of each field, edited since the last import, unchanged, invalid with line and reason),
// and the form that applies it. Once applied, what it did.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { applyCatalogueAction } from '../actions';
import { AuditValue, auditFieldLabel, byFormOrder } from '@/components/admin/audit-value';
import { CatalogueApplyForm } from '@/components/admin/catalogue-apply-form';
import { EditTime } from '@/components/admin/edit-time';
import { Pagination } from '@/components/pagination';
import { fieldChangesOf, type ImportCounts, type ImportPlan, type PlannedRole } from '@/db/catalogue-import';
import { getCatalogueUploadPreview } from '@/db/catalogue-uploads';
import { listCategories } from '@/db/role-reads';
import { readOrSignIn } from '@/lib/server/admin-read';
import { formatAverageSalary, formatByteSize, formatCount, formatLastEditor } from '@/lib/domain/format';
import { appliesNothing, changedFieldCounts, isFileProblem, nothingToApplyReason, pageOfRows, previewFilters, previewRows, type PreviewFilter, type PreviewRow } from '@/db/catalogue-import-preview';
import { emptyAsMissing, type RawSearchParams } from '@/lib/query-params';
import { TableScroll } from '@/components/table-scroll';
import { ColumnHeadings } from '@/components/column-headings';
import { BackLink } from '@/components/admin/back-link';

export const metadata: Metadata = { title: 'Import preview' };

const viewSchema = z.object({
  show: z.preprocess(emptyAsMissing, z.enum(previewFilters).default('all')).catch('all'),
  page: z.preprocess(emptyAsMissing, z.coerce.number().int().min(1).max(10_000).default(1)).catch(1),
});

const filterLabels: Record<PreviewFilter, string> = {
  all: 'All rows',
  new: 'New',
  changed: 'Changed',
  edited: 'Edited since import',
  unchanged: 'Unchanged',
  invalid: 'Invalid',
};

function countOf(counts: ImportCounts, filter: PreviewFilter) {
  return filter === 'all' ? counts.new + counts.changed + counts.edited + counts.unchanged + counts.invalid : counts[filter];
}

function StatusBadge({ row }: { row: PreviewRow }) {
  const status = row.kind === 'invalid' ? 'invalid' : row.status;
  return <span className={`badge import-status import-status--${status}`}>{filterLabels[status]}</span>;
}

function Changes({ role }: { role: Extract<PlannedRole, { kind: 'changed' }> }) {
  const { before, after } = fieldChangesOf(role);
  // Which figures are marked as set by hand is said above the changes, in words.
  const fields = Object.keys(after)
    .filter((field) => field !== 'editedFigures')
    .map((field) => ({ field }))
    .sort(byFormOrder);
  return (
    <dl className="import-changes">
      {fields.map(({ field }) => (
        <div key={field} className="import-changes__field">
          <dt>{auditFieldLabel(field)}</dt>
          <dd>
            <span className="import-changes__before">
              <span className="visually-hidden">from </span>
              <AuditValue field={field} value={before[field]} />
            </span>
            <span aria-hidden="true" className="import-changes__arrow">
              →
            </span>
            <span className="import-changes__after">
              <span className="visually-hidden">to </span>
              <AuditValue field={field} value={after[field]} />
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function RowDetails({ row, categoryNames }: { row: PreviewRow; categoryNames: Map<string, string> }) {
  if (row.kind === 'invalid') {
    return (
      <ul className="import-problems">
        {row.problems.map((problem, index) => (
          <li key={index}>
            {problem.column && <code>{problem.column}</code>}
            {problem.column && ': '}
            {problem.message}
          </li>
        ))}
      </ul>
    );
  }
  const { role } = row;
  if (role.kind === 'new') {
    const { content, stats } = role.values;
    return (
      <p className="import-new">
        {[content.socCode ? `SOC ${content.socCode}` : null, categoryNames.get(content.categorySlug) ?? content.categorySlug, `average salary ${formatAverageSalary(stats.averageSalary, stats.currency)}`]
          .filter(Boolean)
          .join(' · ')}
      </p>
    );
  }
  if (role.kind === 'unchanged') return <p className="muted import-new">Already as the file says.</p>;
  return (
    <>
      {role.handEditedFields.length > 0 && (
        <p className="import-edited">
          {role.editedSinceImport ? (
            <>
              Changed by {formatLastEditor(role.editedSinceImport, { commandLineImport: 'a command-line import', seed: 'someone' })} on{' '}
              <EditTime at={role.editedSinceImport.editedAt} /> after its last import.{' '}
            </>
          ) : null}
          This row would replace what an editor set by hand ({fieldNames(role.handEditedFields)}): left as it is unless you tick “Overwrite edited roles”.
        </p>
      )}
      {role.handEditedFields.length === 0 && role.handEditedFieldsKept.length > 0 && (
        <p className="hint">An editor set {fieldNames(role.handEditedFieldsKept)} by hand; this row does not change {role.handEditedFieldsKept.length === 1 ? 'it, so it stays' : 'them, so they stay'}.</p>
      )}
      <Changes role={role} />
    </>
  );
}

/** "average salary and summary", in the form's words. */
function fieldNames(fields: string[]) {
  const names = fields.map((field) => ({ field })).sort(byFormOrder).map(({ field }) => auditFieldLabel(field).toLowerCase());
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** What the rows to be written change, field by field: "3 roles: average salary". */
function ChangedFields({ plan }: { plan: ImportPlan }) {
  const fields = changedFieldCounts(plan).sort(byFormOrder);
  if (fields.length === 0) return null;
  return (
    <div>
      <h3 className="import-changed-fields__heading">What the updated roles change</h3>
      <ul className="import-changed-fields">
        {fields.map(({ field, roles }) => (
          <li key={field}>
            {formatCount(roles)} {roles === 1 ? 'role' : 'roles'}: {auditFieldLabel(field).toLowerCase()}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A partial file, said plainly: which columns it gives, and that everything else stays. */
function PartialFileNote({ columns }: { columns: string[] }) {
  return (
    <p className="hint">
      A partial file: it gives {columns.length === 1 ? 'the column' : 'the columns'} {columns.map((column, index) => (
        <span key={column}>
          {index > 0 && (index === columns.length - 1 ? ' and ' : ', ')}
          <code>{column}</code>
        </span>
      ))}
      . Each row changes only those; every other field of the role stays as it is, and rows for roles that do not exist yet cannot be imported (a new role needs every column).
    </p>
  );
}

function RoleCell({ row }: { row: PreviewRow }) {
  const label = row.kind === 'invalid' ? row.label : { slug: row.role.slug, title: row.role.title };
  if (!label) return <span className="muted">(unreadable row)</span>;
  const existing = row.kind === 'role' && row.role.kind !== 'new';
  return (
    <>
      {existing ? <Link href={`/admin/roles/${label.slug}`}>{label.title || label.slug}</Link> : <span>{label.title || '(no title)'}</span>}
      <br />
      <code className="import-slug">{label.slug || '(no slug)'}</code>
    </>
  );
}

function Summary({ plan }: { plan: ImportPlan }) {
  const filters = previewFilters.filter((filter) => filter !== 'all');
  return (
    <dl className="import-summary">
      {filters.map((filter) => (
        <div key={filter} className={`import-summary__item import-summary__item--${filter}`}>
          <dt>{filterLabels[filter]}</dt>
          <dd>{formatCount(countOf(plan.counts, filter))}</dd>
        </div>
      ))}
    </dl>
  );
}

export default async function ImportPreviewPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> }) {
  const { id } = await params;
  const view = viewSchema.parse(await searchParams);
  const preview = await readOrSignIn(`/admin/import/${encodeURIComponent(id)}`, (claims) => getCatalogueUploadPreview(claims, id));
  if (!preview) notFound();

  const heading = (
    <>
      <BackLink href="/admin/import">← Import roles</BackLink>
      <h1>
        Import <span className="import-file-name">{preview.fileName}</span>
      </h1>
      <p className="hint">
        {formatByteSize(preview.byteSize)}, uploaded by {preview.uploadedBy} on <EditTime at={preview.uploadedAt} />
      </p>
    </>
  );

  if (preview.applied) {
    const { outcome, by, at } = preview.applied;
    return (
      <div className="stack">
        {heading}
        <div className={`notice${outcome.created + outcome.updated > 0 ? ' notice--success' : ''}`} role="status">
          <p>
            Applied by {by ?? 'a former user'} on <EditTime at={at} />: {formatCount(outcome.created)} new {outcome.created === 1 ? 'role' : 'roles'},{' '}
            {formatCount(outcome.updated)} updated, {formatCount(outcome.unchanged)} unchanged
            {outcome.leftAlone > 0 && `, ${formatCount(outcome.leftAlone)} edited ${outcome.leftAlone === 1 ? 'role' : 'roles'} left as they were`}.
          </p>
        </div>
        <p>
          <Link href="/admin">See the roles</Link> · <Link href="/admin/audit">See every change in the audit log</Link> ·{' '}
          <Link href="/admin/import">Import another file</Link>
        </p>
      </div>
    );
  }

  const plan = preview.plan!;
  const categoryNames = new Map((await listCategories()).map((category) => [category.slug, category.name]));
  const fileProblems = plan.problems.filter(isFileProblem);
  const rows = previewRows(plan, preview.invalidRowLabels);
  const shown = pageOfRows(rows, view.show, view.page);
  const nothingToApply = appliesNothing(plan, false) ? nothingToApplyReason(plan.counts) : null;
  const hrefOf = (show: PreviewFilter, page = 1) => {
    const query = new URLSearchParams({ ...(show !== 'all' ? { show } : {}), ...(page > 1 ? { page: String(page) } : {}) }).toString();
    return `/admin/import/${preview.id}${query ? `?${query}` : ''}`;
  };

  return (
    <div className="stack">
      {heading}
      <section aria-labelledby="summary-heading" className="stack">
        <h2 id="summary-heading">What this file would do</h2>
        <Summary plan={plan} />
        {plan.partialColumns && <PartialFileNote columns={plan.partialColumns} />}
        {plan.problems.length === 0 && <ChangedFields plan={plan} />}
        {fileProblems.length > 0 ? (
          <div className="notice notice--error" role="alert">
            <p>
              Nothing can be applied: this file cannot be read as a catalogue. Fix it and <Link href="/admin/import">upload it again</Link>.
            </p>
            <ul>
              {fileProblems.map((problem, index) => (
                <li key={index}>
                  {problem.line === 1 && 'The header (line 1): '}
                  {problem.message}
                </li>
              ))}
            </ul>
          </div>
        ) : plan.problems.length > 0 ? (
          <div className="notice notice--error" role="alert">
            <p>
              Nothing can be applied until every row is valid: {formatCount(plan.counts.invalid)} {plan.counts.invalid === 1 ? 'row has' : 'rows have'} problems,
              listed below. Fix the file and <Link href="/admin/import">upload it again</Link>.
            </p>
          </div>
        ) : nothingToApply !== null && plan.counts.edited === 0 ? (
          <div className="import-apply stack">
            <h2>Apply this import</h2>
            <p className="notice" role="status" id="nothing-to-apply">
              {nothingToApply}
            </p>
            <div className="form-actions">
              <button type="button" disabled aria-describedby="nothing-to-apply">
                Apply import
              </button>
            </div>
          </div>
        ) : (
          <CatalogueApplyForm
            action={applyCatalogueAction}
            uploadId={preview.id}
            digest={preview.digest!}
            editedCount={plan.counts.edited}
            nothingUnlessOverwritten={nothingToApply}
          />
        )}
      </section>

      {rows.length > 0 && (
        <section aria-labelledby="rows-heading" className="stack">
          <h2 id="rows-heading">Row by row</h2>
          <nav aria-label="Show rows" className="import-filters">
            <ul>
              {previewFilters.map((filter) => (
                <li key={filter}>
                  <Link href={hrefOf(filter)} aria-current={filter === view.show ? 'page' : undefined}>
                    {filterLabels[filter]} ({formatCount(countOf(plan.counts, filter))})
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {shown.total === 0 ? (
            <p>No rows are {filterLabels[view.show].toLowerCase()}.</p>
          ) : (
            <>
              <p className="hint">
                {shown.pageCount > 1
                  ? `Page ${formatCount(shown.page)} of ${formatCount(shown.pageCount)} (${formatCount(shown.total)} rows)`
                  : `${formatCount(shown.total)} ${shown.total === 1 ? 'row' : 'rows'}`}
              </p>
              <TableScroll label={`${filterLabels[view.show]} of the file, in file order`}>
                <table className="data-table import-rows">
                  <caption className="visually-hidden">{filterLabels[view.show]} of the file, in file order</caption>
                  <ColumnHeadings columns={[{ label: 'Line', number: true }, 'Role', 'Status', 'Details']} />
                  <tbody>
                    {shown.rows.map((row) => (
                      <tr key={row.place} className={`import-row import-row--${row.kind === 'invalid' ? 'invalid' : row.status}`}>
                        <td className="number">{formatCount(row.place)}</td>
                        <th scope="row">
                          <RoleCell row={row} />
                        </th>
                        <td>
                          <StatusBadge row={row} />
                        </td>
                        <td>
                          <RowDetails row={row} categoryNames={categoryNames} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              <Pagination
                previousHref={shown.page > 1 ? hrefOf(view.show, shown.page - 1) : null}
                nextHref={shown.page < shown.pageCount ? hrefOf(view.show, shown.page + 1) : null}
              />
            </>
          )}
        </section>
      )}
    </div>
  );
}
