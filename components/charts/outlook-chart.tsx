// The employment outlook: people employed at the start of the projection and at its end, and the
// openings a year expected in between (from growth and from people leaving the occupation), as
// bars on one scale from zero, each labelled; the same figures in a list beside the chart.
import type { Outlook } from '@/lib/domain/role-fields';
import { niceTicks, toPercent } from '@/lib/chart-scale';
import { formatChangePercent, formatCount, formatOpeningsPerYear } from '@/lib/domain/format';
import { across, ChartSvg, LINE_HEIGHT } from './chart-svg';
import { FigureList, ListedFigure } from './figure-list';

const BAR_HEIGHT = 16;
const ROW_HEIGHT = LINE_HEIGHT + 4 + BAR_HEIGHT + 14;

type Bar = { label: string; value: number; text: string; className: string };

export function OutlookFigure({ outlook, openingsPerYear, caption }: { outlook: Outlook; openingsPerYear: number | null; caption: React.ReactNode }) {
  const change = outlook.endEmployment - outlook.startEmployment;
  const changeText = `${change >= 0 ? '+' : '−'}${formatCount(Math.abs(change))} (${formatChangePercent(outlook.changePercent)})`;
  const bars: Bar[] = [
    { label: `Employment ${outlook.startYear}`, value: outlook.startEmployment, text: formatCount(outlook.startEmployment), className: 'chart__bar--muted' },
    { label: `Employment ${outlook.endYear}, projected`, value: outlook.endEmployment, text: formatCount(outlook.endEmployment), className: 'chart__bar' },
  ];
  if (openingsPerYear !== null) {
    bars.push({ label: 'Openings a year, projected', value: openingsPerYear, text: formatOpeningsPerYear(openingsPerYear), className: 'chart__bar--mark' });
  }
  const { domain } = niceTicks(0, Math.max(...bars.map((bar) => bar.value)), 4);
  const description =
    `Employment is projected to go from ${formatCount(outlook.startEmployment)} in ${outlook.startYear} to ${formatCount(outlook.endEmployment)} in ${outlook.endYear}, ${changeText}` +
    (openingsPerYear === null ? '.' : `, with ${formatOpeningsPerYear(openingsPerYear)} openings a year.`);

  return (
    <figure className="chart-figure">
      {caption}
      <div className="chart-figure__chart">
        <ChartSvg title={`Employment outlook, ${outlook.startYear} to ${outlook.endYear}`} description={description} height={bars.length * ROW_HEIGHT} className="chart--outlook">
          {bars.map((bar, index) => {
            const top = index * ROW_HEIGHT;
            return (
              <g key={bar.label}>
                <text x="0%" y={top + LINE_HEIGHT - 2}>
                  {bar.label}
                </text>
                <text x="100%" y={top + LINE_HEIGHT - 2} textAnchor="end" className="chart__value">
                  {bar.text}
                </text>
                <rect className="chart__track" x="0%" width="100%" y={top + LINE_HEIGHT + 4} height={BAR_HEIGHT} />
                {/* At least a sliver, so a small figure still shows where its bar is. */}
                <rect className={bar.className} x="0%" width={across(Math.max(toPercent(bar.value, domain), 0.5))} y={top + LINE_HEIGHT + 4} height={BAR_HEIGHT} />
              </g>
            );
          })}
        </ChartSvg>
      </div>
      <FigureList>
        <ListedFigure term={<>Employment {outlook.startYear}</>}>{formatCount(outlook.startEmployment)}</ListedFigure>
        <ListedFigure term={<>Employment {outlook.endYear}, projected</>}>{formatCount(outlook.endEmployment)}</ListedFigure>
        <ListedFigure term="Change">{changeText}</ListedFigure>
        {openingsPerYear !== null && <ListedFigure term="Openings a year, projected">{formatOpeningsPerYear(openingsPerYear)}</ListedFigure>}
      </FigureList>
    </figure>
  );
}
