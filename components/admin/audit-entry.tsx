// One audit log entry: when, who, what was done to which role or user, and before → after for
// every field the change touched.
import Link from 'next/link';
import { AuditValue, auditFieldLabel, byFormOrder } from './audit-value';
import { EditTime } from './edit-time';
import type { AuditEntryView, AuditSubject } from '@/db/audit-reads';
import { TableScroll } from '@/components/table-scroll';

const actionLabels: Record<string, string> = {
  'role.create': 'Created role',
  'role.update': 'Edited role',
  'role.archive': 'Archived role',
  'role.restore': 'Restored role',
  'role.revert': 'Reverted role figures',
  'user.create': 'Created user',
  'user.role': 'Changed user role',
  'user.disable': 'Disabled user',
  'user.enable': 'Enabled user',
  'user.password': 'Reset password',
  'user.sign-out-everywhere': 'Signed user out everywhere',
};

/** What an entry without fields means, since it has nothing to show as before → after. */
const actionDescriptions: Record<string, string> = {
  'user.password': 'A new password was set and every session of the user ended.',
  'user.sign-out-everywhere': 'Every session of the user ended.',
};

export function auditActionLabel(action: string) {
  return actionLabels[action] ?? action;
}

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
    case 'other':
      return (
        <>
          {subject.entityType} #{subject.id}
        </>
      );
  }
}

export function AuditEntry({ entry }: { entry: AuditEntryView }) {
  const headingId = `audit-entry-${entry.id}`;
  return (
    <article className="audit-entry" aria-labelledby={headingId}>
      <h2 className="audit-entry__heading" id={headingId}>
        {auditActionLabel(entry.action)}: <Subject subject={entry.subject} />
      </h2>
      <p className="audit-entry__meta">
        <EditTime at={entry.createdAt} /> by {entry.actor ? entry.actor.name : 'the system'}{' '}
        <code className="audit-entry__code">{entry.action}</code>
      </p>
      {entry.changes.length > 0 ? (
        <TableScroll label="Fields changed">
          <table className="data-table audit-entry__changes">
            <caption className="visually-hidden">Fields changed</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
              </tr>
            </thead>
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
