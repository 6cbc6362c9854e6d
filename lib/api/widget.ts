// The embeddable role card: one self-contained HTML document with inline CSS, no scripts and
// no external requests, well under 10 kB. Everything printed is escaped. Its height is fixed per
// variant (widget-layout.ts), its words come in the locale's language (widget-text.ts).
import type { RoleDetail } from '@/db/role-reads';
import { formatAsOf, formatCount, formatDegreeRequirement } from '@/lib/domain/format';
import { formatWage, payOf, type PayUnit } from '@/lib/pay';
import { describeEdit, editOf, type FigureKey } from '@/lib/provenance';
import type { PercentileKey } from '@/lib/domain/role-fields';
import type { Percentiles } from '@/lib/domain/role-fields';
import { cardTitleOf, type CardRole } from './card-role';
import type { EmbedOptions } from './embed-options';
import { widgetBlocks as b, widgetVariantOf, type WidgetVariant } from './widget-layout';
import { widgetTextFor, type WidgetText } from './widget-text';

// Named references, so a snippet people read and paste says "?theme=dark&amp;compact=1".
const htmlReferences: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (character) => htmlReferences[character]!);
}

// Every text pair is AA (4.5:1 or more) in both themes; the bar's fill is 3:1 against its track's surroundings.
const light = '--bg:#fff;--fg:#111827;--muted:#4b5563;--accent:#1d4ed8;--track:#e5e7eb;--fill:#3b82f6;--border:#d1d5db;--rule:#e5e7eb';
const dark = '--bg:#111827;--fg:#f3f4f6;--muted:#a8b3c4;--accent:#93c5fd;--track:#374151;--fill:#60a5fa;--border:#374151;--rule:#1f2937';

function themeCss(theme: EmbedOptions['theme']) {
  if (theme === 'dark') return `:root{${dark};color-scheme:dark}`;
  if (theme === 'auto') return `:root{${light};color-scheme:light dark}@media(prefers-color-scheme:dark){:root{${dark}}}`;
  return `:root{${light};color-scheme:light}`;
}

/** The layout: each block has the height widget-layout.ts gives it, and every line of text stays one line. */
function layoutCss({ compact, titleLines }: WidgetVariant) {
  const paddingBlock = compact ? b.compactPaddingBlock : b.paddingBlock;
  const gap = compact ? b.compactGap : b.gap;
  return `*{box-sizing:border-box}
body{margin:0;font:14px/20px system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;background:var(--bg);color:var(--fg);font-variant-numeric:tabular-nums}
.card{height:100vh;overflow:hidden;display:flex;flex-direction:column;gap:${gap}px;padding:${paddingBlock}px ${b.paddingInline}px;border:${b.border}px solid var(--border);border-radius:10px}
.card>*{flex:none;margin:0;overflow:hidden}
.one,dt,dd,.foot>*{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.title{height:${titleLines * b.titleLine}px}
h1{margin:0;font-size:16px;font-weight:650;line-height:${b.titleLine}px;letter-spacing:-.01em;display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:${titleLines};overflow:hidden}
.category{margin:0;font-size:12.5px;line-height:${b.titleLine}px;color:var(--muted)}
dl{margin:0;display:grid;grid-template-columns:1fr 1fr;column-gap:16px}dl>div{min-width:0}dd{margin:0}
.figures{grid-template-columns:auto minmax(0,1fr)}
dt{font-size:12px;line-height:16px;color:var(--muted)}
.figures{height:${b.figures}px}.figures dd{font-size:20px;line-height:26px;font-weight:700;letter-spacing:-.01em}.figures .salary{color:var(--accent)}
.detail{display:block}.detail>div{height:${b.detailLine}px;display:flex;justify-content:space-between;align-items:baseline;gap:12px}
.detail dt,.detail dd{line-height:${b.detailLine}px}.detail dt{flex:none}.detail dd{font-size:13px;font-weight:600}
dd.unknown{font-size:14px;font-weight:400;color:var(--muted)}
.range{overflow:visible}
.bar{position:relative;height:${b.bar}px;margin-bottom:${b.barGap}px;background:var(--track);border-radius:4px}
.fill{position:absolute;top:0;bottom:0;background:var(--fill);border-radius:4px}.median{position:absolute;top:-3px;bottom:-3px;width:3px;margin-left:-1px;background:var(--fg);border-radius:1px}
/* One line of text at the figure's size, so the label (smaller, on the same baseline) cannot make it taller. */
.compact-salary{height:${b.compactSalary}px;display:block}.compact-salary>div{font-size:22px;line-height:${b.compactSalary}px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.compact-salary dt,.compact-salary dd{display:inline}.compact-salary dt{font-size:13px;line-height:1;margin-right:8px}
.compact-salary dd{font-weight:700;color:var(--accent);letter-spacing:-.01em}.compact-salary dd.unknown{font-size:14px;line-height:1}
.foot{height:${b.footer}px;margin-top:auto;display:flex;justify-content:space-between;gap:12px;font-size:12px;line-height:${b.footer}px;color:var(--muted)}
a{color:var(--accent);text-underline-offset:2px}
.edited{font-weight:600;color:var(--fg)}.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}a:hover{text-decoration-thickness:2px}
/* Narrower than designed (a phone's column, oEmbed's maxwidth): smaller figures and a shorter link, same height. */
@media (max-width:339px){.figures dd{font-size:18px}.detail>div{gap:8px}.detail dt{font-size:11px}.detail dd{font-size:12px}.wide{display:none}}`;
}

