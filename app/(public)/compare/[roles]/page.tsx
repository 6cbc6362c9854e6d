// A comparison's own address, `/compare/a,b,c`: rendered on first request and then served from
// the cache until an edit invalidates one of its roles' tags, like a role page. proxy.ts lets
// only exact addresses of published roles through, so nothing else is ever rendered here.
import type { Metadata } from 'next';
import { CompareView } from '@/components/compare-view';
import { compareHref, missingRolesNotice, parseCompareRequest } from '@/lib/server/compare';
import { formatList } from '@/lib/domain/format';
import { getRolesToCompare, getRolesToSuggest } from '@/lib/server/cached-public-reads';

type Props = { params: Promise<{ roles: string }> };

export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

/** The roles this address names; commas may arrive percent-encoded. */
async function rolesOf(params: Props['params']) {
  const { slugs } = parseCompareRequest({ roles: (await params).roles.replace(/%2C/gi, ',') });
  return { slugs, ...(await getRolesToCompare(slugs)) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slugs, roles } = await rolesOf(params);
  const titles = formatList(roles.map((role) => role.title));
  return {
    title: roles.length > 0 ? `Compare ${titles}` : 'Compare roles',
    description: `Average salary, job openings, typical education and salary range of ${titles || 'job roles'}, side by side.`,
    alternates: { canonical: compareHref(slugs) },
  };
}

export default async function ComparisonPage({ params }: Props) {
  const { roles, missing } = await rolesOf(params);
  // Only if a role was archived after proxy.ts checked it.
  const notice = missingRolesNotice(missing);
  return <CompareView roles={roles} notices={notice ? [notice] : []} suggestions={await getRolesToSuggest(roles)} />;
}
