// The role an embed shows: the role itself, or the role in one state (`?state=CA` on the widget,
// the badge and oEmbed). In a state the salary, its spread and the as-of date are the state's
// (BLS state estimates, USD); openings and the degree share stay national, as BLS publishes them.
import type { AreaFigures } from '@/db/areas';
import type { RoleDetail } from '@/db/role-reads';
import { env } from '@/lib/env';
import { editsOutsideStateFigures } from '@/lib/provenance';
import { usStateParam, type UsState } from '@/lib/us-states';

export type CardRole = RoleDetail & { inState?: { state: UsState; employment: number | null } };

export function roleInState(role: RoleDetail, state: UsState, figures: AreaFigures | null): CardRole {
  return {
    ...role,
    inState: { state, employment: figures?.employment ?? null },
    stats: {
      ...role.stats,
      averageSalary: figures?.averageSalary ?? null,
      currency: 'USD',
      percentiles: figures?.percentiles ?? null,
      // The state's hourly mean: BLS's state estimates have no hourly percentiles.
      hourlyWages: figures?.hourlyMean == null ? null : { mean: figures.hourlyMean, percentiles: null },
      // Shown as the state's "Employed" in the figures row, so not again among the details.
      employment: null,
      asOf: figures?.asOf ?? role.stats.asOf,
      source: figures?.source ?? role.stats.source,
      sourceUrl: figures?.sourceUrl ?? role.stats.sourceUrl,
      editedFigures: editsOutsideStateFigures(role.stats.editedFigures),
    },
  };
}

/**
 * The `state` of an embed's query: the state, or null without one. Like the other embed options, a
 * value that names no state falls back to the default (the national card): an embed on someone
 * else's page should always render.
 */
export function embedStateOf(searchParams: URLSearchParams): UsState | null {
  const parsed = usStateParam.safeParse(searchParams.get('state') ?? '');
  return parsed.success ? parsed.data : null;
}

/** The page a card links to: the role's, or the role's page for the state. */
export function cardPageUrl(role: CardRole) {
  const page = `${env.SITE_URL()}/roles/${role.slug}`;
  return role.inState ? `${page}/states/${role.inState.state.slug}` : page;
}

/** The card's role, with its title as a page embedding it names it. */
export function cardTitleOf(role: { title: string; inState?: { state: UsState } }) {
  return role.inState ? `${role.title} in ${role.inState.state.name}` : role.title;
}
