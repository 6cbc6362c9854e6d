import Link from 'next/link';
import type { Percentiles } from '@/db/role-columns';
import type { RoleListItem, RoleStateFigures } from '@/db/role-reads';
import { compareHref } from '@/lib/server/compare';
import { formatPostingCount } from '@/lib/jobs/posting-display';
import {
  formatCount,
  formatDegreeRequirement,
  formatLocationQuotient,
  formatPercentile,
  formatVersusNational,
  jobOpeningsParts,
  NOT_PUBLISHED,
} from '@/lib/domain/format';
import { formatPayMean, listedPayOf, meanLabel, statePayOf } from '@/lib/pay';
import { payRangeLabels } from '@/lib/domain/role-fields';
import { SalaryMarker } from './charts/salary-marker';

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** `addTo`: the roles of a comparison being added to (the listing's pick mode); each card then offers to join it. */
export function RoleList({ roles, addTo }: { roles: RoleListItem[]; addTo?: string[] }) {
  return (
    <ul className="role-list">
      {roles.map((role) => {
        return (
          <li key={role.id} className="role-card">
            <div className="role-card__heading">
              <h3 className="role-card__title">
                <Link href={role.inState ? `/roles/${role.slug}/states/${role.inState.state.slug}` : `/roles/${role.slug}`}>{role.title}</Link>
              </h3>
              <p className="role-card__category">{role.categoryName}</p>
            </div>
            {addTo &&
              (addTo.includes(role.slug) ? (
                <p className="role-card__compare">In your comparison</p>
              ) : (
                <p className="role-card__compare">
                  {/* The name starts with the words shown, so voice control users can say what they see. */}
                  <Link href={compareHref([...addTo, role.slug], role.inState?.state)} aria-label={`Add to comparison: ${role.title}`}>
                    Add to comparison
                  </Link>
                </p>
              ))}
            <p className="role-card__summary">{role.summary}</p>
            {role.openPostings !== undefined && role.openPostings > 0 && (
              <p className="role-card__postings">
                <Link href={`/jobs?${new URLSearchParams({ occupation: role.slug, ...(role.inState && { state: role.inState.state.postalCode }) })}`}>
                  {formatPostingCount(role.openPostings, { open: true })}
                  {role.inState ? ` in ${role.inState.state.name}` : ''}
                </Link>{' '}
                <span className="role-card__detail">in job postings</span>
              </p>
            )}
            {role.inState ? <StateFigures role={role} inState={role.inState} /> : <NationalFigures role={role} />}
          </li>
        );
      })}
    </ul>
  );
}

function NationalFigures({ role }: { role: RoleListItem }) {
  const openings = jobOpeningsParts(role.jobOpenings, role.jobOpeningsBasis);
  const pay = listedPayOf(role);
  return (
    <div className="role-card__figures">
      <dl className="role-card__stats">
        <div>
          <dt>{meanLabel[pay.unit]}</dt>
          <dd>{formatPayMean(pay)}</dd>
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
        <TypicalEducation education={role.entryEducation} />
      </dl>
      <SalaryRange title={role.title} averageSalary={role.averageSalary} percentiles={role.percentiles} currency={role.currency} />
    </div>
  );
}

/** In a listing of a state: the state's pay and employment, and the national average to compare. */
function StateFigures({ role, inState }: { role: RoleListItem; inState: RoleStateFigures }) {
  const pay = statePayOf(inState);
  const nationalPay = listedPayOf(role);
  return (
    <div className="role-card__figures">
      <dl className="role-card__stats">
        <div>
          <dt>
            {meanLabel[pay.unit]} in {inState.state.name}
          </dt>
          <dd>
            {formatPayMean(pay)}
            {pay.mean !== null && nationalPay.mean !== null && pay.unit === nationalPay.unit && (
              <span className="role-card__detail"> {formatVersusNational(pay.mean, nationalPay.mean)}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Employed in {inState.state.name}</dt>
          <dd>{inState.employment === null ? NOT_PUBLISHED : formatCount(inState.employment)}</dd>
        </div>
        {inState.locationQuotient !== null && (
          <div>
            <dt>Concentration</dt>
            <dd>
              {formatLocationQuotient(inState.locationQuotient)} <span className="role-card__detail">× the U.S. share of jobs</span>
            </dd>
          </div>
        )}
        <TypicalEducation education={role.entryEducation} />
      </dl>
      <SalaryRange title={role.title} averageSalary={inState.averageSalary} percentiles={inState.percentiles} currency={role.currency} />
    </div>
  );
}

/** BLS's typical education for entry (national, so the same in every state); left out where not known. */
function TypicalEducation({ education }: { education: string | null }) {
  if (!education) return null;
  return (
    <div className="role-card__education">
      <dt>Typical education</dt>
      <dd>{education}</dd>
    </div>
  );
}

function SalaryRange({ title, averageSalary, percentiles, currency }: { title: string; averageSalary: number | null; percentiles: Percentiles | null; currency: string }) {
  if (averageSalary === null && !percentiles) return null;
  return (
    <div className="role-card__salary">
      <SalaryMarker title={title} averageSalary={averageSalary} percentiles={percentiles} currency={currency} />
      {percentiles && (
        <p className="role-card__range">
          {payRangeLabels.tenthToNinetieth}: {formatPercentile(percentiles, 'p10', currency)} to {formatPercentile(percentiles, 'p90', currency)}
        </p>
      )}
    </div>
  );
}
