// The small salary marker of a listing row: the average as a diamond and, where published, the
// 10th to 90th percentile as a band. Every row shares one scale, from $0 to $250,000 (BLS
// top-codes wages at $239,200, so every published percentile fits), so rows compare at a glance;
// an average beyond it sits at the end with an arrow. The figures are written beside it.
import type { Percentiles } from '@/lib/domain/role-fields';
import { toPercent } from '@/lib/chart-scale';
import { formatPercentile, formatSalary } from '@/lib/domain/format';
import { across, ArrowRight, ChartSvg, Diamond } from './chart-svg';

export const LISTING_SALARY_SCALE = { min: 0, max: 250_000 };
const HEIGHT = 18;
const MIDDLE = HEIGHT / 2;

export function SalaryMarker({ title, averageSalary, percentiles, currency }: { title: string; averageSalary: number | null; percentiles: Percentiles | null; currency: string }) {
  if (averageSalary === null && !percentiles) return null;
  const at = (value: number) => toPercent(value, LISTING_SALARY_SCALE);
  const beyond = averageSalary !== null && averageSalary > LISTING_SALARY_SCALE.max;
  const description = [
    averageSalary !== null && `Average ${formatSalary(averageSalary, currency)}${beyond ? ', beyond the end of the scale' : ''}.`,
    percentiles && `8 in 10 earn ${formatPercentile(percentiles, 'p10', currency)} to ${formatPercentile(percentiles, 'p90', currency)}.`,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <ChartSvg
      title={`${title}: salary on a scale of ${formatSalary(LISTING_SALARY_SCALE.min, currency)} to ${formatSalary(LISTING_SALARY_SCALE.max, currency)}`}
      description={description}
      height={HEIGHT}
      className="salary-marker"
    >
      <line className="chart__baseline" x1="0%" x2="100%" y1={MIDDLE} y2={MIDDLE} />
      {[0, 50, 100].map((percent) => (
        <line key={percent} className="chart__baseline" x1={across(percent)} x2={across(percent)} y1={MIDDLE - 4} y2={MIDDLE + 4} />
      ))}
      {percentiles && (
        <>
          <rect className="chart__band-outer" x={across(at(percentiles.p10))} width={across(at(percentiles.p90) - at(percentiles.p10))} y={MIDDLE - 5} height={10} rx={2} />
          {percentiles.topCoded.includes('p90') && (
            <g className="chart__open-end">
              <line x1={across(at(percentiles.p90))} x2="99%" y1={MIDDLE} y2={MIDDLE} />
            </g>
          )}
        </>
      )}
      {averageSalary !== null && <Diamond at={beyond ? 97 : at(averageSalary)} y={MIDDLE} size={6} className="chart__mean" />}
      {beyond && (
        <g className="chart__open-end">
          <ArrowRight at={100} y={MIDDLE} />
        </g>
      )}
    </ChartSvg>
  );
}

/** What the markers show, said once above the list instead of in every row. */
export function SalaryMarkerLegend({ currency = 'USD' }: { currency?: string }) {
  return (
    <p className="results-legend">
      <span>
        <span className="chart-swatch chart-swatch--mean" aria-hidden="true" /> Average salary
      </span>
      <span>
        <span className="chart-swatch chart-swatch--outer" aria-hidden="true" /> Where 8 in 10 earn
      </span>
      <span>
        One scale for every role, {formatSalary(LISTING_SALARY_SCALE.min, currency)} to {formatSalary(LISTING_SALARY_SCALE.max, currency)}
      </span>
    </p>
  );
}
