// The comparison as bars: one small chart per figure, a bar per role on a scale from zero, each
// labelled with its value and how it differs from the first role ("+$12,000, 11% more"). The
// figures themselves are in the comparison table above.
import type { RoleDetail } from '@/db/role-reads';
import { describeDifference } from '@/lib/server/compare';
import { niceTicks, toPercent, wrapText } from '@/lib/chart-scale';
import { formatCount, formatDegreeRequirement, formatOpeningsPerYear, formatPercentile, formatSalary } from '@/lib/domain/format';
import { formatWage, payOf } from '@/lib/pay';
import type { UsState } from '@/lib/us-states';
import { across, ChartSvg, LINE_HEIGHT } from './chart-svg';

const BAR_HEIGHT = 12;
// Role titles wrap to what fits at the narrowest width.
const TITLE_CHARACTERS = 38;

type Figure = { value: number; text: string; atLeast: boolean };
/** `local`: in a state comparison, the figure is the state's; the others stay national. */
type Metric = {
  name: string;
  local: boolean;
  kind: { money: string } | 'count' | 'points';
  figure: (role: RoleDetail) => Figure | null;
  /** What a role without the figure shows instead of "Not known", where it has something else to say. */
  instead?: (role: RoleDetail) => string | null;
};

/** An hourly-only occupation has no annual figure to draw on an annual scale, but its hourly one is known. */
function hourlyInstead({ stats }: RoleDetail) {
  const pay = payOf(stats);
  return pay.unit === 'hour' && pay.mean !== null ? `Hourly wages only: ${formatWage(pay.mean, 'hour', pay.currency)} an hour` : null;
}

const metrics: Metric[] = [
  {
    name: 'Average salary',
    local: true,
    kind: { money: 'USD' },
    figure: ({ stats }) => (stats.averageSalary === null ? null : { value: stats.averageSalary, text: formatSalary(stats.averageSalary, stats.currency), atLeast: false }),
    instead: hourlyInstead,
  },
  {
    name: 'Median salary',
    local: true,
    kind: { money: 'USD' },
    figure: ({ stats }) =>
      stats.percentiles && {
        value: stats.percentiles.median,
        text: formatPercentile(stats.percentiles, 'median', stats.currency),
        atLeast: stats.percentiles.topCoded.includes('median'),
      },
    instead: hourlyInstead,
  },
  {
    name: 'People employed',
    local: true,
    kind: 'count',
    figure: ({ stats }) => (stats.employment === null ? null : { value: stats.employment, text: formatCount(stats.employment), atLeast: false }),
  },
  {
    name: 'Job openings a year, projected',
    local: false,
    kind: 'count',
    figure: ({ stats }) =>
      stats.jobOpeningsBasis === 'projected-per-year' ? { value: stats.jobOpenings, text: formatOpeningsPerYear(stats.jobOpenings), atLeast: false } : null,
  },
  {
    name: 'Degree requirement',
    local: false,
    kind: 'points',
    figure: ({ stats }) =>
      stats.degreeRequirementPercent === null ? null : { value: stats.degreeRequirementPercent, text: formatDegreeRequirement(stats.degreeRequirementPercent), atLeast: false },
  },
];

function differenceText(figure: Figure, baseline: Figure, kind: Metric['kind']) {
  // "$239,200 or more" against another figure: how far apart is not known.
  if (figure.atLeast || baseline.atLeast) return 'difference not known exactly';
  return describeDifference(figure.value, baseline.value, kind);
}

function MetricBars({ metric, roles, state }: { metric: Metric; roles: RoleDetail[]; state: UsState | undefined }) {
  const name = state ? (metric.local ? `${metric.name} in ${state.name}` : `${metric.name} (U.S.)`) : metric.name;
  const kind = typeof metric.kind === 'object' ? { money: roles[0]!.stats.currency } : metric.kind;
  const rows = roles.map((role) => ({ role, figure: metric.figure(role), titleLines: wrapText(role.title, TITLE_CHARACTERS) }));
  const baseline = rows[0]!.figure;
  const { domain } = niceTicks(0, Math.max(...rows.map((row) => row.figure?.value ?? 0)), 4);
  // Each row as tall as its title's lines, one under the other.
  const laidOut: ((typeof rows)[number] & { top: number; valueY: number; barY: number; comparison: string | null })[] = [];
  let y = 0;
  for (const [index, row] of rows.entries()) {
    const top = y;
    const valueY = top + LINE_HEIGHT * (row.titleLines.length + 1);
    const barY = valueY + 6;
    y = barY + BAR_HEIGHT + 16;
    const comparison = row.figure && baseline && index > 0 ? differenceText(row.figure, baseline, kind) : null;
    laidOut.push({ ...row, top, valueY, barY, comparison });
  }
  const describeRow = ({ role, figure, comparison }: (typeof laidOut)[number]) =>
    `${role.title}: ${figure ? figure.text : (metric.instead?.(role) ?? 'not known')}${comparison ? ` (${comparison})` : ''}`;
  return (
    <figure className="chart-figure chart-figure--small">
      <figcaption className="chart-figure__caption">
        <span className="chart-figure__title">{name}</span>
        {!baseline && <>Differences only where {roles[0]!.title} has a figure.</>}
      </figcaption>
      <ChartSvg title={`${name}, compared`} description={`${laidOut.map(describeRow).join('; ')}.`} height={y - 8} className="chart--compare">
        {laidOut.map(({ role, figure, titleLines, top, valueY, barY, comparison }, index) => (
          <g key={role.slug}>
            <text y={top + LINE_HEIGHT - 2} className={index === 0 ? 'chart__value' : undefined}>
              {titleLines.map((line, lineIndex) => (
                <tspan key={lineIndex} x="0%" dy={lineIndex === 0 ? 0 : LINE_HEIGHT}>
                  {line}
                </tspan>
              ))}
            </text>
            <text x="0%" y={valueY - 2}>
              <tspan className="chart__value">{figure ? figure.text : (metric.instead?.(role) ?? 'Not known')}</tspan>
              {comparison && <tspan className="chart__muted">{`  ${comparison}`}</tspan>}
            </text>
            <rect className="chart__track" x="0%" width="100%" y={barY} height={BAR_HEIGHT} />
            {figure && (
              <rect className={index === 0 ? 'chart__bar' : 'chart__bar--muted'} x="0%" width={across(Math.max(toPercent(figure.value, domain), 0.5))} y={barY} height={BAR_HEIGHT} />
            )}
            {figure?.atLeast && (
              <g className="chart__open-end">
                <line x1={across(toPercent(figure.value, domain))} x2="100%" y1={barY + BAR_HEIGHT / 2} y2={barY + BAR_HEIGHT / 2} />
              </g>
            )}
          </g>
        ))}
      </ChartSvg>
    </figure>
  );
}

/** A chart per figure that two roles or more publish. */
export function CompareBars({ roles, state }: { roles: RoleDetail[]; state?: UsState }) {
  const shown = metrics.filter((metric) => roles.filter((role) => metric.figure(role) !== null).length >= 2);
  if (roles.length < 2 || shown.length === 0) return null;
  return (
    <section aria-labelledby="compare-bars" className="compare-bars">
      <h2 id="compare-bars">Side by side</h2>
      <p className="provenance">Each bar starts at zero; differences are from {roles[0]!.title}, the first role of the comparison.</p>
      <div className="trend-grid">
        {shown.map((metric) => (
          <MetricBars key={metric.name} metric={metric} roles={roles} state={state} />
        ))}
      </div>
    </section>
  );
}
