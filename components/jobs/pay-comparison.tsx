// Advertised pay beside what the occupation pays (BLS): the advertised range as one bar, each BLS
// area's 10th–90th percentile band with its middle half darker and its median marked, on one
// yearly scale; the same figures in a list beside it. Drawn on the server like every chart.
import { across, AXIS_HEIGHT, ChartSvg, Diamond, HorizontalAxis, LINE_HEIGHT } from '@/components/charts/chart-svg';
import { niceTicks, toPercent } from '@/lib/chart-scale';
import { formatPercentile, formatSalary, formatSalaryShort } from '@/lib/domain/format';
import type { Percentiles } from '@/lib/domain/role-fields';
import { FigureList, ListedFigure } from '@/components/charts/figure-list';

export type OfficialPayRow = { label: string; percentiles: Percentiles };
export type AdvertisedPay = { label: string; low: number; high: number; middle: number | null; detail: string };

const BAR = 16;
const ROW = LINE_HEIGHT + 6 + BAR + 12;

export function PayComparison({ advertised, official, caption }: { advertised: AdvertisedPay; official: OfficialPayRow[]; caption: React.ReactNode }) {
  const figures = [advertised.low, advertised.high, ...official.flatMap((row) => [row.percentiles.p10, row.percentiles.p90])];
  const { domain, ticks } = niceTicks(Math.min(...figures), Math.max(...figures), 4);
  const at = (value: number) => toPercent(value, domain);
  const rows = official.length + 1;
  const height = rows * ROW + AXIS_HEIGHT;
  const range = (low: number, high: number) => `${formatSalary(low)} to ${formatSalary(high)}`;
  const description = [
    `${advertised.label}: ${range(advertised.low, advertised.high)} a year${advertised.middle === null ? '' : `, middle ${formatSalary(advertised.middle)}`}.`,
    ...official.map(
      ({ label, percentiles }) =>
        `${label}: 8 in 10 earn ${formatPercentile(percentiles, 'p10')} to ${formatPercentile(percentiles, 'p90')}, half ${formatPercentile(percentiles, 'p25')} to ${formatPercentile(percentiles, 'p75')}, median ${formatPercentile(percentiles, 'median')}.`,
    ),
  ].join(' ');
  const barTop = (index: number) => index * ROW + LINE_HEIGHT + 6;
  return (
    <figure className="chart-figure pay-comparison">
      {caption}
      <div>
        <ChartSvg title={`${advertised.label} beside what the occupation pays, a year`} description={description} height={height}>
          <text x="0%" y={LINE_HEIGHT} className="chart__muted">
            {advertised.label}
          </text>
          <rect className="chart__bar--mark pay-comparison__advertised" x={across(at(advertised.low))} width={across(Math.max(at(advertised.high) - at(advertised.low), 0.8))} y={barTop(0)} height={BAR} rx={3} />
          {advertised.middle !== null && <Diamond at={at(advertised.middle)} y={barTop(0) + BAR / 2} size={6} className="chart__mean" />}
          {official.map(({ label, percentiles }, index) => {
            const top = barTop(index + 1);
            return (
              <g key={label}>
                <text x="0%" y={(index + 1) * ROW + LINE_HEIGHT} className="chart__muted">
                  {label}
                </text>
                <rect className="chart__band-outer" x={across(at(percentiles.p10))} width={across(at(percentiles.p90) - at(percentiles.p10))} y={top} height={BAR} rx={2} />
                <rect className="chart__band-inner" x={across(at(percentiles.p25))} width={across(at(percentiles.p75) - at(percentiles.p25))} y={top} height={BAR} />
                <line className="chart__median" x1={across(at(percentiles.median))} x2={across(at(percentiles.median))} y1={top - 3} y2={top + BAR + 3} />
              </g>
            );
          })}
          <HorizontalAxis y={rows * ROW} ticks={ticks} position={at} format={(value) => formatSalaryShort(value)} name="A year (USD)" />
        </ChartSvg>
        <p className="chart-legend">
          <span>
            <span className="chart-swatch pay-comparison__swatch" aria-hidden="true" /> Advertised
          </span>
          <span>
            <span className="chart-swatch chart-swatch--outer" aria-hidden="true" /> 10th–90th percentile
          </span>
          <span>
            <span className="chart-swatch chart-swatch--inner" aria-hidden="true" /> Middle half
          </span>
          <span>
            <span className="chart-swatch chart-swatch--tick" aria-hidden="true" /> Median
          </span>
        </p>
      </div>
      <FigureList>
        <ListedFigure term={advertised.label}>
          {range(advertised.low, advertised.high)} <span className="muted">{advertised.detail}</span>
        </ListedFigure>
        {official.map(({ label, percentiles }) => (
          <ListedFigure key={label} term={label}>
            {formatPercentile(percentiles, 'p10')} to {formatPercentile(percentiles, 'p90')} <span className="muted">median {formatPercentile(percentiles, 'median')}</span>
          </ListedFigure>
        ))}
      </FigureList>
    </figure>
  );
}
