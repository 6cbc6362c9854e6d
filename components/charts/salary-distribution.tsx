// The salary spread of a role: the 10th to 90th percentile as a band, the middle half darker, the
// median and the mean marked, on a labelled axis; the same figures in the table beside it. A
// top-coded percentile (BLS: "$239,200 or more") is drawn as a band that runs on, open-ended,
// with an arrow: we know only that those wages are at least that, never how much more.
import { payRangeLabels, percentileKeys, percentileLabels, type PercentileKey } from '@/lib/domain/role-fields';
import type { Percentiles } from '@/lib/domain/role-fields';
import { estimateTextWidth, niceTicks, placeLabels, placePair, toPercent, type Domain } from '@/lib/chart-scale';
import { formatSalaryShort } from '@/lib/domain/format';
import { formatPayPercentile, formatWage, perUnit, type PayUnit } from '@/lib/pay';
import { across, ArrowRight, FigureLabel, AXIS_HEIGHT, ChartSvg, Diamond, FONT_SIZE, HorizontalAxis, LabelsBelow, LINE_HEIGHT } from './chart-svg';
import { ColumnHeadings } from '@/components/column-headings';

const shortNames: Record<Exclude<PercentileKey, 'median'>, string> = { p10: '10th', p25: '25th', p75: '75th', p90: '90th' };
const BAND_HEIGHT = 18;
// Room beyond a top code, so an open-ended band visibly goes on.
const OPEN_END_ROOM = 1.12;

/** The scale a spread is drawn on: its lowest figure to its highest, with room for an open end. */
function salaryDomain(percentiles: Percentiles, averageSalary: number | null): { domain: Domain; ticks: number[] } {
  const figures = [percentiles.p10, percentiles.p90, ...(averageSalary === null ? [] : [averageSalary])];
  const high = Math.max(...figures, percentiles.topCoded.length > 0 ? percentiles.p90 * OPEN_END_ROOM : 0);
  return niceTicks(Math.min(...figures), high, 4);
}

/** A percentile in its unit: "$133,080", "$23.33", "$239,200 or more". */
const percentileText = (percentiles: Percentiles, key: PercentileKey, currency: string, unit: PayUnit) => formatPayPercentile({ unit, currency, percentiles, mean: null, median: null }, key);

/** What the chart is of: "Salary spread", "Hourly wage spread". */
export const spreadTitle = (unit: PayUnit) => `${unit === 'hour' ? 'Hourly wage' : 'Salary'} spread: 10th to 90th percentile, median and mean`;

function describe(percentiles: Percentiles, averageSalary: number | null, currency: string, unit: PayUnit) {
  const figure = (key: PercentileKey) => percentileText(percentiles, key, currency, unit);
  const parts = [
    `The median is ${figure('median')} ${perUnit[unit]} (half earn less, half more)`,
    `the middle half earn ${figure('p25')} to ${figure('p75')}`,
    // A top-coded figure already reads "$239,200 or more".
    `one in ten earns less than ${figure('p10')} and one in ten earns ${percentiles.topCoded.includes('p90') ? figure('p90') : `more than ${figure('p90')}`}`,
  ];
  if (averageSalary !== null) parts.push(`the average (mean) is ${formatWage(averageSalary, unit, currency)}`);
  return `${parts.join('; ')}.`;
}

type SpreadProps = { percentiles: Percentiles; averageSalary: number | null; currency: string; unit?: PayUnit };

