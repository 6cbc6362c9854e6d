// The embeddable role card: one self-contained HTML document with inline CSS, no scripts and
// no external requests, well under 10 kB. Everything printed is escaped.
import type { RoleDetail } from '@/db/roles';
import { formatDate, formatJobOpenings, formatPercent, formatSalary } from '@/lib/format';
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

export function renderWidget(role: RoleDetail, { pageUrl, options }: { pageUrl: string; options: EmbedOptions }) {
  const { stats } = role;
  const { locale } = options;
  const salary = formatSalary(stats.averageSalary, stats.currency, locale);
  const title = `${role.title}: ${salary} average salary`;
  let range = '';
  if (stats.percentiles && !options.compact) {
    const { p10, p25, median, p75, p90 } = stats.percentiles;
    const span = Math.max(p90 - p10, 1);
    const at = (value: number) => (((value - p10) / span) * 100).toFixed(1);
    range = `<div class="range"><div class="bar" aria-hidden="true"><span class="mid" style="left:${at(p25)}%;width:${(
      Number(at(p75)) - Number(at(p25))
    ).toFixed(1)}%"></span><span class="med" style="left:${at(median)}%"></span></div>Typical range ${escapeHtml(
      formatSalary(p25, stats.currency, locale),
    )} to ${escapeHtml(formatSalary(p75, stats.currency, locale))} (median ${escapeHtml(formatSalary(median, stats.currency, locale))})</div>`;
  }
  const footer = options.compact
    ? `<div class="foot"><a href="${escapeHtml(pageUrl)}" target="_blank" rel="noopener">Full statistics on Roleboard</a></div>`
    : `<div class="foot"><span>As of ${escapeHtml(formatDate(stats.asOf, locale))}</span><a href="${escapeHtml(
        pageUrl,
      )}" target="_blank" rel="noopener">Full statistics on Roleboard</a></div>`;
  return `<!doctype html><html lang="${escapeHtml(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(
    title,
  )}</title><style>${themeCss(options.theme)}${css}</style></head><body><main class="card"><h1>${escapeHtml(role.title)}</h1><dl><div><dt>Average salary</dt><dd>${escapeHtml(
    salary,
  )}</dd></div><div><dt>Job openings</dt><dd>${escapeHtml(formatJobOpenings(stats.jobOpenings, locale))}</dd></div><div><dt>Degree requirement</dt><dd>${escapeHtml(
    formatPercent(stats.degreeRequirementPercent, locale),
  )}</dd></div></dl>${range}${footer}</main></body></html>`;
}
