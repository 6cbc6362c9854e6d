// The embed widget's geometry. The widget runs no script, so the page that embeds it decides its
// height: every block of the card has a fixed height (every text in it is one line, or a title
// clamped to a known number of lines), and the card is exactly their sum. These numbers are the one
// source of both the card's CSS (widget.ts) and the height every snippet carries (embed-snippet.ts,
// oEmbed), so the two cannot drift apart.

export const WIDGET_WIDTH = 360;

/** Pixel sizes of the card's blocks, top to bottom. */
export const widgetBlocks = {
  border: 1,
  paddingBlock: 14,
  paddingInline: 16,
  /** Between blocks. */
  gap: 12,
  /** One line of the title box (the title and, where it leaves room, the category). */
  titleLine: 20,
  /** A row of figures: a label (16) over a value (26). */
  figures: 42,
  /** The salary bar, and the space under it. */
  bar: 8,
  barGap: 6,
  /** A line of label and value: middle half and median, or degree requirement and employment. */
  detailLine: 18,
  /** The last line: as-of date and the link. */
  footer: 16,
  // The compact card: a one-line title, the average salary on one line, the footer.
  compactPaddingBlock: 12,
  compactGap: 6,
  compactSalary: 28,
} as const;

/**
 * How many lines the full card gives a title, by its length. BLS titles run to 112 characters.
 * The limits hold in a wide font (DejaVu Sans, Linux's usual system-ui, needs a third line from 60
 * characters and a fourth from 100); in a narrower font (Arial, Segoe UI, San Francisco) a title
 * may need a line less, and the category fills the line it leaves.
 */
export function titleLinesOf(title: string): 2 | 3 | 4 {
  return title.length <= 56 ? 2 : title.length <= 92 ? 3 : 4;
}

/** What decides the card's height: everything else has the same height on every card. */
export type WidgetVariant = {
  compact: boolean;
  titleLines: 1 | 2 | 3 | 4;
  /** The salary bar, with the middle half and median under it, where the role has percentiles. */
  range: boolean;
  /** Lines of label and value under the first figures: range and median, else degree requirement and employment where known. */
  detailLines: 0 | 1 | 2;
};

export type SizedRole = {
  title: string;
  stats: {
    percentiles: object | null;
    averageSalary: number | null;
    hourlyWages?: { percentiles: object | null } | null;
    degreeRequirementPercent: number | null;
    employment: number | null;
  };
};

export function widgetVariantOf(role: SizedRole, { compact }: { compact: boolean }): WidgetVariant {
  if (compact) return { compact, titleLines: 1, range: false, detailLines: 0 };
  const { degreeRequirementPercent, employment } = role.stats;
  // The spread the card draws: the annual one, or the hourly one where only hourly wages are published (lib/pay.ts's rule).
  const percentiles = role.stats.averageSalary === null && role.stats.percentiles === null ? (role.stats.hourlyWages?.percentiles ?? null) : role.stats.percentiles;
  const facts = [degreeRequirementPercent, employment].filter((figure) => figure !== null).length as 0 | 1 | 2;
  return { compact, titleLines: titleLinesOf(role.title), range: percentiles !== null, detailLines: percentiles ? 2 : facts };
}

/** The card's height in CSS pixels: what the iframe's height must be. */
export function widgetHeight({ compact, titleLines, range, detailLines }: WidgetVariant) {
  const b = widgetBlocks;
  if (compact) return 2 * b.border + 2 * b.compactPaddingBlock + b.titleLine + b.compactGap + b.compactSalary + b.compactGap + b.footer;
  const detailHeight = detailLines === 0 ? 0 : b.gap + (range ? b.bar + b.barGap : 0) + detailLines * b.detailLine;
  return 2 * b.border + 2 * b.paddingBlock + titleLines * b.titleLine + b.gap + b.figures + detailHeight + b.gap + b.footer;
}

export function widgetSize(role: SizedRole, options: { compact: boolean }) {
  return { width: WIDGET_WIDTH, height: widgetHeight(widgetVariantOf(role, options)) };
}
