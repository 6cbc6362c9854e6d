// "Best-paid jobs without a degree": the common question, answered from BLS's typical education
// for entry. The best-paid of every occupation below an associate's degree, then the best-paid
// at each of those levels, each linking to the listing filtered to it.
import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import type { EducationRankedRole } from '@/db/role-reads';
import { getBestPaidWithoutDegree } from '@/lib/server/cached-public-reads';
import { educationLevels } from '@/lib/education';
import { formatCount, formatSalary } from '@/lib/domain/format';
import { toQueryString } from '@/lib/role-search';

export const metadata: Metadata = {
  title: 'Best-paid jobs without a degree',
  description:
    'The best-paid occupations whose typical entry education is below a college degree: no formal credential, a high school diploma, some college or a postsecondary certificate. BLS wages (May 2024) and education (2024–34).',
  alternates: { canonical: '/jobs-without-a-degree' },
};

const levelsWithoutDegree = educationLevels.filter((level) => !level.needsDegree);
const highestWithoutDegree = levelsWithoutDegree.at(-1)!;

/** The listing of every role at most this level, best-paid first. */
const listingHref = (slug: string) => `/${toQueryString({ sort: 'salary', order: 'desc' }, { maxEducation: slug })}`;

function RankedRoles({ roles, labelledBy, showEducation }: { roles: EducationRankedRole[]; labelledBy: string; showEducation: boolean }) {
  return (
    <ol className="ranked-roles" aria-labelledby={labelledBy}>
      {roles.map((role) => (
        <li key={role.slug}>
          <Link href={`/roles/${role.slug}`}>{role.title}</Link>
          <span className="ranked-roles__salary">{formatSalary(role.averageSalary, role.currency)}</span>
          {showEducation && <span className="ranked-roles__detail">{role.entryEducation}</span>}
        </li>
      ))}
    </ol>
  );
}

export default async function JobsWithoutDegreePage() {
  // Rendered per request from the cached read (like the listing), never at build time: the build
  // has no migrated database to read.
  await connection();
  const { overall, levels } = await getBestPaidWithoutDegree();
  const total = levels.reduce((sum, level) => sum + level.total, 0);
  const withoutSalary = levels.reduce((sum, level) => sum + level.withoutSalary, 0);
  // How many roles need at most each level: what its link to the listing finds.
  const atMost = levels.map((_, index) => levels.slice(0, index + 1).reduce((sum, level) => sum + level.total, 0));

  return (
    <>
      <h1>Best-paid jobs without a degree</h1>
      <p className="lede">
        {formatCount(total)} occupations typically need no college degree to start: no formal credential, a high school diploma, some
        college or a postsecondary certificate. These pay the most.
      </p>
      <p>
        <Link href={listingHref(highestWithoutDegree.slug)}>All {formatCount(total)} in the listing, best-paid first</Link>
      </p>

      <section aria-labelledby="best-paid">
        <h2 id="best-paid">The {formatCount(overall.length)} best-paid</h2>
        <RankedRoles roles={overall} labelledBy="best-paid" showEducation />
      </section>

      <div className="ranked-levels">
        {levels.map((level, index) => {
          const education = educationLevels.find((candidate) => candidate.rank === level.rank)!;
          const upToHere = atMost[index]!;
          const id = `level-${education.slug}`;
          return (
            <section key={education.slug} aria-labelledby={id}>
              <h2 id={id}>{education.label}</h2>
              <p className="ranked-levels__count">
                {level.total === 1 ? '1 occupation' : `${formatCount(level.total)} occupations`}
                {level.roles.length < level.total && `, the best-paid ${formatCount(level.roles.length)}`}
              </p>
              <RankedRoles roles={level.roles} labelledBy={id} showEducation={false} />
              <p>
                <Link href={listingHref(education.slug)}>
                  {education.rank === 0 ? `All ${formatCount(upToHere)} in the listing` : `All ${formatCount(upToHere)} needing at most this`}
                  <span className="visually-hidden"> ({education.label})</span>
                </Link>
              </p>
            </section>
          );
        })}
      </div>

      <h2 id="sources">About these figures</h2>
      <p>
        Average salaries are annual mean wages from the Bureau of Labor Statistics’{' '}
        <a href="https://www.bls.gov/oes/">Occupational Employment and Wage Statistics</a>, May 2024. Typical education needed for
        entry is from its <a href="https://www.bls.gov/emp/">Employment Projections</a>, 2024–34: what most workers need to enter
        the occupation, not what every employer asks.
        {withoutSalary > 0 &&
          ` ${withoutSalary === 1 ? 'One occupation' : `${formatCount(withoutSalary)} occupations`} for which BLS publishes no annual wage ${withoutSalary === 1 ? 'is' : 'are'} counted but not ranked.`}
      </p>
    </>
  );
}
