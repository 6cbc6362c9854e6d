// An employer that posts on Roleboard: its open postings, and the occupations it hires for with
// how many postings each and the yearly pay they advertise. Rendered per request from a cached
// read (lib/server/cached-job-reads.ts, tagged `jobs`), so a posting closing or opening shows at once.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getCachedEmployerPage } from '@/lib/server/cached-job-reads';
import { formatDate, formatSalary } from '@/lib/domain/format';
import { formatPostingCount, formatPostingLocations } from '@/lib/jobs/posting-display';
import { slugSchema } from '@/lib/slug';
import { Breadcrumb } from '@/components/breadcrumb';
import { ColumnHeadings } from '@/components/column-headings';
import { JobCard } from '@/components/jobs/job-list';

type Props = { params: Promise<{ slug: string }> };

export const dynamic = 'force-dynamic';

async function load(params: Props['params']) {
  const slug = slugSchema.safeParse((await params).slug);
  return slug.success ? getCachedEmployerPage(slug.data) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await load(params);
  if (!page) return { title: 'Employer not found' };
  return {
    title: `${page.employer.name}: job openings`,
    description: `${page.employer.name} on Roleboard: ${formatPostingCount(page.open.length, { open: true })}, the occupations it hires for and the pay it advertises.`,
    alternates: { canonical: `/employers/${page.employer.slug}` },
  };
}

function yearlyRange(min: number | null, max: number | null) {
  if (min === null && max === null) return 'Not stated';
  if (min !== null && max !== null && min !== max) return `${formatSalary(min)}–${formatSalary(max)}`;
  return formatSalary((min ?? max)!);
}

export default async function EmployerPage({ params }: Props) {
  const page = await load(params);
  if (!page) notFound();
  const { employer, open } = page;
  const byOccupation = new Map<string, typeof open>();
  for (const posting of open) byOccupation.set(posting.roleSlug ?? '', [...(byOccupation.get(posting.roleSlug ?? '') ?? []), posting]);
  const occupations = [...byOccupation].map(([slug, postings]) => ({
    slug,
    title: postings[0]!.roleTitle ?? 'Not placed in an occupation yet',
    count: postings.length,
    min: Math.min(...postings.flatMap((posting) => (posting.annualPayMin === null ? [] : [posting.annualPayMin]))),
    max: Math.max(...postings.flatMap((posting) => (posting.annualPayMax === null ? [] : [posting.annualPayMax]))),
  }));
  return (
    <div className="stack">
      <Breadcrumb trail={[{ href: '/jobs', label: 'Job postings' }]} current={employer.name} />
      <h1>{employer.name}</h1>
      <p>
        Posts its openings on Roleboard itself.{' '}
        <a href={employer.website} rel="nofollow noopener">
          {new URL(employer.website).hostname}
        </a>
      </p>
      <section aria-labelledby="open-heading" className="stack">
        <h2 id="open-heading">{formatPostingCount(open.length, { open: true })}</h2>
        {open.length === 0 ? (
          <p>No posting of {employer.name} is open now.</p>
        ) : (
          <ul className="job-list">
            {open.map((posting) => (
              <JobCard key={posting.id} posting={posting}>
                <p className="job-card__employer">
                  {formatPostingLocations(posting)} · {yearlyRange(posting.annualPayMin, posting.annualPayMax)} a year
                  {posting.closesAt && <> · closes {formatDate(posting.closesAt)}</>}
                </p>
              </JobCard>
            ))}
          </ul>
        )}
      </section>
      {occupations.length > 0 && (
        <section aria-labelledby="occupations-heading" className="stack">
          <h2 id="occupations-heading">Occupations it hires for</h2>
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">Open postings of {employer.name} by occupation, with the yearly pay they advertise</caption>
              <ColumnHeadings columns={['Occupation', 'Open postings', 'Advertised pay, a year']} />
              <tbody>
                {occupations.map((occupation) => (
                  <tr key={occupation.slug}>
                    <th scope="row">{occupation.slug ? <Link href={`/roles/${occupation.slug}`}>{occupation.title}</Link> : occupation.title}</th>
                    <td>{occupation.count}</td>
                    <td>{yearlyRange(Number.isFinite(occupation.min) ? occupation.min : null, Number.isFinite(occupation.max) ? occupation.max : null)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="hint">Pay as the employer advertised it, made yearly (an hourly rate × 2,080 hours). Figures from these postings only.</p>
        </section>
      )}
    </div>
  );
}
