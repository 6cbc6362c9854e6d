// One recorded value of the audit log, formatted for people: figures with separators, dates
// spelled out, lists as lists. Everything is rendered as React text, so HTML or script typed
// into a role shows as the characters it is and never runs.
import { formatCount, formatDate } from '@/lib/domain/format';
import { percentileLabels, roleFieldLabels } from '@/lib/domain/role-fields';

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

/** Labels of the fields inside a recorded figure (hourly wages, the outlook, an edited figure's note). */
const partLabels: Record<string, string> = {
  mean: 'Mean',
  ...percentileLabels,
  topCoded: 'Top-coded percentiles',
  startYear: 'Start year',
  endYear: 'End year',
  startEmployment: 'Employment at the start',
  endEmployment: 'Employment at the end',
  changePercent: 'Change',
  editedAt: 'Edited',
  note: 'Note',
};
const partOrder = Object.keys(partLabels);

/**
 * Every number in one format, as the rest of the site writes it: "45,840", "16.06" for an hourly
 * amount, "15.8%" for a percentage; years stay "2034".
 */
export function formatAuditNumber(field: string, value: number) {
  if (/Year$/.test(field)) return String(value);
  if (/Percent$/.test(field)) return new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
  if (Number.isInteger(value)) return formatCount(value);
  return new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStep(value: unknown): value is { heading: unknown; body: unknown } {
  return isRecord(value) && 'heading' in value && 'body' in value;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoTime = /^\d{4}-\d{2}-\d{2}T/;

export function AuditValue({ field, value }: { field: string; value: unknown }) {
  if (value === null || value === undefined || value === '') return <span className="muted">(empty)</span>;
  if (typeof value === 'boolean') return <>{value ? 'Yes' : 'No'}</>;
  if (typeof value === 'number') return <>{formatAuditNumber(field, value)}</>;
  if (typeof value === 'string') {
    if ((field === 'asOf' || field === 'editedAt') && (isoDate.test(value) || isoTime.test(value))) return <>{formatDate(value.slice(0, 10))}</>;
    return <span className="audit-value__text">{value}</span>;
  }
  if (isRecord(value)) {
    // Parts in the order people read them (jsonb keeps no key order); a nested record's keys are
    // field names (edited figures) or parts (percentiles, hourly wages, the outlook).
    const rank = (key: string) => (partOrder.includes(key) ? partOrder.indexOf(key) : partOrder.length);
    const keys = Object.keys(value).sort((first, second) => rank(first) - rank(second) || first.localeCompare(second));
    return (
      <dl className="audit-value__pairs">
        {keys.map((key) => (
          <div key={key}>
            <dt>{partLabels[key] ?? auditFieldLabel(key)}</dt>
            <dd>
              <AuditValue field={key} value={value[key]} />
            </dd>
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
              field === 'topCoded' && Object.hasOwn(percentileLabels, item) ? percentileLabels[item as keyof typeof percentileLabels] : item
            )}
          </li>
        ))}
      </ol>
    );
  }
  return <pre className="audit-value__json">{JSON.stringify(value, null, 2)}</pre>;
}
