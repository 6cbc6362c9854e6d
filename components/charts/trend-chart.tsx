// One figure over time: a point per release on a time scale, each labelled with its value, on a
// scale from zero (so a 5% rise looks like one). Drawn from two releases on; the figures are in
// the history table beside it.
import { estimateTextWidth, inset, niceTicks, placeLabels, toPercent } from '@/lib/chart-scale';
import { formatAsOf } from '@/lib/domain/format';
import type { TrendPoint } from '@/lib/server/stats-history';
import { across, ChartSvg, FONT_SIZE, LINE_HEIGHT } from './chart-svg';

const PLOT_TOP = LINE_HEIGHT * 2 + 4;
const PLOT_HEIGHT = 72;
// Keeps the first and last points' labels clear of the edges.
const SIDE_MARGIN = 12;

const time = (isoDate: string) => Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);

export function TrendChart({
  title,
  description,
  points,
  format,
}: {
  title: string;
  description: string;
  points: TrendPoint[];
  format: (value: number) => string;
}) {
  if (points.length < 2) return null;
  const times = points.map((point) => time(point.asOf));
  const xDomain = { min: Math.min(...times), max: Math.max(...times) };
  const { domain } = niceTicks(0, Math.max(...points.map((point) => point.value)), 3);
  const x = (point: TrendPoint) => inset(toPercent(time(point.asOf), xDomain), SIDE_MARGIN);
  const plotBottom = PLOT_TOP + PLOT_HEIGHT;
  const y = (value: number) => plotBottom - ((value - domain.min) / (domain.max - domain.min)) * PLOT_HEIGHT;
  const valueLabels = placeLabels(points.map((point) => ({ at: x(point), width: estimateTextWidth(format(point.value), FONT_SIZE) })));
  const dateLabels = placeLabels(points.map((point) => ({ at: x(point), width: estimateTextWidth(formatAsOf(point.asOf), FONT_SIZE) })));
  const dateRows = Math.max(...dateLabels.map((label) => label.row)) + 1;
  const height = plotBottom + 8 + dateRows * LINE_HEIGHT + 4;

  return (
    <ChartSvg title={title} description={description} height={height} className="chart--trend">
      {/* Only the baseline: every point carries its value, and the baseline says the scale starts at zero. */}
      <line className="chart__baseline" x1="0%" x2="100%" y1={plotBottom} y2={plotBottom} />
      <text x="0%" y={plotBottom - 4} className="chart__muted">
        {format(0)}
      </text>
      {points.slice(1).map((point, index) => (
        <line key={point.asOf} className="chart__line" x1={across(x(points[index]!))} y1={y(points[index]!.value)} x2={across(x(point))} y2={y(point.value)} />
      ))}
      {points.map((point, index) => (
        <g key={point.asOf}>
          <circle className="chart__point" cx={across(x(point))} cy={y(point.value)} r={4.5} />
          <text x={across(x(point))} y={y(point.value) - 10 - valueLabels[index]!.row * LINE_HEIGHT} textAnchor={valueLabels[index]!.anchor} className="chart__value">
            {format(point.value)}
          </text>
          <text x={across(x(point))} y={plotBottom + 8 + LINE_HEIGHT * (dateLabels[index]!.row + 1) - 4} textAnchor={dateLabels[index]!.anchor}>
            {formatAsOf(point.asOf)}
          </text>
        </g>
      ))}
    </ChartSvg>
  );
}
