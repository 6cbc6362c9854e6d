// The role page's "Pay by state": a map of the states shaded by the role's mean wage there, drawn
// on the server (lib/state-shapes.ts), with a legend, the five highest-paying states and every
// state's figures in a table. Each state on the map is named with its value; states BLS has no
// wage estimate for are hatched, and say so.
import type { AreaFigures } from '@/db/areas';
import { formatCount, formatPercentile, formatSalary, NOT_PUBLISHED } from '@/lib/format';
import { MAP_HEIGHT, MAP_WIDTH, stateShapes } from '@/lib/state-shapes';
import { TableScroll } from '../table-scroll';
import { ChartCaption } from './figure-source';

const CLASSES = 5;

/** Where one shade ends and the next begins: the wages' quintiles, rounded to $1,000 so the legend reads plainly. */
function classBreaks(wages: number[]) {
  const sorted = [...wages].sort((a, b) => a - b);
  const breaks = Array.from({ length: CLASSES - 1 }, (_, index) => {
    const at = sorted[Math.floor(((index + 1) * sorted.length) / CLASSES)]!;
    return Math.round(at / 1_000) * 1_000;
  });
  return [...new Set(breaks)];
}

const classOf = (wage: number, breaks: number[]) => breaks.filter((limit) => wage >= limit).length;

function legendRanges(breaks: number[]) {
  return Array.from({ length: breaks.length + 1 }, (_, index) => {
    if (index === 0) return `Under ${formatSalary(breaks[0]!)}`;
    if (index === breaks.length) return `${formatSalary(breaks[index - 1]!)} or more`;
    return `${formatSalary(breaks[index - 1]!)} to ${formatSalary(breaks[index]! - 1)}`;
  });
}

/** One decimal, as a reader compares them; a small share keeps two significant digits instead of reading "0.0". */
const formatJobsPer1000 = (value: number) =>
  value >= 1 ? value.toFixed(1) : new Intl.NumberFormat('en-US', { maximumSignificantDigits: 2 }).format(value);

const mean = (figures: AreaFigures) => (figures.averageSalary === null ? 'no wage estimate' : `${formatSalary(figures.averageSalary)} average`);

export function StatePayMap({ roleTitle, figures }: { roleTitle: string; figures: AreaFigures[] }) {
  const byFips = new Map(figures.map((item) => [item.area.fips, item]));
  const wages = figures.flatMap((item) => (item.averageSalary === null ? [] : [item.averageSalary]));
  const breaks = classBreaks(wages);
  const ranges = legendRanges(breaks);
  const highest = figures
    .filter((item) => item.averageSalary !== null)
    .sort((a, b) => b.averageSalary! - a.averageSalary!)
    .slice(0, 5);
  const title = `${roleTitle}: average salary by state`;
  const unestimated = [...stateShapes().keys()].filter((fips) => byFips.get(fips)?.averageSalary == null).length;

  return (
    <>
      <figure className="chart-figure state-map">
        <ChartCaption title="Average salary by state">
          Each state shaded by its mean annual wage.{unestimated > 0 && ` Hatched: no estimate (${unestimated === 1 ? '1 state' : `${unestimated} states`}).`}
        </ChartCaption>
        <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} className="state-map__svg" role="group" aria-label={title}>
          <defs>
            <pattern id="state-map-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="8" height="8" className="state-map__hatch-ground" />
              <line x1="0" y1="0" x2="0" y2="8" className="state-map__hatch-line" />
            </pattern>
          </defs>
          {[...stateShapes()].map(([fips, path]) => {
            const item = byFips.get(fips);
            const label = item ? `${item.area.name}: ${mean(item)}` : 'No estimate';
            const shade = item?.averageSalary == null ? 'state-map__state--none' : `state-map__state--${classOf(item.averageSalary, breaks)}`;
            return (
              <path key={fips} d={path} className={`state-map__state ${shade}`} role="img" aria-label={label}>
                <title>{label}</title>
              </path>
            );
          })}
        </svg>
        <ul className="state-map__legend" aria-label="Map legend">
          {ranges.map((range, index) => (
            <li key={range}>
              <span className={`state-map__swatch state-map__state--${index}`} aria-hidden="true" />
              {range}
            </li>
          ))}
          {unestimated > 0 && (
            <li>
              <span className="state-map__swatch state-map__state--none" aria-hidden="true" />
              No estimate
            </li>
          )}
        </ul>
      </figure>

      {highest.length > 0 && (
        <>
          <h3 id="highest-paying-states">Highest-paying states</h3>
          <ol className="state-ranking" aria-labelledby="highest-paying-states">
            {highest.map((item) => (
              <li key={item.area.fips}>
                <span className="state-ranking__name">{item.area.name}</span> <strong>{formatSalary(item.averageSalary!)}</strong>
                {item.employment !== null && <span className="state-ranking__detail"> · {formatCount(item.employment)} employed</span>}
              </li>
            ))}
          </ol>
        </>
      )}

      <details className="state-table">
        <summary>Every state’s figures</summary>
        <TableScroll label={`${roleTitle} by state`}>
          <table>
            <caption className="visually-hidden">{title}, with median, employment and jobs per 1,000</caption>
            <thead>
              <tr>
                <th scope="col">State</th>
                <th scope="col">Average</th>
                <th scope="col">Median</th>
                <th scope="col">Employed</th>
                <th scope="col">Jobs per 1,000</th>
              </tr>
            </thead>
            <tbody>
              {figures.map((item) => (
                <tr key={item.area.fips}>
                  <th scope="row">{item.area.name}</th>
                  <td>{item.averageSalary === null ? NOT_PUBLISHED : formatSalary(item.averageSalary)}</td>
                  <td>{item.percentiles ? formatPercentile(item.percentiles, 'median') : NOT_PUBLISHED}</td>
                  <td>{item.employment === null ? NOT_PUBLISHED : formatCount(item.employment)}</td>
                  <td>{item.jobsPer1000 === null ? NOT_PUBLISHED : formatJobsPer1000(item.jobsPer1000)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </>
  );
}
