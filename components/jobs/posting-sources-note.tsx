// Where postings come from, said wherever their figures are: who published them (credited as they
// ask) and that they are mostly government postings, real but not the whole job market.
import { formatList } from '@/lib/domain/format';
import { postingSourceOf, postingSources } from '@/lib/jobs/posting-display';

/** `sources`: the publishers behind what is shown; every one Roleboard imports when not given. */
export function PostingSourcesNote({ sources }: { sources?: string[] }) {
  const credits = (sources ?? Object.keys(postingSources)).map((source) => postingSourceOf(source).credit);
  return (
    <p className="provenance">
      Postings from {formatList(credits)}. {credits.length === 1 && sources?.[0] === 'roleboard' ? 'Real jobs, but not the whole job market.' : 'These are mostly government postings: real jobs, but not the whole job market.'}
    </p>
  );
}
