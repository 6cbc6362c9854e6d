// The role's figures over time, one row per release (the latest change of each as-of date), so
// a reader sees the trend: for a U.S. occupation, BLS's May 2023 and May 2024 estimates.
import type { RoleStatsHistoryEntry } from '@/db/role-reads';
import { formatAsOf, formatCount, NOT_KNOWN } from '@/lib/domain/format';
import { formatPayMean, formatPayMedian, meanLabel, medianLabel, payOf } from '@/lib/pay';
import { latestOfEachRelease } from '@/lib/server/stats-history';
import { TableScroll } from '@/components/table-scroll';
import { ColumnHeadings } from '@/components/column-headings';

export function RoleHistoryTable({ title, entries }: { title: string; entries: RoleStatsHistoryEntry[] }) {
  const releases = latestOfEachRelease(entries);
  if (releases.length < 2) return null;
  // One unit down the table, the latest release's: hourly for an occupation BLS publishes only hourly wages for.
  const unit = payOf(releases.at(-1)!).unit;
  const payIn = (entry: RoleStatsHistoryEntry) => {
    const pay = payOf(entry);
    return pay.unit === unit ? pay : null;
  };
  return (
    <TableScroll label={`${title}: figures over time`}>
      <table className="history-table">
        <caption>{title}: figures over time</caption>
        <ColumnHeadings columns={['As of', { label: meanLabel[unit], number: true }, { label: medianLabel[unit], number: true }, { label: 'Employed', number: true }]} />
        <tbody>
          {releases.map((entry) => (
            <tr key={entry.asOf}>
              <th scope="row">
                <time dateTime={entry.asOf}>{formatAsOf(entry.asOf)}</time>
              </th>
              <td className="number">{payIn(entry) ? formatPayMean(payIn(entry)!) : NOT_KNOWN}</td>
              <td className="number">{payIn(entry)?.median ? formatPayMedian(payIn(entry)!) : NOT_KNOWN}</td>
              <td className="number">{entry.employment === null ? NOT_KNOWN : formatCount(entry.employment)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
