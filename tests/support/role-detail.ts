// A role as the role reads return it, for unit tests of the places that show its figures (the
// widget, the badge, JSON-LD, the API): its write-up is empty, as those places show none of it.
import type { RoleDetail } from '@/db/role-reads';

type RoleIdentity = Pick<RoleDetail, 'slug' | 'socCode' | 'title' | 'category' | 'summary' | 'version' | 'updatedAt'>;

/** The role and its figures, both last saved at `updatedAt`. */
export function roleDetailWithFigures({ stats, ...identity }: RoleIdentity & { stats: Omit<RoleDetail['stats'], 'updatedAt'> }): RoleDetail {
  return {
    id: 1,
    ...identity,
    alternativeTitles: [],
    salaryTemplate: '',
    responsibilitiesIntro: '',
    responsibilities: [],
    responsibilitiesOutro: null,
    howToBecomeIntro: '',
    howToBecomeSteps: [],
    howToBecomeOutro: null,
    contentAttribution: null,
    stats: { ...stats, updatedAt: identity.updatedAt },
  };
}
