// The frame every chart shares: an SVG that assistive technology reads as one image, named by its
// <title> and described by its <desc> (the figures also stand in a table or list beside it). It is
// as wide as its box and drawn in percent across (lib/chart-scale.ts), so its text keeps its size
// on a phone and on a wide screen; colours come from CSS (app/charts.css), for dark mode and print.
import { useId } from 'react';
import { estimateTextWidth, placeLabels, type PlacedLabel, type TextAnchor } from '@/lib/chart-scale';

export const FONT_SIZE = 13;
export const LINE_HEIGHT = 16;

export function ChartSvg({
  title,
  description,
  height,
  className,
  children,
}: {
  title: string;
  description: string;
  height: number;
  className?: string;
  children: React.ReactNode;
}) {
  const id = useId();
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      width="100%"
      height={height}
      className={className ? `chart ${className}` : 'chart'}
      fontSize={FONT_SIZE}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {children}
    </svg>
  );
}

/** Percent across, as SVG lengths take it. */
export const across = (percent: number) => `${percent}%`;

/** A small diamond centred on a point: the mark for an average, told apart from a median line by its shape too. */
export function Diamond({ at, y, size = 7, className }: { at: number; y: number; size?: number; className?: string }) {
  return (
    <svg x={across(at)} y={y} overflow="visible" className={className}>
      <path d={`M0 ${-size}L${size} 0L0 ${size}L${-size} 0Z`} />
    </svg>
  );
}

/** A figure's label on two lines, its name (muted) above its value, the top line's baseline at `top + LINE_HEIGHT`. */
export function FigureLabel({ at, top, anchor, name, value }: { at: number; top: number; anchor: TextAnchor; name: string; value: string }) {
  return (
    <>
      <text x={across(at)} y={top + LINE_HEIGHT} textAnchor={anchor} className="chart__muted">
        {name}
      </text>
      <text x={across(at)} y={top + LINE_HEIGHT * 2} textAnchor={anchor}>
        {value}
      </text>
    </>
  );
}

/**
 * Labels under a band, each in the row placeLabels gave it (`placed`, in the same order), hung
 * from the band's bottom edge by a leader line.
 */
export function LabelsBelow({
  labels,
  placed,
  bandBottom,
  top: firstRowTop,
  rowHeight,
}: {
  labels: { key: string; at: number; name: string; value: string }[];
  placed: PlacedLabel[];
  bandBottom: number;
  top: number;
  rowHeight: number;
}) {
  return labels.map((label, index) => {
    const { anchor, row } = placed[index]!;
    const top = firstRowTop + row * rowHeight;
    return (
      <g key={label.key}>
        <line className="chart__leader" x1={across(label.at)} x2={across(label.at)} y1={bandBottom} y2={top + 2} />
        <FigureLabel at={label.at} top={top} anchor={anchor} name={label.name} value={label.value} />
      </g>
    );
  });
}

/** An arrowhead pointing right, for a range that goes on beyond the last published figure. */
export function ArrowRight({ at, y, className }: { at: number; y: number; className?: string }) {
  return (
    <svg x={across(at)} y={y} overflow="visible" className={className}>
      <path d="M-7 -5L0 0L-7 5" fill="none" strokeWidth={2} />
    </svg>
  );
}

/** Every other tick, as often as it takes for the labels to fit one row at the narrowest width. */
function thinTicks<Tick extends { at: number; text: string }>(ticks: Tick[]): Tick[] {
  const fits = (shown: Tick[]) => placeLabels(shown.map(({ at, text }) => ({ at, width: estimateTextWidth(text, FONT_SIZE) }))).every((label) => label.row === 0);
  let shown = ticks;
  while (shown.length > 2 && !fits(shown)) shown = shown.filter((_, index) => index % 2 === 0);
  return shown;
}

/** A horizontal axis at `y`: a line, a tick and a label per value, and the axis's name under them. */
export function HorizontalAxis({
  y,
  ticks,
  position,
  format,
  name,
}: {
  y: number;
  ticks: number[];
  position: (value: number) => number;
  format: (value: number) => string;
  name: string;
}) {
  const labels = thinTicks(ticks.map((tick) => ({ tick, at: position(tick), text: format(tick) })));
  const placed = placeLabels(labels.map(({ at, text }) => ({ at, width: estimateTextWidth(text, FONT_SIZE) })));
  return (
    <g className="chart__axis">
      <line x1="0%" x2="100%" y1={y} y2={y} />
      {labels.map(({ tick, at, text }, index) => (
        <g key={tick}>
          <line x1={across(at)} x2={across(at)} y1={y} y2={y + 5} />
          <text x={across(at)} y={y + 5 + LINE_HEIGHT + LINE_HEIGHT * placed[index]!.row} textAnchor={placed[index]!.anchor}>
            {text}
          </text>
        </g>
      ))}
      <text x="0%" y={y + 5 + LINE_HEIGHT * (2 + Math.max(...placed.map((label) => label.row)))} className="chart__axis-name">
        {name}
      </text>
    </g>
  );
}

/** The height a HorizontalAxis takes below its line. */
export const AXIS_HEIGHT = 5 + LINE_HEIGHT * 2 + 6;
