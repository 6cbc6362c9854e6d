// Maps of the states shaded by a mean wage, drawn on the server (lib/state-shapes.ts), with a
// legend. Each state is named with its value, and links to its page where there is one; states
// BLS has no wage estimate for are hatched, and say so. The role page's "Pay by state" adds the
// five highest-paying states and every state's figures in a table; /states maps every state's
// mean over all its occupations.
import type { Area, AreaFigures } from '@/db/areas';
import { formatCount, formatJobsPer1000, formatPercentile, formatSalary, NOT_PUBLISHED } from '@/lib/format';
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


export type StateWage = { area: Area; averageSalary: number | null };

const mean = (wage: StateWage) => (wage.averageSalary === null ? 'no wage estimate' : `${formatSalary(wage.averageSalary)} average`);

/** A choropleth of the states by mean wage. `hrefOf`: each state's page, for a map whose states are links. */
export function StateWageMap({ title, label, note, wages, hrefOf }: { title: string; label: string; note: string; wages: StateWage[]; hrefOf?: (area: Area) => string }) {
  const byFips = new Map(wages.map((item) => [item.area.fips, item]));
  const breaks = classBreaks(wages.flatMap((item) => (item.averageSalary === null ? [] : [item.averageSalary])));
  const ranges = legendRanges(breaks);
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
          const name = item ? `${item.area.name}: ${mean(item)}` : 'No estimate';
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
  );
}

/** The role page's pay by state: the map (each state a link to the role's page for it), the highest-paying states, every state's figures. */
export function StatePayMap({ role, figures }: { role: { slug: string; title: string }; figures: AreaFigures[] }) {
  const hrefOf = (area: Area) => `/roles/${role.slug}/states/${area.slug}`;
  const highest = figures
    .filter((item) => item.averageSalary !== null)
    .sort((a, b) => b.averageSalary! - a.averageSalary!)
    .slice(0, 5);
  const title = `${role.title}: average salary by state`;

  return (
    <>
      <StateWageMap title="Average salary by state" label={title} note="Each state shaded by its mean annual wage." wages={figures} hrefOf={hrefOf} />

      {highest.length > 0 && (
        <>
          <h3 id="highest-paying-states">Highest-paying states</h3>
          <ol className="state-ranking" aria-labelledby="highest-paying-states">
            {highest.map((item) => (
              <li key={item.area.fips}>
                <a className="state-ranking__name" href={hrefOf(item.area)}>
                  {item.area.name}
                </a>{' '}
                <strong>{formatSalary(item.averageSalary!)}</strong>
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
                  <th scope="row">
                    <a href={hrefOf(item.area)}>{item.area.name}</a>
                  </th>
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
