// The role an embed (widget, badge, oEmbed) shows for a slug and an optional state, from the cached reads.
import { getRole, getRoleAreaFigures } from '@/lib/server/cached-public-reads';
import type { UsState } from '@/lib/us-states';
import { roleInState, type CardRole } from './card-role';

export async function loadCardRole(slug: string, state: UsState | null): Promise<CardRole | null> {
  const role = await getRole(slug);
  if (!role || !state) return role;
  const figures = (await getRoleAreaFigures(slug))?.find((item) => item.area.fips === state.fips) ?? null;
  return roleInState(role, state, figures);
}
