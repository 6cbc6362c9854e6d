// A role with an average salary but no percentiles, shown against its category: every published
// average of the category as a tick on one scale, the lowest, median and highest labelled, and
// this role's average marked. The same figures stand in a list beside the chart.
import Link from 'next/link';
import type { CategorySalaryRange } from '@/db/role-reads';
import { estimateTextWidth, niceTicks, placeLabels, toPercent } from '@/lib/chart-scale';
import { formatCount, formatSalary, formatSalaryShort } from '@/lib/domain/format';
import { across, AXIS_HEIGHT, ChartSvg, Diamond, FigureLabel, FONT_SIZE, HorizontalAxis, LabelsBelow, LINE_HEIGHT } from './chart-svg';
import { FigureList, ListedFigure } from './figure-list';

const STRIP_HEIGHT = 22;

/** The middle figure of a sorted list (the mean of the two middle ones for an even count). */
function medianOf(sorted: number[]) {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}

type Props = { role: { slug: string; title: string; averageSalary: number }; categoryName: string; range: CategorySalaryRange; caption: React.ReactNode };

export function CategorySalaryRangeFigure({ role, categoryName, range, caption }: Props) {
  const { currency, averageSalaries, lowest, highest } = range;
  const median = medianOf(averageSalaries);
  const others = averageSalaries.length - (averageSalaries.includes(role.averageSalary) ? 1 : 0);
  const earnLess = averageSalaries.filter((salary) => salary < role.averageSalary).length;
  const { domain, ticks } = niceTicks(Math.min(lowest.averageSalary, role.averageSalary), Math.max(highest.averageSalary, role.averageSalary), 4);
  const at = (value: number) => toPercent(value, domain);
  const money = (value: number) => formatSalary(value, currency);

  const roleValue = money(role.averageSalary);
  const [rolePlaced] = placeLabels([{ at: at(role.averageSalary), width: estimateTextWidth(roleValue, FONT_SIZE, { bold: true }) }]);
  const below = [
    { name: 'Lowest', value: lowest.averageSalary },
    { name: 'Median', value: median },
    { name: 'Highest', value: highest.averageSalary },
  ].map(({ name, value }) => ({ key: name, name, at: at(value), value: money(value) }));
  const belowPlaced = placeLabels(below.map((label) => ({ at: label.at, width: estimateTextWidth(label.value, FONT_SIZE) })));
  const belowRows = Math.max(...belowPlaced.map((label) => label.row)) + 1;

  const stripTop = LINE_HEIGHT * 2 + 10;
  const belowTop = stripTop + STRIP_HEIGHT + 8;
  const rowHeight = LINE_HEIGHT * 2 + 6;
  const axisY = belowTop + belowRows * rowHeight + 2;
  const title = `${role.title}'s average salary among the ${categoryName} roles`;
  const description =
    `${role.title}: ${money(role.averageSalary)} a year on average. The ${formatCount(averageSalaries.length)} ${categoryName} roles with a published average ` +
    `earn from ${money(lowest.averageSalary)} (${lowest.title}) to ${money(highest.averageSalary)} (${highest.title}), median ${money(median)}; ` +
    `${formatCount(earnLess)} of the ${formatCount(others)} others earn less on average.`;

  return (
    <figure className="chart-figure">
      {caption}
      <div className="chart-figure__chart">
        <ChartSvg title={title} description={description} height={axisY + AXIS_HEIGHT} className="chart--category">
          {ticks.map((tick) => (
            <line key={tick} className="chart__grid" x1={across(at(tick))} x2={across(at(tick))} y1={stripTop - 4} y2={axisY} />
          ))}
          <rect className="chart__band-outer" x={across(at(lowest.averageSalary))} width={across(at(highest.averageSalary) - at(lowest.averageSalary))} y={stripTop} height={STRIP_HEIGHT} />
          {averageSalaries.map((salary, index) => (
            <line key={index} className="chart__tick-mark" x1={across(at(salary))} x2={across(at(salary))} y1={stripTop + 3} y2={stripTop + STRIP_HEIGHT - 3} />
          ))}
          <line className="chart__median" x1={across(at(median))} x2={across(at(median))} y1={stripTop - 4} y2={stripTop + STRIP_HEIGHT + 4} />
          <line className="chart__leader" x1={across(at(role.averageSalary))} x2={across(at(role.averageSalary))} y1={LINE_HEIGHT * 2 + 4} y2={stripTop} />
          <Diamond at={at(role.averageSalary)} y={stripTop + STRIP_HEIGHT / 2} size={8} className="chart__mean" />
          <g className="chart__mean-label">
            <FigureLabel at={at(role.averageSalary)} top={0} anchor={rolePlaced!.anchor} name="This role" value={roleValue} />
          </g>
          <LabelsBelow labels={below} placed={belowPlaced} bandBottom={stripTop + STRIP_HEIGHT} top={belowTop} rowHeight={rowHeight} />
          <HorizontalAxis y={axisY} ticks={ticks} position={at} format={(value) => formatSalaryShort(value, currency)} name={`Average annual salary (${currency})`} />
        </ChartSvg>
        <p className="chart-legend" aria-hidden="true">
          <span className="chart-legend__item">
            <span className="chart-swatch chart-swatch--mean" /> {role.title}
          </span>
          <span className="chart-legend__item">
            <span className="chart-swatch chart-swatch--tick" /> another {categoryName} role
          </span>
        </p>
      </div>
      <FigureList>
        <ListedFigure term={role.title}>{money(role.averageSalary)}</ListedFigure>
        <ListedFigure term={<>Lowest in {categoryName}</>}>
          {money(lowest.averageSalary)} <Link href={`/roles/${lowest.slug}`}>{lowest.title}</Link>
        </ListedFigure>
        <ListedFigure term={<>Median of {formatCount(averageSalaries.length)} roles</>}>{money(median)}</ListedFigure>
        <ListedFigure term={<>Highest in {categoryName}</>}>
          {money(highest.averageSalary)} <Link href={`/roles/${highest.slug}`}>{highest.title}</Link>
        </ListedFigure>
      </FigureList>
    </figure>
  );
}
