// Says how the listing read a place in the search text ("nurse texas" as "nurse" in Texas), with
// the way back: the same search in every state.
import Link from 'next/link';
import { toQueryString, type PlaceFromText, type RoleSearch } from '@/lib/role-search';

export function PlaceFromTextNotice({ placeFromText, search, keep = {} }: { placeFromText?: PlaceFromText; search: RoleSearch; keep?: Record<string, string> }) {
  if (!placeFromText) return null;
  const { typed, state } = placeFromText;
  const everyState = `/${toQueryString(search, { ...keep, state: undefined })}`;
  return (
    <p className="notice">
      {search.q ? (
        <>
          Showing “{search.q}” in {state.name}: your search “{typed}” names the state.{' '}
          <Link href={everyState}>Search “{search.q}” in every state</Link>
        </>
      ) : (
        <>
          Showing every role in {state.name}: your search “{typed}” names the state. <Link href={everyState}>Show every state</Link>
        </>
      )}
    </p>
  );
}
