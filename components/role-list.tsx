import Link from 'next/link';
import type { RoleListItem } from '@/db/roles';
import { formatAverageSalary, formatDegreeRequirement, formatEmployment, formatJobOpenings, formatPercentile } from '@/lib/format';
import { SalaryMarker } from './charts/salary-marker';

export function RoleList({ roles }: { roles: RoleListItem[] }) {
  return (
    <ul className="role-list">
      {roles.map((role) => (
        <li key={role.id} className="role-card">
          <h3 className="role-card__title">
            <Link href={`/roles/${role.slug}`}>{role.title}</Link>
          </h3>
          <p className="role-card__category">{role.categoryName}</p>
          <p className="role-card__summary">{role.summary}</p>
          <dl className="role-card__stats">
            <div>
              <dt>Average salary</dt>
              <dd>{formatAverageSalary(role.averageSalary, role.currency)}</dd>
            </div>
            <div>
              <dt>Job openings</dt>
              <dd>{formatJobOpenings(role.jobOpenings, role.jobOpeningsBasis)}</dd>
            </div>
            {role.degreeRequirementPercent !== null ? (
              <div>
                <dt>Degree requirement</dt>
                <dd>{formatDegreeRequirement(role.degreeRequirementPercent)}</dd>
              </div>
            ) : (
              role.employment !== null && (
                <div>
                  <dt>Employment</dt>
                  <dd>{formatEmployment(role.employment)}</dd>
                </div>
              )
            )}
          </dl>
          {(role.averageSalary !== null || role.percentiles) && (
            <div className="role-card__salary">
              <SalaryMarker title={role.title} averageSalary={role.averageSalary} percentiles={role.percentiles} currency={role.currency} />
              {role.percentiles && (
                <p className="role-card__range">
                  8 in 10 earn {formatPercentile(role.percentiles, 'p10', role.currency)} to {formatPercentile(role.percentiles, 'p90', role.currency)}; the marker is the average, on one
                  scale for every role.
                </p>
              )}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
