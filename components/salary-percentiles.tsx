import type { Percentiles } from '@/db/role-columns';
import { formatPercentile } from '@/lib/format';

const rows = [
  ['p10', '10th percentile'],
  ['p25', '25th percentile'],
  ['median', 'Median'],
  ['p75', '75th percentile'],
  ['p90', '90th percentile'],
] as const;

/** The salary spread as a table (for reading and screen readers) with a bar drawn from the same numbers; a top-coded wage reads "$239,200 or more". */
export function SalaryPercentiles({ percentiles, currency }: { percentiles: Percentiles; currency: string }) {
  const span = Math.max(percentiles.p90 - percentiles.p10, 1);
  const position = (value: number) => `${(((value - percentiles.p10) / span) * 100).toFixed(1)}%`;
  return (
    <figure className="percentiles">
      <div className="percentiles__bar" aria-hidden="true">
        <span
          className="percentiles__middle"
          style={{ left: position(percentiles.p25), width: `calc(${position(percentiles.p75)} - ${position(percentiles.p25)})` }}
        />
        <span className="percentiles__median" style={{ left: position(percentiles.median) }} />
      </div>
      <table>
        <caption>Salary range</caption>
        <thead>
          <tr>
            <th scope="col">Percentile</th>
            <th scope="col">Annual salary</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, label]) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td>{formatPercentile(percentiles, key, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