/** A percentile wage in its unit; a top-coded one is the least it can be: "$239,200 or more", never an exact figure. */
function formatPercentileWage(percentiles: Percentiles, key: PercentileKey, unit: PayUnit, currency: string, locale: string, text: WidgetText) {
  return `${formatWage(percentiles[key], unit, currency, locale)}${percentiles.topCoded.includes(key) ? ` ${text.orMore}` : ''}`;
}

/** The middle half of wages, as the locale writes a range: "$103,050 – $169,000", "103.050–169.000 $", "$16.94 – $41.09". */
function formatMiddleHalf(percentiles: Percentiles, unit: PayUnit, currency: string, locale: string, text: WidgetText) {
  const { p25, p75, topCoded } = percentiles;
  if (topCoded.includes('p25') || p25 === p75) return formatPercentileWage(percentiles, 'p25', unit, currency, locale, text);
  const digits = unit === 'hour' ? 2 : 0;
  const range = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).formatRange(p25, p75);
  return topCoded.includes('p75') ? `${range}${text.rangeOrMore}` : range;
}

/** `edit`: a figure an editor set by hand, marked as such; the whole sentence is its tooltip and is read out after it. */
type Figure = { label: string; value: string; className?: string; edit?: { word: string; description: string } };

function figureList(figures: Figure[], className: string) {
  const items = figures.map(({ label, value, className: valueClass, edit }) => {
    const marker = edit ? `<span class="edited"> · ${escapeHtml(edit.word)}</span>` : '';
    // The description is English, like the editors' notes.
    const description = edit ? `<span class="vh" lang="en">. ${escapeHtml(edit.description)}</span>` : '';
    return `<div${edit ? ` title="${escapeHtml(edit.description)}"` : ''}><dt>${escapeHtml(label)}${marker}</dt><dd${valueClass ? ` class="${valueClass}"` : ''}>${escapeHtml(value)}${description}</dd></div>`;
  });
  return `<dl class="${className}">${items.join('')}</dl>`;
}

/** The figure, marked as edited where an editor set it by hand. */
function withEdit(figure: Figure, stats: RoleDetail['stats'], key: FigureKey, text: WidgetText): Figure {
  const edit = editOf(stats, key);
  return edit ? { ...figure, edit: { word: text.edited, description: describeEdit(edit) } } : figure;
}

function salaryFigure(stats: RoleDetail['stats'], locale: string, text: WidgetText): Figure {
  const pay = payOf(stats);
  const label = pay.unit === 'hour' ? text.averageHourlyWage : text.averageSalary;
  return pay.mean === null
    ? { label, value: text.notPublished, className: 'unknown' }
    : withEdit({ label, value: formatWage(pay.mean, pay.unit, pay.currency, locale), className: 'salary' }, stats, pay.unit === 'hour' ? 'hourlyWages' : 'averageSalary', text);
}

function openingsFigure(stats: RoleDetail['stats'], locale: string, text: WidgetText): Figure {
  const figure =
    stats.jobOpeningsBasis === 'projected-per-year'
      ? // BLS publishes openings in thousands with one decimal: 0.0 thousand is fewer than 50.
        { label: text.openingsAYear, value: stats.jobOpenings === 0 ? '< 50' : formatCount(stats.jobOpenings, locale) }
      : { label: text.jobOpenings, value: text.jobOpeningsValue(stats.jobOpenings, formatCount(stats.jobOpenings, locale)) };
  return withEdit(figure, stats, 'jobOpenings', text);
}

