// A comparison within one state, `/compare/a,b/states/california`: the roles' pay, spread and
// employment in that state beside their national openings and typical education. Cached like the
// national comparison; proxy.ts lets only exact addresses of published roles and a state's slug through.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CompareView } from '@/components/compare-view';
import { compareHref, missingRolesNotice, noStateEstimateNotice, parseCompareRequest } from '@/lib/server/compare';
import { formatList } from '@/lib/domain/format';
import { getRolesToCompare, getRolesToSuggest } from '@/lib/server/cached-public-reads';
import { findUsState } from '@/lib/us-states';

type Props = { params: Promise<{ roles: string; state: string }> };

export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

/** The roles and state this address names; commas may arrive percent-encoded. */
async function comparisonOf(params: Props['params']) {
  const { roles, state: stateSlug } = await params;
  const state = findUsState(stateSlug);
  if (!state || state.slug !== stateSlug) return null;
  const { slugs } = parseCompareRequest({ roles: roles.replace(/%2C/gi, ',') });
  return { slugs, state, ...(await getRolesToCompare(slugs, state)) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const comparison = await comparisonOf(params);
  if (!comparison) return { title: 'Compare roles' };
  const { slugs, state, roles } = comparison;
  const titles = formatList(roles.map((role) => role.title));
  return {
    title: roles.length > 0 ? `Compare ${titles} in ${state.name}` : `Compare roles in ${state.name}`,
    description: `Average salary, salary range and employment of ${titles || 'job roles'} in ${state.name}, side by side.`,
    alternates: { canonical: compareHref(slugs, state) },
  };
}

export default async function StateComparisonPage({ params }: Props) {
  const comparison = await comparisonOf(params);
  if (!comparison) notFound();
  const { state, roles, national, missing, withoutEstimate } = comparison;
  // A missing role only if it was archived after proxy.ts checked it.
  const notices = [missingRolesNotice(missing), noStateEstimateNotice(withoutEstimate, state)].filter((notice): notice is string => notice !== null);
  return (
    <CompareView
      roles={roles}
      notices={notices}
      suggestions={await getRolesToSuggest(national)}
      state={state}
      withoutEstimate={withoutEstimate.map((role) => role.slug)}
    />
  );
}
