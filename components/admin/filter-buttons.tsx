import Link from 'next/link';

/** The buttons of an admin list's filter form: Filter, and while a filter is set, a link that clears them. */
export function FilterButtons({ filtered, clearHref }: { filtered: boolean; clearHref: string }) {
  return (
    <div className="form-actions">
      <button type="submit">Filter</button>
      {filtered && <Link href={clearHref}>Clear filters</Link>}
    </div>
  );
}
