import Link from 'next/link';
import type { RoleListItem } from '@/db/roles';
import { compareHref } from '@/lib/compare';
import { formatAverageSalary, formatCount, formatDegreeRequirement, formatPercentile, jobOpeningsParts } from '@/lib/format';
import { SalaryMarker } from './charts/salary-marker';

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** `addTo`: the roles of a comparison being added to (the listing's pick mode); each card then offers to join it. */
export function RoleList({ roles, addTo }: { roles: RoleListItem[]; addTo?: string[] }) {
  return (
    <ul className="role-list">
      {roles.map((role) => {
        const openings = jobOpeningsParts(role.jobOpenings, role.jobOpeningsBasis);
        return (
          <li key={role.id} className="role-card">
            <div className="role-card__heading">
              <h3 className="role-card__title">
                <Link href={`/roles/${role.slug}`}>{role.title}</Link>
              </h3>
              <p className="role-card__category">{role.categoryName}</p>
            </div>
            {addTo &&
              (addTo.includes(role.slug) ? (
                <p className="role-card__compare">In your comparison</p>
              ) : (
                <p className="role-card__compare">
                  {/* The name starts with the words shown, so voice control users can say what they see. */}
                  <Link href={compareHref([...addTo, role.slug])} aria-label={`Add to comparison: ${role.title}`}>
                    Add to comparison
                  </Link>
                </p>
              ))}
            <p className="role-card__summary">{role.summary}</p>
            <div className="role-card__figures">
              <dl className="role-card__stats">
                <div>
                  <dt>Average salary</dt>
                  <dd>{formatAverageSalary(role.averageSalary, role.currency)}</dd>
                </div>
                <div>
                  <dt>Job openings</dt>
                  <dd>
                    {/* "About 124,200 projected a year"; "1 job opening" */}
                    {capitalize(openings.figure)} <span className="role-card__detail">{role.jobOpeningsBasis === 'projected-per-year' ? openings.brief : openings.counts}</span>
                  </dd>
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
                      <dd>{formatCount(role.employment)}</dd>
                    </div>
                  )
                )}
              </dl>
              {(role.averageSalary !== null || role.percentiles) && (
                <div className="role-card__salary">
                  <SalaryMarker title={role.title} averageSalary={role.averageSalary} percentiles={role.percentiles} currency={role.currency} />
                  {role.percentiles && (
                    <p className="role-card__range">
                      8 in 10 earn {formatPercentile(role.percentiles, 'p10', role.currency)} to {formatPercentile(role.percentiles, 'p90', role.currency)}
                    </p>
                  )}
                </div>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