/** Where there is no salary range: the degree share and employment, whichever are known. */
function factFigures(stats: RoleDetail['stats'], locale: string, text: WidgetText): Figure[] {
  const facts: Figure[] = [];
  if (stats.degreeRequirementPercent !== null) {
    facts.push(withEdit({ label: text.degreeRequirement, value: formatDegreeRequirement(stats.degreeRequirementPercent, locale) }, stats, 'degreeRequirementPercent', text));
  }
  if (stats.employment !== null) facts.push(withEdit({ label: text.employed, value: formatCount(stats.employment, locale) }, stats, 'employment', text));
  return facts;
}

function salaryBar(percentiles: Percentiles) {
  const { p10, p25, median, p75, p90 } = percentiles;
  const span = Math.max(p90 - p10, 1);
  const at = (value: number) => ((value - p10) / span) * 100;
  return `<div class="bar" aria-hidden="true"><span class="fill" style="left:${at(p25).toFixed(1)}%;width:${(at(p75) - at(p25)).toFixed(1)}%"></span><span class="median" style="left:${at(median).toFixed(1)}%"></span></div>`;
}

/** In a state, the state's employment takes the openings' place: BLS counts openings nationally only. */
function secondFigure(role: CardRole, locale: string, text: WidgetText): Figure {
  if (!role.inState) return openingsFigure(role.stats, locale, text);
  const { employment } = role.inState;
  return employment === null ? { label: text.employed, value: text.notPublished, className: 'unknown' } : { label: text.employed, value: formatCount(employment, locale) };
}

export function renderWidget(role: CardRole, { pageUrl, options }: { pageUrl: string; options: EmbedOptions }) {
  const { stats } = role;
  const title = cardTitleOf(role);
  const { locale, compact } = options;
  const { lang, language, text } = widgetTextFor(locale);
  const variant = widgetVariantOf(role, { compact });
  // Titles and categories are English data: say so where the card speaks another language.
  const dataLang = language === 'en' ? '' : ' lang="en"';
  const salary = salaryFigure(stats, locale, text);

  const blocks = [
    // The compact card cuts a long title to one line; hovering shows it whole.
    `<div class="title"><h1${dataLang}${compact ? ` title="${escapeHtml(title)}"` : ''}>${escapeHtml(compact ? title : role.title)}</h1>${
      compact ? '' : `<p class="category one"${dataLang}>${escapeHtml(role.inState ? role.inState.state.name : role.category.name)}</p>`
    }</div>`,
  ];
  if (compact) blocks.push(figureList([salary], 'compact-salary'));
  else {
    blocks.push(figureList([salary, secondFigure(role, locale, text)], 'figures'));
    const pay = payOf(stats);
    if (variant.range && pay.percentiles) {
      const range = figureList(
        [
          withEdit({ label: text.middleHalf, value: formatMiddleHalf(pay.percentiles, pay.unit, pay.currency, locale, text) }, stats, pay.unit === 'hour' ? 'hourlyWages' : 'percentiles', text),
          withEdit({ label: text.median, value: formatPercentileWage(pay.percentiles, 'median', pay.unit, pay.currency, locale, text) }, stats, pay.unit === 'hour' ? 'hourlyWages' : 'percentiles', text),
        ],
        'detail',
      );
      blocks.push(`<div class="range">${salaryBar(pay.percentiles)}${range}</div>`);
    } else if (variant.detailLines > 0) blocks.push(figureList(factFigures(stats, locale, text), 'detail'));
  }
  const linkHead = text.fullStatistics.slice(0, text.fullStatistics.length - text.fullStatisticsTail.length);
  blocks.push(
    `<div class="foot"><span>${escapeHtml(text.asOf(formatAsOf(stats.asOf, locale)))}</span><a href="${escapeHtml(pageUrl)}" target="_blank" rel="noopener">${escapeHtml(
      linkHead,
    )}<span class="wide">${escapeHtml(text.fullStatisticsTail)}</span></a></div>`,
  );


  return `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(
    `${title}: ${salary.label} ${salary.value}`,
  )}</title><style>${themeCss(options.theme)}${layoutCss(variant)}</style></head><body><main class="card">${blocks.join('')}</main></body></html>`;
}
