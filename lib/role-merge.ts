// When a save loses the race to another editor's: which fields each of them changed since the
// form was loaded (its base), and what saving again should write: the other editor's values with
// only this editor's own changes on top, so that nothing they did not touch is reverted.
// Server code (node:util); the conflict table imports only its types.
import { isDeepStrictEqual } from 'node:util';
import type { RoleFormValues } from './role-form';
import type { RoleBase } from './role-form-submission';
import { roleContentKeys, roleFormStatsKeys, type RoleContentInput, type RoleStatsInput, type RoleValues } from './role-schemas';

/** One field of a role, as the conflict table shows it: each text, each list, each stat, and the five percentiles as one. */
export type RoleFieldKey = keyof RoleContentInput | keyof RoleStatsInput;

export type RoleMerge = {
  /** Theirs, with yours on top wherever you changed something. */
  values: RoleValues;
  changedByYou: RoleFieldKey[];
  changedByThem: RoleFieldKey[];
};

/** What the role form shows after a conflict: both sides as the form shows values, and who changed what. */
export type RoleConflictDetail = { theirs: RoleFormValues; yours: RoleFormValues } & Pick<RoleMerge, 'changedByYou' | 'changedByThem'>;

function mergeGroup<T extends Record<string, unknown>>(keys: readonly (keyof T & string)[], base: Record<string, unknown>, yours: T, theirs: T) {
  const values: Record<string, unknown> = { ...theirs };
  const changedByYou: string[] = [];
  const changedByThem: string[] = [];
  for (const key of keys) {
    if (!isDeepStrictEqual(yours[key], base[key])) {
      changedByYou.push(key);
      values[key] = yours[key];
    }
    if (!isDeepStrictEqual(theirs[key], base[key])) changedByThem.push(key);
  }
  return { values: values as T, changedByYou, changedByThem };
}

export function mergeRoleEdit({ base, yours, theirs }: { base: RoleBase; yours: RoleValues; theirs: RoleValues }): RoleMerge {
  const content = mergeGroup(roleContentKeys, base.content, yours.content, theirs.content);
  // Only what the form edits: the stats a save keeps (statsKeptOnSave) are always theirs.
  const stats = mergeGroup(roleFormStatsKeys, base.stats, yours.stats, theirs.stats);
  return {
    values: { content: content.values, stats: stats.values },
    changedByYou: [...content.changedByYou, ...stats.changedByYou] as RoleFieldKey[],
    changedByThem: [...content.changedByThem, ...stats.changedByThem] as RoleFieldKey[],
  };
}
