/**
 * The sideways-scrolling box of a table with nothing focusable inside (no links or buttons): it
 * takes focus itself, so keyboard users can scroll it on a narrow screen, and is named for them.
 * Tables with links or buttons scroll as their focus moves and need only the class.
 */
export function TableScroll({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="table-scroll" role="group" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
