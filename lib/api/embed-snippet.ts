// The copy-paste snippets for embedding a role: used by the role page's "Embed or share" box, the
// developers page and oEmbed, so every one of them hands out the same markup, sized for the card
// it shows.
import { cardTitleOf } from './card-role';
import { defaultEmbedOptions, embedQuery, type EmbedOptions } from './embed-options';
import type { UsState } from '@/lib/us-states';
import { escapeHtml } from './widget';
import { widgetSize, type SizedRole } from './widget-layout';
import { widgetTextFor } from './widget-text';

export type EmbeddedRole = SizedRole & { slug: string; inState?: { state: UsState } };

/** The widget's address; `siteUrl` '' gives the same-origin path (for our own previews). */
export function widgetUrl(siteUrl: string, slug: string, options: EmbedOptions = defaultEmbedOptions, state?: UsState) {
  return `${siteUrl}/embed/${slug}${embedQuery(options, state)}`;
}

/**
 * The iframe for a role's card with these options, exactly as tall as that card. oEmbed may ask
 * for a smaller one (`maxSize`): narrower keeps the card's height (every line of it stays one
 * line), lower cuts off its bottom.
 */
export function iframeSnippet(siteUrl: string, role: EmbeddedRole, options: EmbedOptions = defaultEmbedOptions, maxSize: { width?: number; height?: number } = {}) {
  const size = iframeSize(role, options, maxSize);
  return `<iframe src="${escapeHtml(widgetUrl(siteUrl, role.slug, options, role.inState?.state))}" title="${escapeHtml(
    widgetTextFor(options.locale).text.cardTitle(cardTitleOf(role)),
  )}" width="${size.width}" height="${size.height}" loading="lazy" style="border:0;max-width:100%"></iframe>`;
}

export function iframeSize(role: SizedRole, options: { compact: boolean }, maxSize: { width?: number; height?: number } = {}) {
  const { width, height } = widgetSize(role, options);
  return { width: Math.min(width, maxSize.width ?? width), height: Math.min(height, maxSize.height ?? height) };
}

export function badgeSnippet(siteUrl: string, role: { slug: string; title: string }, state?: UsState) {
  const page = `${siteUrl}/roles/${role.slug}${state ? `/states/${state.slug}` : ''}`;
  const badge = `${siteUrl}/api/v1/roles/${role.slug}/badge.svg${state ? `?state=${state.slug}` : ''}`;
  const title = state ? `${role.title} in ${state.name}` : role.title;
  return `<a href="${escapeHtml(page)}"><img src="${escapeHtml(badge)}" alt="${escapeHtml(`${title} average salary on Roleboard`)}"></a>`;
}

/** The badge for a README: Markdown linking to the role's page. */
export function badgeMarkdown(siteUrl: string, role: { slug: string; title: string }) {
  return `[![${role.title.replace(/[[\]]/g, '')} average salary](${siteUrl}/api/v1/roles/${role.slug}/badge.svg)](${siteUrl}/roles/${role.slug})`;
}
