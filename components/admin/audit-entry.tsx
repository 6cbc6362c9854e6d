// One audit log entry: when, who, what was done to which role or user, and before → after for
// every field the change touched; or one import, with its counts and the roles it touched.
import Link from 'next/link';
import { auditActionLabel } from '@/lib/audit-actions';
import { formatCount } from '@/lib/domain/format';
import { AuditValue, auditFieldLabel, byFormOrder } from './audit-value';
import { EditTime } from './edit-time';
import type { AuditEntryView, AuditSubject, ImportRun } from '@/db/audit-reads';
import { TableScroll } from '@/components/table-scroll';
import { ColumnHeadings } from '@/components/column-headings';

/** What an entry without fields means, since it has nothing to show as before → after. */
const actionDescriptions: Record<string, string> = {
  'user.password': 'A new password was set and every session of the user ended.',
  'user.sign-out-everywhere': 'Every session of the user ended.',
};

function Subject({ subject }: { subject: AuditSubject }) {
  switch (subject.type) {
    case 'role':
      return subject.slug && subject.title ? (
        <Link href={`/admin/roles/${subject.slug}`}>{subject.title}</Link>
      ) : (
        <>Role #{subject.id} (no longer exists)</>
      );
    case 'user':
      return subject.name ? (
        <>
          {subject.name} ({subject.email})
        </>
      ) : (
        <>User #{subject.id} (no longer exists)</>
      );
    case 'import-run':
      return <>{importRunTitle(subject)}</>;
    case 'other':
      return (
        <>
          {subject.entityType} #{subject.id}
        </>
      );
  }
}

function countOf(count: number, one: string, many: string) {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** "Import of catalogue.csv: 2 new roles, 828 roles updated". */
function importRunTitle({ upload, created, updated }: ImportRun) {
  const counts = [created > 0 && countOf(created, 'new role', 'new roles'), updated > 0 && `${countOf(updated, 'role', 'roles')} updated`].filter(Boolean).join(', ');
  return `${upload ? `Import of ${upload.fileName}` : 'Command-line import'}: ${counts}`;
}

/** The roles an import touched, folded away: the first ones by title, and the way to every role's changes. */
function ImportRunRoles({ entryId, run }: { entryId: number; run: ImportRun }) {
  const total = run.created + run.updated;
  return (
    <details className="audit-entry__run">
      <summary>{total > run.roles.length ? `The first ${formatCount(run.roles.length)} of its ${formatCount(total)} roles` : `Its ${countOf(total, 'role', 'roles')}`}</summary>
      <ul className="audit-entry__run-roles">
        {run.roles.map((role) => (
          <li key={role.id}>
            {role.slug && role.title ? <Link href={`/admin/roles/${role.slug}`}>{role.title}</Link> : <>Role #{role.id} (no longer exists)</>}
            {role.created && <span className="badge">New</span>}
          </li>
        ))}
      </ul>
      <p>
        <Link href={`/admin/audit?import=${entryId}`}>{total > run.roles.length ? `What changed in each of the ${formatCount(total)} roles` : 'What changed in each role'}</Link>
        {run.upload && (
          <>
            {' '}
            · <Link href={`/admin/import/${run.upload.id}`}>The import’s summary</Link>
          </>
        )}
      </p>
    </details>
  );
}

export function AuditEntry({ entry }: { entry: AuditEntryView }) {
  const headingId = `audit-entry-${entry.id}`;
  const run = entry.subject.type === 'import-run' ? entry.subject : null;
  return (
    <article className="audit-entry" aria-labelledby={headingId}>
      <h2 className="audit-entry__heading" id={headingId}>
        {run ? importRunTitle(run) : <>{auditActionLabel(entry.action)}: <Subject subject={entry.subject} /></>}
      </h2>
      <p className="audit-entry__meta">
        <EditTime at={entry.createdAt} /> by {entry.actor ? entry.actor.name : 'the system'}{' '}
        {!run && <code className="audit-entry__code">{entry.action}</code>}
      </p>
      {run ? (
        <ImportRunRoles entryId={entry.id} run={run} />
      ) : entry.changes.length > 0 ? (
        <TableScroll label="Fields changed">
          <table className="data-table audit-entry__changes">
            <caption className="visually-hidden">Fields changed</caption>
            <ColumnHeadings columns={['Field', 'Before', 'After']} />
            <tbody>
              {[...entry.changes].sort(byFormOrder).map((change) => (
                <tr key={change.field}>
                  <th scope="row">{auditFieldLabel(change.field)}</th>
                  <td>
                    <AuditValue field={change.field} value={change.before} />
                  </td>
                  <td>
                    <AuditValue field={change.field} value={change.after} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="audit-entry__description">{actionDescriptions[entry.action] ?? 'No fields recorded.'}</p>
      )}
    </article>
  );
}
