// Where the compare form and hand-made links arrive: `/compare?roles=a,b&add=<name>`, and where
// proxy.ts sends comparison addresses naming roles that are not published. A clean request of
// published roles goes on to its cached address (/compare/a,b); this page, never cached, renders
// what needs a notice or a choice, and the empty comparison.
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { CompareView } from '@/components/compare-view';
import { compareHref, isCleanRequest, MAX_COMPARED_ROLES, missingRolesNotice, noStateEstimateNotice, parseCompareRequest } from '@/lib/server/compare';
import { findRolesNamed, getRolesToCompare, getRolesToSuggest } from '@/lib/server/cached-public-reads';
import type { RawSearchParams } from '@/lib/query-params';

// Enough choices to pick from when a name matches several roles.
const MAX_CHOICES = 8;

export async function generateMetadata({ searchParams }: { searchParams: Promise<RawSearchParams> }): Promise<Metadata> {
  const bare = Object.keys(await searchParams).length === 0;
  return {
    title: 'Compare roles',
    description: 'Average salary, job openings, typical education and salary range of job roles, side by side.',
    alternates: { canonical: '/compare' },
    // Only the bare page is worth indexing; every comparison has its own address.
    robots: bare ? undefined : { index: false, follow: true },
  };
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const request = parseCompareRequest(await searchParams);
  const { state } = request;
  const { roles, national, missing, withoutEstimate } = await getRolesToCompare(request.slugs, state);
  if (isCleanRequest(request) && !request.add && request.slugs.length > 0 && missing.length === 0) redirect(compareHref(request.slugs, state));

  const slugs = roles.map((role) => role.slug);
  const full = slugs.length >= MAX_COMPARED_ROLES;
  let choices: { slug: string; title: string }[] | undefined;
  if (request.add && !full) {
    choices = await findRolesNamed(request.add, { excluded: slugs, limit: MAX_CHOICES });
    // One clear match: add it straight away.
    if (choices.length === 1) redirect(compareHref([...slugs, choices[0]!.slug], state));
  }

  const notices = [
    request.malformed && 'Some entries in the link were not role addresses and were left out.',
    request.tooMany && `You can compare up to ${MAX_COMPARED_ROLES} roles; the rest were left out.`,
    request.unknownState && 'The state in the link is not a U.S. state, so the figures are for the whole country.',
    missingRolesNotice(missing),
    state && noStateEstimateNotice(withoutEstimate, state),
    request.add && full && `You are already comparing ${MAX_COMPARED_ROLES} roles. Remove one to add “${request.add}”.`,
  ].filter((notice): notice is string => typeof notice === 'string');

  return (
    <CompareView
      roles={roles}
      notices={notices}
      suggestions={await getRolesToSuggest(national)}
      addText={request.add}
      choices={choices}
      state={state}
      withoutEstimate={withoutEstimate.map((role) => role.slug)}
    />
  );
}
