// A shields-style badge ("avg salary | $110,000") as SVG, with a <title> for screen readers.
import type { CardRole } from './card-role';
import { formatCount, formatDegreeRequirement } from '@/lib/domain/format';
import { formatPayMean, payOf } from '@/lib/pay';
import { describeEdit, editOf, type FigureKey } from '@/lib/provenance';
import type { UsState } from '@/lib/us-states';
import { escapeHtml } from './widget';

export type BadgeMetric = 'salary' | 'openings' | 'degree';
/** `edit`: for a figure an editor set by hand, what its title (tooltip, accessible name) adds. */
type Badge = { label: string; value: string; color?: string; edit?: string };

const badgeFigures: Record<BadgeMetric, FigureKey> = { salary: 'averageSalary', openings: 'jobOpenings', degree: 'degreeRequirementPercent' };

/**
 * What a role's badge says for one metric. In a state the salary is the state's ("avg salary in CA");
 * openings and the degree share are national figures, and say so.
 */
export function badgeOf({ stats, inState }: Pick<CardRole, 'stats' | 'inState'>, metric: BadgeMetric): Badge {
  const edit = editOf(stats, badgeFigures[metric]);
  return { ...badgeFigure({ stats, inState }, metric), ...(edit && { edit: describeEdit(edit) }) };
}

/**
 * `metric=openings-live`: the role's open job postings now (government postings placed in it), in
 * the U.S. or in the state asked for; none counted is 0, not unknown.
 */
export function openPostingsBadge({ openCount, state }: { openCount: number; state: UsState | null }): Badge {
  return { label: `open postings${state ? ` in ${state.postalCode}` : ''}`, value: formatCount(openCount) };
}

function badgeFigure({ stats, inState }: Pick<CardRole, 'stats' | 'inState'>, metric: BadgeMetric): Badge {
  const where = inState ? ` in ${inState.state.postalCode}` : '';
  const national = inState ? ' (U.S.)' : '';
  switch (metric) {
    case 'salary': {
      // An occupation paid by the hour shows its hourly wage, named so, never an annual figure.
      const pay = payOf(stats);
      return { label: `${pay.unit === 'hour' ? 'avg hourly wage' : 'avg salary'}${where}`, value: formatPayMean(pay).toLowerCase() };
    }
    case 'openings':
      return { label: `${stats.jobOpeningsBasis === 'projected-per-year' ? 'openings a year' : 'job openings'}${national}`, value: formatCount(stats.jobOpenings) };
    case 'degree':
      return { label: `degree required${national}`, value: formatDegreeRequirement(stats.degreeRequirementPercent).toLowerCase() };
  }
}

/** Approximate width of 11 px Verdana text: good enough to size a badge without a font file. */
function textWidth(text: string) {
  let width = 0;
  for (const character of text) width += /[A-Z$%]/.test(character) ? 8 : /[ .,:|]/.test(character) ? 4 : 7;
  return width;
}

function partWidths({ label, value }: Badge) {
  return { labelWidth: textWidth(label) + 12, valueWidth: textWidth(value) + 12 };
}

/** The badge's width in CSS pixels (it is 20 high), so a page can reserve its box before it loads. */
export function badgeWidth(badge: Badge) {
  const { labelWidth, valueWidth } = partWidths(badge);
  return labelWidth + valueWidth;
}

export function renderBadge(badge: Badge) {
  const { label, value, color = '#1d4ed8', edit } = badge;
  const { labelWidth, valueWidth } = partWidths(badge);
  const width = labelWidth + valueWidth;
  const title = escapeHtml(`${label}: ${value}${edit ? ` (${edit})` : ''}`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${title}"><title>${title}</title><linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient><clipPath id="r"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath><g clip-path="url(#r)"><rect width="${labelWidth}" height="20" fill="#4b5563"/><rect x="${labelWidth}" width="${valueWidth}" height="20" fill="${color}"/><rect width="${width}" height="20" fill="url(#s)"/></g><g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11"><text x="${
    labelWidth / 2
  }" y="14">${escapeHtml(label)}</text><text x="${labelWidth + valueWidth / 2}" y="14">${escapeHtml(value)}</text></g></svg>`;
}