export function SalaryDistribution({ percentiles, averageSalary, currency, unit = 'year' }: SpreadProps) {
  const { domain, ticks } = salaryDomain(percentiles, averageSalary);
  const at = (value: number) => toPercent(value, domain);
  const openEnded = percentiles.topCoded.length > 0;
  // With a top code, p90 (and p75 when capped too) is the top code: the band stops there and runs on, dashed.
  const bandEnd = at(percentiles.p90);
  const innerEnd = at(percentiles.p75);

  const above = [
    { key: 'median', at: at(percentiles.median), name: 'Median', value: percentileText(percentiles, 'median', currency, unit), className: 'chart__median-label' },
    ...(averageSalary === null ? [] : [{ key: 'mean', at: at(averageSalary), name: 'Mean', value: formatWage(averageSalary, unit, currency), className: 'chart__mean-label' }]),
  ];
  const aboveSizes = above.map((label) => ({ at: label.at, width: estimateTextWidth(label.value, FONT_SIZE, { bold: true }) }));
  // Median and mean are often close: side by side, reaching apart, reads better than stacked.
  const pair = aboveSizes.length === 2 ? placePair([aboveSizes[0]!, aboveSizes[1]!]) : null;
  const abovePlaced = pair ? pair.map((anchor) => ({ anchor, row: 0 })) : placeLabels(aboveSizes);
  const aboveRows = Math.max(...abovePlaced.map((label) => label.row)) + 1;

  // Percentiles of one value (a top code caps several at once) share one label.
  const groups = new Map<string, { keys: PercentileKey[]; value: string; at: number }>();
  for (const key of percentileKeys.filter((key) => key !== 'median')) {
    const value = percentileText(percentiles, key, currency, unit);
    const group = groups.get(value) ?? { keys: [], value, at: at(percentiles[key]) };
    group.keys.push(key);
    groups.set(value, group);
  }
  const below = [...groups.values()].map((group) => ({
    ...group,
    key: group.value,
    name: [...new Set([group.keys[0]!, group.keys.at(-1)!])].map((key) => shortNames[key as keyof typeof shortNames]).join('–'),
  }));
  const belowPlaced = placeLabels(
    below.map((label) => ({ at: label.at, width: estimateTextWidth(label.value.length > label.name.length ? label.value : label.name, FONT_SIZE) })),
  );
  const belowRows = Math.max(...belowPlaced.map((label) => label.row)) + 1;

  const rowHeight = LINE_HEIGHT * 2 + 6;
  const bandTop = aboveRows * rowHeight + 8;
  const bandMiddle = bandTop + BAND_HEIGHT / 2;
  const belowTop = bandTop + BAND_HEIGHT + 8;
  const axisY = belowTop + belowRows * rowHeight + 2;
  const height = axisY + AXIS_HEIGHT;
  const title = spreadTitle(unit);

  return (
    <ChartSvg title={title} description={describe(percentiles, averageSalary, currency, unit)} height={height} className="chart--salary">
      {ticks.map((tick) => (
        <line key={tick} className="chart__grid" x1={across(at(tick))} x2={across(at(tick))} y1={bandTop - 4} y2={axisY} />
      ))}
      <rect className="chart__band-outer" x={across(at(percentiles.p10))} width={across(bandEnd - at(percentiles.p10))} y={bandTop} height={BAND_HEIGHT} />
      <rect className="chart__band-inner" x={across(at(percentiles.p25))} width={across(innerEnd - at(percentiles.p25))} y={bandTop} height={BAND_HEIGHT} />
      {openEnded && (
        <g className="chart__open-end">
          <line x1={across(bandEnd)} x2="99.5%" y1={bandMiddle} y2={bandMiddle} />
          <ArrowRight at={99.5} y={bandMiddle} />
        </g>
      )}
      <line className="chart__median" x1={across(at(percentiles.median))} x2={across(at(percentiles.median))} y1={bandTop - 6} y2={bandTop + BAND_HEIGHT + 6} />
      {averageSalary !== null && <Diamond at={at(averageSalary)} y={bandMiddle} className="chart__mean" />}
      {above.map((label, index) => {
        const { anchor, row } = abovePlaced[index]!;
        const top = (aboveRows - 1 - row) * rowHeight;
        return (
          <g key={label.key} className={label.className}>
            <line className="chart__leader" x1={across(label.at)} x2={across(label.at)} y1={top + LINE_HEIGHT * 2 + 4} y2={bandTop - 6} />
            <FigureLabel at={label.at} top={top} anchor={anchor} name={label.name} value={label.value} />
          </g>
        );
      })}
      <LabelsBelow labels={below} placed={belowPlaced} bandBottom={bandTop + BAND_HEIGHT} top={belowTop} rowHeight={rowHeight} />
      <HorizontalAxis y={axisY} ticks={ticks} position={at} format={(value) => formatSalaryShort(value, currency)} name={`${unit === 'hour' ? 'Hourly wage' : 'Annual salary'} (${currency})`} />
    </ChartSvg>
  );
}

const rows = [...percentileKeys.map((key) => [key, percentileLabels[key]] as const)];

/** The chart with its figures in a table beside it. */
export function SalaryDistributionFigure({ caption, ...spread }: SpreadProps & { caption: React.ReactNode }) {
  const { percentiles, averageSalary, currency, unit = 'year' } = spread;
  return (
    <figure className="chart-figure">
      {caption}
      <div className="chart-figure__chart">
        <SalaryDistribution {...spread} />
        <p className="chart-legend" aria-hidden="true">
          <span className="chart-legend__item">
            <span className="chart-swatch chart-swatch--inner" /> {payRangeLabels.middleHalf}
          </span>
          <span className="chart-legend__item">
            <span className="chart-swatch chart-swatch--outer" /> {payRangeLabels.tenthToNinetieth}
          </span>
          {percentiles.topCoded.length > 0 && (
            <span className="chart-legend__item">
              <span className="chart-swatch chart-swatch--open" /> open-ended: the source publishes no figure above this
            </span>
          )}
        </p>
      </div>
      <table className="chart-figure__table">
        <caption>{unit === 'hour' ? 'Hourly wage range' : 'Salary range'}</caption>
        <ColumnHeadings columns={['Percentile', { label: unit === 'hour' ? 'Hourly wage' : 'Annual salary', number: true }]} />
        <tbody>
          {rows.map(([key, label]) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td className="number">{percentileText(percentiles, key, currency, unit)}</td>
            </tr>
          ))}
          {averageSalary !== null && (
            <tr>
              <th scope="row">Average (mean)</th>
              <td className="number">{formatWage(averageSalary, unit, currency)}</td>
            </tr>
          )}
        </tbody>
      </table>
    </figure>
  );
}
