// The arithmetic of the server-rendered charts (components/charts/). A chart places its shapes
// in percent across and in pixels down, so it fills any width while its text keeps its size; these
// functions turn figures into those percentages and keep labels from running into each other.

export type Domain = { min: number; max: number };

/**
 * The narrowest a chart is ever drawn (a 320 px screen less the page's padding). Labels that
 * clear each other at this width clear each other at every wider one.
 */
export const NARROWEST_CHART_WIDTH = 288;

/** A step of 1, 2 or 5 times a power of ten that cuts `span` into about `count` parts. */
export function niceStep(span: number, count: number) {
  if (!(span > 0) || count < 1) return 1;
  const rough = span / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const multiple = [1, 2, 5, 10].find((candidate) => candidate * power >= rough) ?? 10;
  return multiple * power;
}

/**
 * A domain from `low` to `high` widened to whole steps, with its ticks:
 * niceTicks(79_850, 211_450) covers 50,000 to 250,000 in steps of 50,000.
 */
export function niceTicks(low: number, high: number, count = 4): { domain: Domain; ticks: number[] } {
  const [from, to] = low <= high ? [low, high] : [high, low];
  // One figure alone still needs a scale around it.
  const span = to - from || Math.abs(to) || 1;
  const step = niceStep(span, count);
  const min = Math.floor(from / step) * step;
  const max = Math.max(Math.ceil(to / step) * step, min + step);
  const ticks: number[] = [];
  // Counted in steps, not added up, so no rounding error creeps into the last tick.
  for (let index = 0; min + index * step <= max + step / 1e6; index++) ticks.push(min + index * step);
  return { domain: { min, max }, ticks };
}

/** Where a value sits across a domain, in percent of the width (0–100), never outside it. */
export function toPercent(value: number, { min, max }: Domain) {
  if (max === min) return 50;
  const percent = ((value - min) / (max - min)) * 100;
  return Math.round(Math.min(100, Math.max(0, percent)) * 100) / 100;
}

/** A plotting area inside the chart's width, in percent: `inset(toPercent(...), 8)` keeps 8% free at either side. */
export function inset(percent: number, margin: number) {
  return Math.round((margin + (percent * (100 - 2 * margin)) / 100) * 100) / 100;
}

/**
 * How wide a text is drawn, in pixels, erring wide: an average sans-serif figure or letter is
 * a little over half the font size, a bold one more.
 */
export function estimateTextWidth(text: string, fontSize: number, { bold = false } = {}) {
  return Math.ceil(text.length * fontSize * (bold ? 0.68 : 0.62));
}

export type TextAnchor = 'start' | 'middle' | 'end';

/** A label centred on its point, unless that would push it over the chart's edge at the narrowest width. */
export function anchorFor(at: number, width: number, chartWidth = NARROWEST_CHART_WIDTH): TextAnchor {
  const centre = (at / 100) * chartWidth;
  if (centre - width / 2 < 0) return 'start';
  if (centre + width / 2 > chartWidth) return 'end';
  return 'middle';
}

/** The pixels a label covers at a chart width, given where it is anchored. */
function extent(at: number, width: number, anchor: TextAnchor, chartWidth: number): [number, number] {
  const point = (at / 100) * chartWidth;
  if (anchor === 'start') return [point, point + width];
  if (anchor === 'end') return [point - width, point];
  return [point - width / 2, point + width / 2];
}

export type PlacedLabel = { anchor: TextAnchor; row: number };

/**
 * Labels along one line, each given an anchor and the first row (0 nearest the line, 1, …) where
 * it clears the labels to its left by `gap` pixels at the narrowest width. A label away from the
 * line is joined to its point by a leader, which may not cross a nearer label: a row is taken only
 * if the leader passes the nearer rows clear, and the leader then blocks those rows for the labels
 * after it. Returned in the order given.
 */
export function placeLabels(labels: { at: number; width: number }[], { gap = 8, chartWidth = NARROWEST_CHART_WIDTH } = {}): PlacedLabel[] {
  const rowEnds: number[] = [];
  const placed: PlacedLabel[] = new Array(labels.length);
  const leftToRight = labels.map((label, index) => ({ ...label, index })).sort((a, b) => a.at - b.at);
  for (const { at, width, index } of leftToRight) {
    const anchor = anchorFor(at, width, chartWidth);
    const [left, right] = extent(at, width, anchor, chartWidth);
    const point = (at / 100) * chartWidth;
    const fits = (row: number) => left >= (rowEnds[row] ?? -Infinity) + gap && rowEnds.slice(0, row).every((end) => point >= end + gap / 2);
    let row = 0;
    while (row < rowEnds.length && !fits(row)) row++;
    for (let nearer = 0; nearer < row; nearer++) rowEnds[nearer] = Math.max(rowEnds[nearer]!, point);
    rowEnds[row] = right;
    placed[index] = { anchor, row };
  }
  return placed;
}

/**
 * Two labels of points close together (a median and a mean), side by side on one line: each
 * anchored at its point and reaching away from the other. Null when one would leave the chart.
 */
export function placePair(
  [first, second]: [{ at: number; width: number }, { at: number; width: number }],
  chartWidth = NARROWEST_CHART_WIDTH,
): [TextAnchor, TextAnchor] | null {
  const [leftLabel, rightLabel] = first.at <= second.at ? [first, second] : [second, first];
  if ((leftLabel.at / 100) * chartWidth < leftLabel.width || (rightLabel.at / 100) * chartWidth + rightLabel.width > chartWidth) return null;
  return first.at <= second.at ? ['end', 'start'] : ['start', 'end'];
}

/** A text cut into lines of at most `maxCharacters` at spaces (a longer word keeps a line to itself). */
export function wrapText(text: string, maxCharacters: number) {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= maxCharacters) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
