// One recorded value of the audit log, formatted for people: figures with separators, dates
// spelled out, lists as lists. Everything is rendered as React text, so HTML or script typed
// into a role shows as the characters it is and never runs.
import { formatCount, formatDate, formatPercent } from '@/lib/format';
import { percentileKeys, percentileLabels, roleFieldLabels } from '@/lib/role-fields';

const fieldLabels: Record<string, string> = {
  ...roleFieldLabels,
  // Roles: the note a save that changed figures gave (db/role-edits.ts updateRole)
  editNote: 'Source of the new figures / note',
  // Users
  email: 'Email',
  name: 'Name',
  role: 'Role',
  // Both: published/archived, enabled/disabled
  status: 'Status',
};

export function auditFieldLabel(field: string) {
  return fieldLabels[field] ?? field;
}

const fieldOrder = Object.keys(fieldLabels);

/** The fields in the order of the forms they come from; unknown ones last. */
export function byFormOrder(first: { field: string }, second: { field: string }) {
  const rank = (field: string) => (fieldOrder.includes(field) ? fieldOrder.indexOf(field) : fieldOrder.length);
  return rank(first.field) - rank(second.field) || first.field.localeCompare(second.field);
}

const amountFields = new Set(['averageSalary', 'jobOpenings']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStep(value: unknown): value is { heading: unknown; body: unknown } {
  return isRecord(value) && 'heading' in value && 'body' in value;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export function AuditValue({ field, value }: { field: string; value: unknown }) {
  if (value === null || value === undefined || value === '') return <span className="muted">(empty)</span>;
  if (typeof value === 'boolean') return <>{value ? 'Yes' : 'No'}</>;
  if (typeof value === 'number') {
    if (field === 'degreeRequirementPercent') return <>{formatPercent(value)}</>;
    return <>{amountFields.has(field) ? formatCount(value) : String(value)}</>;
  }
  if (typeof value === 'string') {
    if (field === 'asOf' && isoDate.test(value)) return <>{formatDate(value)}</>;
    return <span className="audit-value__text">{value}</span>;
  }
  if (field === 'percentiles' && isRecord(value)) {
    return (
      <dl className="audit-value__pairs">
        {percentileKeys.map((key) => (
          <div key={key}>
            <dt>{percentileLabels[key]}</dt>
            <dd>{typeof value[key] === 'number' ? formatCount(value[key]) : String(value[key] ?? '')}</dd>
          </div>
        ))}
      </dl>
    );
  }
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || isStep(item))) {
    return (
      <ol className="audit-value__list">
        {value.map((item, index) => (
          <li key={index} className="audit-value__text">
            {isStep(item) ? (
              <>
                <strong>{String(item.heading)}</strong>: {String(item.body)}
              </>
            ) : (
              item
            )}
          </li>
        ))}
      </ol>
    );
  }
  return <pre className="audit-value__json">{JSON.stringify(value, null, 2)}</pre>;
}
