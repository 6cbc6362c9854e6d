// The copy-paste snippets for embedding a role: used by the role page's "Embed this" box, the
// developers page and oEmbed, so every one of them hands out the same markup.
import { WIDGET_SIZE } from './embed-options';
import { escapeHtml } from './widget';

export function widgetUrl(siteUrl: string, slug: string, { compact = false } = {}) {
  return `${siteUrl}/embed/${slug}${compact ? '?compact=1' : ''}`;
}

export function iframeSnippet(
  siteUrl: string,
  role: { slug: string; title: string },
  { width = WIDGET_SIZE.width as number, height = WIDGET_SIZE.height as number, compact = false } = {},
) {
  return `<iframe src="${escapeHtml(widgetUrl(siteUrl, role.slug, { compact }))}" title="${escapeHtml(
    `${role.title} salary statistics from Roleboard`,
  )}" width="${width}" height="${height}" loading="lazy" style="border:0;max-width:100%"></iframe>`;
}

export function badgeSnippet(siteUrl: string, role: { slug: string; title: string }) {
  return `<a href="${escapeHtml(`${siteUrl}/roles/${role.slug}`)}"><img src="${escapeHtml(
    `${siteUrl}/api/v1/roles/${role.slug}/badge.svg`,
  )}" alt="${escapeHtml(`${role.title} average salary on Roleboard`)}"></a>`;
}
