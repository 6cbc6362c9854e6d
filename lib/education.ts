// BLS's categories of "typical education needed for entry" (Employment Projections), in BLS's
// order from least to most. The slug is what URLs and the API take (`maxEducation=high-school`);
// the label is the text BLS publishes and role_stats.entry_education stores; the rank is what
// role_search filters and sorts by (migration 0014's roleboard_education_rank says the same).
export const educationLevels = [
  { slug: 'none', rank: 0, label: 'No formal educational credential', needsDegree: false },
  { slug: 'high-school', rank: 1, label: 'High school diploma or equivalent', needsDegree: false },
  { slug: 'some-college', rank: 2, label: 'Some college, no degree', needsDegree: false },
  { slug: 'postsecondary-nondegree', rank: 3, label: 'Postsecondary nondegree award', needsDegree: false },
  { slug: 'associate', rank: 4, label: "Associate's degree", needsDegree: true },
  { slug: 'bachelor', rank: 5, label: "Bachelor's degree", needsDegree: true },
  { slug: 'master', rank: 6, label: "Master's degree", needsDegree: true },
  { slug: 'doctoral', rank: 7, label: 'Doctoral or professional degree', needsDegree: true },
] as const;

export type EducationLevel = (typeof educationLevels)[number];
export type EducationSlug = EducationLevel['slug'];
export type EducationLabel = EducationLevel['label'];

export const educationSlugs = educationLevels.map((level) => level.slug) as [EducationSlug, ...EducationSlug[]];
export const educationLabels = educationLevels.map((level) => level.label) as [EducationLabel, ...EducationLabel[]];

/** The level whose BLS label this is; undefined for anything else (an unknown or missing value). */
export function educationLevelOfLabel(label: string | null | undefined): EducationLevel | undefined {
  return educationLevels.find((level) => level.label === label);
}

export function educationLevelOfSlug(slug: string): EducationLevel | undefined {
  return educationLevels.find((level) => level.slug === slug);
}
