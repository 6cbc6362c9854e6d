// A state's occupations: the largest and the best-paid, then all of them with the listing's
// search, filters, sorts (pay, employment, concentration) and keyset pages, the state fixed.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PostingSourcesNote } from '@/components/jobs/posting-sources-note';
import { RoleListing } from '@/components/role-listing';
import type { RoleListItem } from '@/db/role-reads';
import { formatAverageSalary, formatCount } from '@/lib/domain/format';
import { getOpenPostingCountsInState } from '@/lib/server/cached-job-reads';
import { getCategories, getRolePage } from '@/lib/server/cached-public-reads';
import { formatPostingCount } from '@/lib/jobs/posting-display';
import type { RawSearchParams } from '@/lib/query-params';
import { listingParameterLabels, parseRoleSearch } from '@/lib/role-search';
import { findUsState } from '@/lib/us-states';
import { Breadcrumb } from '@/components/breadcrumb';

type Props = { params: Promise<{ state: string }>; searchParams: Promise<RawSearchParams> };

async function loadState(params: Props['params']) {
  const { state: slug } = await params;
  const state = findUsState(slug);
  return state && state.slug === slug ? state : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const state = await loadState(params);
  if (!state) return { title: 'State not found' };
  return {
    title: `Salaries in ${state.name}`,
    description: `Average salaries and employment of every occupation in ${state.name}, from BLS state estimates: search, sort by pay, employment or concentration.`,
    alternates: { canonical: `/states/${state.slug}` },
  };
}

function TopRoles({ id, title, roles, figure }: { id: string; title: string; roles: RoleListItem[]; figure: (role: RoleListItem) => string }) {
  return (
    <div className="state-top">
      <h2 id={id}>{title}</h2>
      <ol className="state-ranking" aria-labelledby={id}>
        {roles.map((role) => (
          <li key={role.id}>
            <Link className="state-ranking__name" href={`/roles/${role.slug}/states/${role.inState!.state.slug}`}>
              {role.title}
            </Link>{' '}
            <strong>{figure(role)}</strong>
          </li>
        ))}
      </ol>
    </div>
  );
}

export default async function StatePage({ params, searchParams }: Props) {
  const state = await loadState(params);
  if (!state) notFound();
  // The address is the state: a `state` parameter is not this page's to change.
  const { search, invalid } = parseRoleSearch({ ...(await searchParams), state: state.slug });
  const categories = await getCategories();
  if (search.category && !categories.some((category) => category.slug === search.category)) {
    delete search.category;
    invalid.push('category');
  }
  const [result, largest, bestPaid, openings] = await Promise.all([
    getRolePage(search),
    getRolePage({ state, sort: 'employment' }),
    getRolePage({ state, sort: 'salary' }),
    getOpenPostingCountsInState(state.postalCode),
  ]);
  const ignored = [...new Set(invalid.map((key) => listingParameterLabels[key]))];

  return (
    <>
      <Breadcrumb trail={[{ href: '/states', label: 'States' }]} />
      <h1>Salaries in {state.name}</h1>
      <p className="lede">
        Every occupation BLS estimates for {state.name}: what it pays there, how many people it employs, and how that compares with the whole country.
      </p>
      {largest.items.length > 0 && (
        <div className="state-tops">
          <TopRoles id="largest" title="Most people employed" roles={largest.items.slice(0, 5)} figure={(role) => `${formatCount(role.inState!.employment ?? 0)} employed`} />
          <TopRoles id="best-paid" title="Highest average salaries" roles={bestPaid.items.slice(0, 5)} figure={(role) => formatAverageSalary(role.inState!.averageSalary)} />
        </div>
      )}
      <section aria-labelledby="openings" className="state-openings">
        <h2 id="openings">Openings in {state.name}</h2>
        {openings.length > 0 ? (
          <>
            <p>Open government job postings in {state.name}, by the occupation Roleboard placed them in (the 10 with the most).</p>
            <ol className="state-ranking" aria-labelledby="openings">
              {openings.map((occupation) => (
                <li key={occupation.slug}>
                  <Link className="state-ranking__name" href={`/jobs?occupation=${occupation.slug}&state=${state.postalCode}`}>
                    {occupation.title}
                  </Link>{' '}
                  <strong>{formatPostingCount(occupation.openCount, { open: true })}</strong>
                </li>
              ))}
            </ol>
          </>
        ) : (
          <p>No open government job postings in {state.name} right now.</p>
        )}
        <p>
          <Link href={`/jobs?state=${state.postalCode}`}>Search job postings in {state.name}</Link>
        </p>
        <PostingSourcesNote />
      </section>
      <RoleListing search={search} result={result} categories={categories} ignored={ignored} basePath={`/states/${state.slug}`} fixedState />
    </>
  );
}
