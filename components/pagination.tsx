import Link from 'next/link';

export function Pagination({ previousHref, nextHref }: { previousHref: string | null; nextHref: string | null }) {
  if (!previousHref && !nextHref) return null;
  return (
    <nav aria-label="Pagination" className="pagination">
      {previousHref ? (
        <Link href={previousHref} rel="prev">
          ← Previous page
        </Link>
      ) : (
        <span />
      )}
      {nextHref && (
        <Link href={nextHref} rel="next">
          Next page →
        </Link>
      )}
    </nav>
  );
}
