// A comparison's own address, `/compare/a,b,c`: rendered on first request and then served from
// the cache until an edit invalidates one of its roles' tags, like a role page.
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { CompareView } from '@/components/compare-view';
import { compareHref, isCleanRequest, missingRolesNotice, parseCompareRequest } from '@/lib/compare';
import { formatList } from '@/lib/format';
import { getRolesToCompare } from '@/lib/public-roles';

type Props = { params: Promise<{ roles: string }> };

export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

/** The request this address makes; commas may arrive percent-encoded. */
async function requestOf(params: Props['params']) {
  const raw = (await params).roles.replace(/%2C/gi, ',');
  return { raw, request: parseCompareRequest({ roles: raw }) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { request } = await requestOf(params);
  const { roles } = await getRolesToCompare(request.slugs);
  const titles = formatList(roles.map((role) => role.title));
  return {
    title: roles.length > 0 ? `Compare ${titles}` : 'Compare roles',
    description: `Average salary, job openings, degree requirement and salary range of ${titles || 'job roles'}, side by side.`,
    alternates: { canonical: compareHref(request.slugs) },
  };
}

export default async function ComparisonPage({ params }: Props) {
  const { raw, request } = await requestOf(params);
  // Anything but the exact address goes where it is explained (bad entries) or made exact.
  if (!isCleanRequest(request)) redirect(`/compare?roles=${encodeURIComponent(raw)}`);
  if (raw !== request.slugs.join(',')) redirect(compareHref(request.slugs));

  const { roles, missing } = await getRolesToCompare(request.slugs);
  const notice = missingRolesNotice(missing);
  return <CompareView roles={roles} notices={notice ? [notice] : []} />;
}
