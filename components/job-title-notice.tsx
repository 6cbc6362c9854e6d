// Says which occupations the search text is most like as a job title (lib/server/job-title-search.ts),
// each a link to its page: a title copied from an ad finds its occupation even when no role's
// words match it.
import Link from 'next/link';
import type { JobTitleReading } from '@/lib/server/job-title-search';

function OccupationLinks({ occupations }: { occupations: JobTitleReading['closest'] }) {
  return occupations.map((occupation, index) => (
    <span key={occupation.slug}>
      {index > 0 && (index === occupations.length - 1 ? ' or ' : ', ')}
      <Link href={`/roles/${occupation.slug}`}>{occupation.title}</Link>
    </span>
  ));
}

export function JobTitleNotice({ text, reading }: { text: string; reading: JobTitleReading | null }) {
  if (!reading) return null;
  const { likely, closest } = reading;
  return (
    <p className="notice">
      {likely ? (
        <>
          As a job title, “{text}” is most likely <Link href={`/roles/${likely.slug}`}>{likely.title}</Link> ({likely.evidence})
          {closest.length > 0 && (
            <>
              ; also close: <OccupationLinks occupations={closest} />
            </>
          )}
          .
        </>
      ) : (
        <>
          As a job title, “{text}” is closest to <OccupationLinks occupations={closest} /> ({closest[0]!.evidence}), though not clearly any one of them.
        </>
      )}
    </p>
  );
}
