// "Also called": the other names a role goes by (for a U.S. occupation, SOC's direct-match job
// titles). A long list shows its first names and folds the rest into a disclosure, which works
// without JavaScript.
import { formatList } from '@/lib/domain/format';

const SHOWN = 8;

export function AlsoCalled({ titles }: { titles: string[] }) {
  if (titles.length === 0) return null;
  if (titles.length <= SHOWN) return <p>Also called: {formatList(titles)}.</p>;
  return (
    <details className="also-called">
      <summary>
        Also called: {titles.slice(0, SHOWN).join(', ')} and {titles.length - SHOWN} more
      </summary>
      <p>{formatList(titles)}.</p>
    </details>
  );
}
