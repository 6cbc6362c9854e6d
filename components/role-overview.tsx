import type { RoleDetail } from '@/db/roles';
import { formatJobOpenings, formatPercent, formatSalary } from '@/lib/format';

export function RoleOverview({ stats }: { stats: RoleDetail['stats'] }) {
  return (
    <dl className="overview">
      <div className="overview__item">
        <dt>Job openings</dt>
        <dd>{formatJobOpenings(stats.jobOpenings)}</dd>
      </div>
      <div className="overview__item">
        <dt>Average Salary</dt>
        <dd>{formatSalary(stats.averageSalary, stats.currency)}</dd>
      </div>
      <div className="overview__item">
        <dt>Degree Requirement</dt>
        <dd>{formatPercent(stats.degreeRequirementPercent)}</dd>
      </div>
    </dl>
  );
}
