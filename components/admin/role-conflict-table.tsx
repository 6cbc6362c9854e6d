// After a conflicting save: every field where the other editor's saved value and this editor's
// differ, side by side, and what saving again does with it. Fields only they changed keep their
// value; fields this editor changed (alone or as well) get this editor's.
// Type-only: lib/role-merge.ts is server code.
import type { RoleConflictDetail, RoleFieldKey } from '@/lib/role-merge';
import { percentileKeys, percentileLabels, roleFieldLabels } from '@/lib/domain/role-fields';
import type { RoleFormValues } from '@/lib/role-form';
import { TableScroll } from '@/components/table-scroll';
import { ColumnHeadings } from '@/components/column-headings';

/** One field's value as text; lists one item per line. */
function shownValue(values: RoleFormValues, key: RoleFieldKey): string {
  const { content, stats } = values;
  switch (key) {
    case 'responsibilities':
      return content.responsibilities.join('\n');
    case 'howToBecomeSteps':
      return content.howToBecomeSteps.map((step) => `${step.heading}: ${step.body}`).join('\n');
    case 'percentiles':
      return percentileKeys.every((percentile) => stats.percentiles[percentile] === '')
        ? ''
        : percentileKeys.map((percentile) => `${percentileLabels[percentile]}: ${stats.percentiles[percentile]}`).join('\n');
    default: {
      // Every other field is one text.
      const texts: Record<string, unknown> = { ...content, ...stats };
      return String(texts[key] ?? '');
    }
  }
}

/** The merge keeps their value unless you changed the field. */
function outcome(key: RoleFieldKey, { changedByYou, changedByThem }: RoleConflictDetail) {
  if (!changedByYou.includes(key)) return 'Theirs is kept: only they changed it';
  return changedByThem.includes(key) ? 'Yours is saved: you both changed it' : 'Yours is saved: only you changed it';
}

export function RoleConflictTable({ conflict }: { conflict: RoleConflictDetail }) {
  const differing = (Object.keys(roleFieldLabels) as RoleFieldKey[])
    .map((key) => ({ key, theirs: shownValue(conflict.theirs, key), yours: shownValue(conflict.yours, key) }))
    .filter((field) => field.theirs !== field.yours);
  if (differing.length === 0) return <p className="role-form__message">Your values match theirs.</p>;
  return (
    <TableScroll label="Fields where their saved value and yours differ">
      <table className="data-table role-conflict-table">
        <caption className="visually-hidden">Fields where their saved value and yours differ</caption>
        <ColumnHeadings columns={['Field', 'Their value', 'Your value', 'If you save again']} />
        <tbody>
          {differing.map((field) => (
            <tr key={field.key}>
              <th scope="row">{roleFieldLabels[field.key]}</th>
              <td className="role-conflict-table__value">{field.theirs || '(empty)'}</td>
              <td className="role-conflict-table__value">{field.yours || '(empty)'}</td>
              <td>{outcome(field.key, conflict)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
