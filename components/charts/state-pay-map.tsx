// Maps of the states shaded by a mean wage, drawn on the server (lib/state-shapes.ts), with a
// legend. Each state is named with its value, and links to its page where there is one; states
// BLS has no wage estimate for are hatched, and say so. The role page's "Pay by state" adds the
// five highest-paying states and every state's figures in a table; /states maps every state's
// mean over all its occupations.
import type { Area, AreaFigures } from '@/db/areas';
import { formatCount, formatJobsPer1000, NOT_PUBLISHED } from '@/lib/domain/format';
import { formatPayMean, formatPayMedian, formatWage, statePayOf, type PayUnit } from '@/lib/pay';
import { MAP_HEIGHT, MAP_WIDTH, stateShapes } from '@/lib/state-shapes';
import { TableScroll } from '../table-scroll';
import { ChartCaption } from './figure-source';
import { ColumnHeadings } from '@/components/column-headings';

const CLASSES = 5;

/** Where one shade ends and the next begins: the wages' quintiles, rounded so the legend reads plainly ($1,000 a year, $1 an hour). */
function classBreaks(wages: number[], unit: PayUnit) {
  if (wages.length === 0) return [];
  const step = unit === 'hour' ? 1 : 1_000;
  const sorted = [...wages].sort((a, b) => a - b);
  const breaks = Array.from({ length: CLASSES - 1 }, (_, index) => {
    const at = sorted[Math.floor(((index + 1) * sorted.length) / CLASSES)]!;
    return Math.round(at / step) * step;
  });
  return [...new Set(breaks)];
}

const classOf = (wage: number, breaks: number[]) => breaks.filter((limit) => wage >= limit).length;

function legendRanges(breaks: number[], unit: PayUnit) {
  // The range ends just below the next break: a dollar a year, a cent an hour.
  const below = unit === 'hour' ? 0.01 : 1;
  const wage = (amount: number) => formatWage(amount, unit);
  if (breaks.length === 0) return [];
  return Array.from({ length: breaks.length + 1 }, (_, index) => {
    if (index === 0) return `Under ${wage(breaks[0]!)}`;
    if (index === breaks.length) return `${wage(breaks[index - 1]!)} or more`;
    return `${wage(breaks[index - 1]!)} to ${wage(breaks[index]! - below)}`;
  });
}

/** A state and its mean wage in the map's unit (annual, or hourly for an occupation BLS publishes only hourly wages for). */
export type StateWage = { area: Area; averageSalary: number | null };

const meanText = (wage: StateWage, unit: PayUnit) =>
  wage.averageSalary === null ? 'no wage estimate' : `${formatWage(wage.averageSalary, unit)} ${unit === 'hour' ? 'an hour ' : ''}average`;

/** A choropleth of the states by mean wage. `hrefOf`: each state's page, for a map whose states are links. */
export function StateWageMap({
  title,
  label,
  note,
  wages,
  hrefOf,
  unit = 'year',
}: {
  title: string;
  label: string;
  note: string;
  wages: StateWage[];
  hrefOf?: (area: Area) => string;
  unit?: PayUnit;
}) {
  const byFips = new Map(wages.map((item) => [item.area.fips, item]));
  const breaks = classBreaks(
    wages.flatMap((item) => (item.averageSalary === null ? [] : [item.averageSalary])),
    unit,
  );
  const ranges = legendRanges(breaks, unit);
  const unestimated = [...stateShapes().keys()].filter((fips) => byFips.get(fips)?.averageSalary == null).length;
  return (
    <figure className="chart-figure state-map">
      <ChartCaption title={title}>
        {note}
        {unestimated > 0 && ` Hatched: no estimate (${unestimated === 1 ? '1 state' : `${unestimated} states`}).`}
      </ChartCaption>
      <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} className="state-map__svg" role="group" aria-label={label}>
        <defs>
          <pattern id="state-map-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="8" height="8" className="state-map__hatch-ground" />
            <line x1="0" y1="0" x2="0" y2="8" className="state-map__hatch-line" />
          </pattern>
        </defs>
        {[...stateShapes()].map(([fips, path]) => {
          const item = byFips.get(fips);
          const name = item ? `${item.area.name}: ${meanText(item, unit)}` : 'No estimate';
          const shade = item?.averageSalary == null ? 'state-map__state--none' : `state-map__state--${classOf(item.averageSalary, breaks)}`;
          const shape = (
            <path d={path} className={`state-map__state ${shade}`} role={item && hrefOf ? undefined : 'img'} aria-label={item && hrefOf ? undefined : name}>
              <title>{name}</title>
            </path>
          );
          return item && hrefOf ? (
            <a key={fips} href={hrefOf(item.area)} aria-label={name} className="state-map__link">
              {shape}
            </a>
          ) : (
            <g key={fips}>{shape}</g>
          );
        })}
      </svg>
      {/* What the shades are of, in words: an hourly map must not read as salaries. */}
      <p className="state-map__legend-title" aria-hidden="true">
        {unit === 'hour' ? 'Mean hourly wage' : 'Mean annual wage'}
      </p>
      <ul className="state-map__legend" aria-label={unit === 'hour' ? 'Map legend: mean hourly wage' : 'Map legend: mean annual wage'}>
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
  );
}

