// Roles side by side: `/compare?roles=a,b`. A plain GET form adds a role by name, so the page
// works without JavaScript; every comparison is a shareable link. Each role is read through the
// same cached reads as its role page, so a comparison costs PostgreSQL nothing after the first view.
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { CompareTable } from '@/components/compare-table';
import type { RoleDetail } from '@/db/roles';
import { compareHref, MAX_COMPARED_ROLES, parseCompareRequest, type CompareRequest } from '@/lib/compare';
import { formatList } from '@/lib/format';
import { getRole, getRolePage } from '@/lib/public-roles';
import { MAX_QUERY_LENGTH, type RawSearchParams } from '@/lib/role-search';
import { slugify } from '@/lib/slug';

type Props = { searchParams: Promise<RawSearchParams> };

// Enough choices to pick from when a name matches several roles.
const MAX_CHOICES = 8;

async function loadRoles(request: CompareRequest) {
  const found = await Promise.all(request.slugs.map((slug) => getRole(slug)));
  return {
    roles: found.filter((role): role is RoleDetail => role !== null),
    missing: request.slugs.filter((_, index) => found[index] === null),
  };
}

/** The roles a search text could mean: the exact title first, else every title match. */
async function rolesNamed(text: string, excluded: string[]) {
  const exact = await getRole(slugify(text));
  if (exact && !excluded.includes(exact.slug)) return [{ slug: exact.slug, title: exact.title }];
  const { items } = await getRolePage({ q: text }, MAX_CHOICES + excluded.length);
  return items.filter((item) => !excluded.includes(item.slug)).slice(0, MAX_CHOICES);
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const request = parseCompareRequest(await searchParams);
  const { roles } = await loadRoles(request);
  const bare = request.slugs.length === 0 && !request.add;
  return {
    title: roles.length > 0 ? `Compare ${formatList(roles.map((role) => role.title))}` : 'Compare roles',
    description: 'Average salary, job openings, degree requirement and salary range of job roles, side by side.',
    // Every combination of roles is its own URL; only the bare page is worth indexing.
    alternates: { canonical: '/compare' },
    robots: bare ? undefined : { index: false, follow: true },
  };
}

export default async function ComparePage({ searchParams }: Props) {
  const request = parseCompareRequest(await searchParams);
  const { roles, missing } = await loadRoles(request);
  const slugs = roles.map((role) => role.slug);
  const full = slugs.length >= MAX_COMPARED_ROLES;

  let choices: { slug: string; title: string }[] | null = null;
  if (request.add && !full) {
    choices = await rolesNamed(request.add, slugs);
    // One clear match: add it straight away, so the URL names exactly what is shown.
    if (choices.length === 1) redirect(compareHref([...slugs, choices[0]!.slug]));
  }

  const notices = [
    request.malformed && 'Some entries in the link were not role addresses and were left out.',
    request.tooMany && `You can compare up to ${MAX_COMPARED_ROLES} roles; the rest were left out.`,
    missing.length > 0 && `${missing.length === 1 ? 'One role' : `${missing.length} roles`} in the link no longer exist${missing.length === 1 ? 's' : ''}: ${missing.join(', ')}.`,
    request.add && full && `You are already comparing ${MAX_COMPARED_ROLES} roles. Remove one to add “${request.add}”.`,
  ].filter((notice): notice is string => typeof notice === 'string');

  return (
    <>
      <h1>Compare roles</h1>
      <p className="lede">Average salary, job openings, degree requirement and salary range, side by side.</p>
      {notices.length > 0 && (
        <div className="notice" role="status">
          {notices.map((notice) => (
            <p key={notice}>{notice}</p>
          ))}
        </div>
      )}

      {roles.length > 0 ? (
        <CompareTable roles={roles} />
      ) : (
        <p>
          Choose roles to compare: add them by name below, or use “Compare” next to a similar role on any role page.{' '}
          <Link href="/">Browse all roles</Link>.
        </p>
      )}

      {!full && (
        <section aria-labelledby="add-role" className="compare-add">
          <h2 id="add-role">Add a role</h2>
          <form action="/compare" method="get" className="search-form">
            {slugs.length > 0 && <input type="hidden" name="roles" value={slugs.join(',')} />}
            <div className="field field--wide">
              <label htmlFor="add">Role name</label>
              <input id="add" name="add" type="search" required maxLength={MAX_QUERY_LENGTH} defaultValue={request.add} placeholder="e.g. data scientist" />
            </div>
            <div className="search-form__actions">
              <button type="submit">Add to comparison</button>
            </div>
          </form>
          {choices !== null && choices.length === 0 && <p role="status">No role matches “{request.add}”. Try another name.</p>}
          {choices !== null && choices.length > 1 && (
            <>
              <p role="status">Several roles match “{request.add}”. Choose one:</p>
              <ul className="compare-choices">
                {choices.map((choice) => (
                  <li key={choice.slug}>
                    <Link href={compareHref([...slugs, choice.slug])}>Add {choice.title}</Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </>
  );
}
