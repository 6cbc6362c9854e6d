// After a conflicting save: every field where the other editor's saved value and this editor's
// typed value differ, side by side.
import { percentileKeys, percentileLabels, roleFieldLabels, type RoleFormValues } from '@/lib/role-schemas';

function comparableFields(values: RoleFormValues): [label: string, value: string][] {
  const { content, stats } = values;
  const labels = roleFieldLabels;
  return [
    [labels.jobOpenings, stats.jobOpenings],
    [labels.averageSalary, stats.averageSalary],
    [labels.currency, stats.currency],
    [labels.degreeRequirementPercent, stats.degreeRequirementPercent],
    ...percentileKeys.map((key): [string, string] => [percentileLabels[key], stats.percentiles[key]]),
    [labels.asOf, stats.asOf],
    [labels.source, stats.source],
    [labels.title, content.title],
    [labels.slug, content.slug],
    [labels.categorySlug, content.categorySlug],
    [labels.summary, content.summary],
    [labels.salaryTemplate, content.salaryTemplate],
    [labels.responsibilitiesIntro, content.responsibilitiesIntro],
    [labels.responsibilities, content.responsibilities.join('\n')],
    [labels.responsibilitiesOutro, content.responsibilitiesOutro],
    [labels.howToBecomeIntro, content.howToBecomeIntro],
    [labels.howToBecomeSteps, content.howToBecomeSteps.map((step) => `${step.heading}: ${step.body}`).join('\n')],
    [labels.howToBecomeOutro, content.howToBecomeOutro],
  ];
}

export function RoleConflictTable({ theirs, yours }: { theirs: RoleFormValues; yours: RoleFormValues }) {
  const yourFields = new Map(comparableFields(yours));
  const differing = comparableFields(theirs).filter(([label, value]) => value.trim() !== (yourFields.get(label) ?? '').trim());
  if (differing.length === 0) return <p className="role-form__message">Your values match theirs.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table role-conflict-table">
        <caption className="visually-hidden">Fields changed by the other editor or by you</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Their value</th>
            <th scope="col">Your value</th>
          </tr>
        </thead>
        <tbody>
          {differing.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="role-conflict-table__value">{value || '(empty)'}</td>
              <td className="role-conflict-table__value">{yourFields.get(label) || '(empty)'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
