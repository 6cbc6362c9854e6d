// The role's figures over time, one row per release (the latest change of each as-of date), so
// a reader sees the trend: for a U.S. occupation, BLS's May 2023 and May 2024 estimates.
import type { RoleStatsHistoryEntry } from '@/db/role-reads';
import { formatAsOf, formatAverageSalary, formatCount, formatPercentile, NOT_KNOWN } from '@/lib/format';
import { latestOfEachRelease } from '@/lib/stats-history';
import { TableScroll } from '@/components/table-scroll';

export function RoleHistoryTable({ title, entries }: { title: string; entries: RoleStatsHistoryEntry[] }) {
  const releases = latestOfEachRelease(entries);
  if (releases.length < 2) return null;
  return (
    <TableScroll label={`${title}: figures over time`}>
      <table className="history-table">
        <caption>{title}: figures over time</caption>
        <thead>
          <tr>
            <th scope="col">As of</th>
            <th scope="col" className="number">
              Average salary
            </th>
            <th scope="col" className="number">
              Median salary
            </th>
            <th scope="col" className="number">
              Employed
            </th>
          </tr>
        </thead>
        <tbody>
          {releases.map((entry) => (
            <tr key={entry.asOf}>
              <th scope="row">
                <time dateTime={entry.asOf}>{formatAsOf(entry.asOf)}</time>
              </th>
              <td className="number">{formatAverageSalary(entry.averageSalary, entry.currency)}</td>
              <td className="number">{entry.percentiles ? formatPercentile(entry.percentiles, 'median', entry.currency) : NOT_KNOWN}</td>
              <td className="number">{entry.employment === null ? NOT_KNOWN : formatCount(entry.employment)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