/** The role page's pay by state: the map (each state a link to the role's page for it), the highest-paying states, every state's figures. */
export function StatePayMap({ role, figures }: { role: { slug: string; title: string }; figures: AreaFigures[] }) {
  const hrefOf = (area: Area) => `/roles/${role.slug}/states/${area.slug}`;
  // One unit for the whole map: hourly only where no state has an annual figure (BLS's hourly-only occupations).
  const unit: PayUnit = figures.some((item) => item.averageSalary !== null || item.percentiles !== null) ? 'year' : 'hour';
  const rows = figures.map((item) => ({ item, pay: statePayOf(item) })).filter(({ pay }) => pay.unit === unit || pay.mean === null);
  const wages = rows.map(({ item, pay }) => ({ area: item.area, averageSalary: pay.mean }));
  const highest = rows
    .filter(({ pay }) => pay.mean !== null)
    .sort((a, b) => b.pay.mean! - a.pay.mean!)
    .slice(0, 5);
  const what = unit === 'hour' ? 'average hourly wage' : 'average salary';
  const title = `${role.title}: ${what} by state`;

  return (
    <>
      <StateWageMap
        title={unit === 'hour' ? 'Average hourly wage by state' : 'Average salary by state'}
        label={title}
        note={unit === 'hour' ? 'Each state shaded by its mean hourly wage (BLS publishes hourly wages only for this occupation).' : 'Each state shaded by its mean annual wage.'}
        wages={wages}
        hrefOf={hrefOf}
        unit={unit}
      />

      {highest.length > 0 && (
        <>
          <h3 id="highest-paying-states">Highest-paying states</h3>
          <ol className="state-ranking" aria-labelledby="highest-paying-states">
            {highest.map(({ item, pay }) => (
              <li key={item.area.fips}>
                <a className="state-ranking__name" href={hrefOf(item.area)}>
                  {item.area.name}
                </a>{' '}
                <strong>
                  {formatPayMean(pay)}
                  {unit === 'hour' && ' an hour'}
                </strong>
                {item.employment !== null && <span className="state-ranking__detail"> · {formatCount(item.employment)} employed</span>}
              </li>
            ))}
          </ol>
        </>
      )}
      <details className="state-table">
        <summary>Every state’s figures</summary>
        <TableScroll label={`${role.title} by state`}>
          <table>
            <caption className="visually-hidden">{title}, with median, employment and jobs per 1,000</caption>
            <ColumnHeadings columns={['State', unit === 'hour' ? 'Average an hour' : 'Average', unit === 'hour' ? 'Median an hour' : 'Median', 'Employed', 'Jobs per 1,000']} />
            <tbody>
              {figures.map((item) => {
                const pay = statePayOf(item);
                return (
                  <tr key={item.area.fips}>
                    <th scope="row">
                      <a href={hrefOf(item.area)}>{item.area.name}</a>
                    </th>
                    <td>{pay.unit === unit ? formatPayMean(pay) : NOT_PUBLISHED}</td>
                    <td>{pay.unit === unit ? formatPayMedian(pay) : NOT_PUBLISHED}</td>
                    <td>{item.employment === null ? NOT_PUBLISHED : formatCount(item.employment)}</td>
                    <td>{item.jobsPer1000 === null ? NOT_PUBLISHED : formatJobsPer1000(item.jobsPer1000)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </>
  );
}
