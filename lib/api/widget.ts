// The embeddable role card: one self-contained HTML document with inline CSS, no scripts and
// no external requests, well under 10 kB. Everything printed is escaped.
import type { RoleDetail } from '@/db/roles';
import { formatAsOf, formatAverageSalary, formatCount, formatDegreeRequirement, formatJobOpenings, formatPercentile } from '@/lib/format';
import type { EmbedOptions } from './embed-options';

export function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

const light = '--bg:#fff;--fg:#1f2937;--muted:#4b5563;--accent:#1d4ed8;--track:#e5e7eb;--border:#d1d5db';
const dark = '--bg:#111827;--fg:#f9fafb;--muted:#d1d5db;--accent:#93c5fd;--track:#374151;--border:#4b5563';

function themeCss(theme: EmbedOptions['theme']) {
  if (theme === 'dark') return `:root{${dark};color-scheme:dark}`;
  if (theme === 'auto') return `:root{${light};color-scheme:light dark}@media(prefers-color-scheme:dark){:root{${dark}}}`;
  return `:root{${light};color-scheme:light}`;
}

const css = `*{box-sizing:border-box}body{margin:0;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--fg)}
.card{border:1px solid var(--border);border-radius:8px;padding:12px 14px;height:100vh;overflow:hidden;display:flex;flex-direction:column;gap:8px}
h1{font-size:16px;margin:0}dl{display:grid;grid-template-columns:repeat(3,1fr);gap:4px 8px;margin:0}
dt{font-size:12px;color:var(--muted)}dd{margin:0;font-weight:700;font-size:15px}
.range{font-size:12px;color:var(--muted)}.bar{position:relative;height:8px;background:var(--track);border-radius:4px;margin:4px 0}
.mid{position:absolute;top:0;bottom:0;background:var(--accent);border-radius:4px}.med{position:absolute;top:-3px;bottom:-3px;width:2px;background:var(--fg)}
.foot{margin-top:auto;display:flex;justify-content:space-between;gap:8px;font-size:12px;color:var(--muted)}a{color:var(--accent)}`;

/** Three figures: salary, openings, and the degree share where known, else employment or entry education. */
function figuresOf(stats: RoleDetail['stats'], locale: string): [string, string][] {
  const openings: [string, string] =
    stats.jobOpeningsBasis === 'projected-per-year'
      ? ['Openings a year', stats.jobOpenings === 0 ? '< 50' : formatCount(stats.jobOpenings, locale)]
      : ['Job openings', formatJobOpenings(stats.jobOpenings, 'current', locale)];
  const third: [string, string] | null =
    stats.degreeRequirementPercent !== null
      ? ['Degree requirement', formatDegreeRequirement(stats.degreeRequirementPercent, locale)]
      : stats.employment !== null
        ? ['Employed', formatCount(stats.employment, locale)]
        : stats.entryEducation
          ? ['Typical education', stats.entryEducation]
          : null;
  return [['Average salary', formatAverageSalary(stats.averageSalary, stats.currency, locale)], openings, ...(third ? [third] : [])];
}

export function renderWidget(role: RoleDetail, { pageUrl, options }: { pageUrl: string; options: EmbedOptions }) {
  const { stats } = role;
  const { locale } = options;
  const salary = formatAverageSalary(stats.averageSalary, stats.currency, locale);
  const title = stats.averageSalary === null ? role.title : `${role.title}: ${salary} average salary`;
  let range = '';
  if (stats.percentiles && !options.compact) {
    const { p10, p25, median, p75, p90 } = stats.percentiles;
    const span = Math.max(p90 - p10, 1);
    const at = (value: number) => (((value - p10) / span) * 100).toFixed(1);
    const wage = (key: 'p25' | 'median' | 'p75') => escapeHtml(formatPercentile(stats.percentiles!, key, stats.currency, locale));
    range = `<div class="range"><div class="bar" aria-hidden="true"><span class="mid" style="left:${at(p25)}%;width:${(
      Number(at(p75)) - Number(at(p25))
    ).toFixed(1)}%"></span><span class="med" style="left:${at(median)}%"></span></div>Typical range ${wage('p25')} to ${wage('p75')} (median ${wage('median')})</div>`;
  }
  const footer = options.compact
    ? `<div class="foot"><a href="${escapeHtml(pageUrl)}" target="_blank" rel="noopener">Full statistics on Roleboard</a></div>`
    : `<div class="foot"><span>As of ${escapeHtml(formatAsOf(stats.asOf, locale))}</span><a href="${escapeHtml(
        pageUrl,
      )}" target="_blank" rel="noopener">Full statistics on Roleboard</a></div>`;
  return `<!doctype html><html lang="${escapeHtml(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(
    title,
  )}</title><style>${themeCss(options.theme)}${css}</style></head><body><main class="card"><h1>${escapeHtml(role.title)}</h1><dl>${figuresOf(stats, locale)
    .map(([term, value]) => `<div><dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd></div>`)
    .join('')}</dl>${range}${footer}</main></body></html>`;
}
