/**
 * The box a table wider than a phone scrolls sideways in, instead of the page. It takes focus, so
 * keyboard users can scroll it with the arrow keys (links inside may be far from the columns they
 * want to see), and is named for them. Every such table sits in one.
 */
export function TableScroll({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="table-scroll" role="group" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
