// The shape of one hand-written seed role: content plus its current stats.
export type SeedRole = {
  slug: string;
  title: string;
  /** One of the category slugs in db/seed/categories.ts */
  categorySlug: string;
  summary: string;
  /** Placeholders filled from the current stats: {title}, {averageSalary}, {jobOpenings}, {degreeRequirement} */
  salaryTemplate: string;
  responsibilitiesIntro: string;
  responsibilities: string[];
  responsibilitiesOutro: string | null;
  howToBecomeIntro: string;
  howToBecomeSteps: { heading: string; body: string }[];
  howToBecomeOutro: string | null;
  stats: {
    jobOpenings: number;
    averageSalary: number;
    currency: string;
    degreeRequirementPercent: number;
    percentiles: { p10: number; p25: number; median: number; p75: number; p90: number } | null;
    /** ISO date, YYYY-MM-DD */
    asOf: string;
    source: string;
  };
};
