// A role's slug: its address (/roles/{slug}, /admin/roles/{slug}, /api/v1/roles/{slug}, /embed/{slug}).
import { z } from 'zod';
import { hasBidiControl, hasControlCharacter, textMessages } from './text-rules';

export const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Slugs no role may have, each with what it is reserved for: the route segments of app/ beside or
 * below a role's slug. Next.js routes a static segment before a dynamic one, so a role named like
 * a sibling route can never be reached there (a role "new" is /admin/roles/new, the new-role form),
 * and a role named like a segment below a slug has addresses that read as another page's
 * (/roles/states/states/texas) and would be shadowed the day that segment gets an index page
 * beside the slug. Segments with a dot (badge.svg, roles.csv, sitemap.xml) can never be slugs.
 */
export const reservedSlugs: Readonly<Record<string, string>> = {
  // Beside /admin/roles/[slug]: the static segment wins, so the role could never be edited.
  new: 'the new-role form (/admin/roles/new)',
  // Below a role's slug: /roles/{slug}/states/{state}, /compare/{slugs}/states/{state}; also /states.
  states: "a role's pages by state (/roles/{slug}/states)",
  // Below a role's slug: /admin/roles/{slug}/history and /api/v1/roles/{slug}/history.
  history: "a role's history (/admin/roles/{slug}/history)",
  // Below a role's slug in the API: /api/v1/roles/{slug}/areas.
  areas: "a role's figures by state (/api/v1/roles/{slug}/areas)",
  // Below a role's slug: its preview image (opengraph-image.tsx), a name Next.js gives metadata routes anywhere.
  'opengraph-image': "a page's preview image (/roles/{slug}/opengraph-image)",
  // A metadata route name too: a sitemap of roles (sitemap.ts with generateSitemaps) is served at /roles/sitemap/{id}.xml.
  sitemap: 'sitemaps (/sitemap.xml)',
};

export function isReservedSlug(slug: string) {
  return Object.hasOwn(reservedSlugs, slug);
}

/**
 * What a slug looks like, reserved or not. Only for finding a role that was given a reserved slug
 * before the rule existed (the admin's edit and history pages), so that an editor can rename it.
 */
export const slugFormatSchema = z
  .string()
  // Said first and alone: "lowercase letters only" would not tell the editor about a character they cannot see.
  .refine((slug) => !hasControlCharacter(slug), { error: (issue) => textMessages.controlCharacterIn(String(issue.input)), abort: true })
  .refine((slug) => !hasBidiControl(slug), { error: textMessages.bidiControl, abort: true })
  .min(1, 'Enter a slug')
  .max(100, 'Use at most 100 characters')
  .regex(slugPattern, 'Use lowercase letters, digits and single hyphens only');

/**
 * A role's slug: what every write (admin form, import) accepts, and what every public read
 * (proxy.ts, pages, the API, the widget, oEmbed, comparisons) looks up, so a reserved slug is
 * refused with a field error or row problem there and is an unknown role (404) here.
 */
export const slugSchema = slugFormatSchema.refine((slug) => !isReservedSlug(slug), {
  error: (issue) => `“${String(issue.input)}” is reserved for ${reservedSlugs[String(issue.input)]}; choose another slug`,
});

export function slugify(text: string) {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
}
