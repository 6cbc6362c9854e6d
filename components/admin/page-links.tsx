// Numbered page links for long admin lists: the first and last pages, the two around the current
// one, and Previous/Next, so any page is a few clicks away and every page is a plain link.
import Link from 'next/link';
import { formatCount } from '@/lib/domain/format';

/** The page numbers to link, with null where a run of pages is left out (a single page is shown rather than "…"). */
export function pageNumbersAround(page: number, pageCount: number): (number | null)[] {
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])].filter((number) => number >= 1 && number <= pageCount).sort((a, b) => a - b);
  return shown.flatMap((number, index) => {
    const previous = shown[index - 1];
    if (previous === undefined || number - previous === 1) return [number];
    return number - previous === 2 ? [previous + 1, number] : [null, number];
  });
}

export function PageLinks({ label, page, pageCount, hrefOf }: { label: string; page: number; pageCount: number; hrefOf: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="page-links">
      <ul>
        {page > 1 && (
          <li>
            <Link href={hrefOf(page - 1)} rel="prev">
              ← Previous
            </Link>
          </li>
        )}
        {pageNumbersAround(page, pageCount).map((number, index) =>
          number === null ? (
            <li key={`gap-${index}`} aria-hidden="true" className="page-links__gap">
              …
            </li>
          ) : (
            <li key={number}>
              <Link href={hrefOf(number)} aria-current={number === page ? 'page' : undefined} aria-label={`Page ${formatCount(number)}`}>
                {formatCount(number)}
              </Link>
            </li>
          ),
        )}
        {page < pageCount && (
          <li>
            <Link href={hrefOf(page + 1)} rel="next">
              Next →
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
