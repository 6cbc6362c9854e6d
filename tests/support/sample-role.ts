// A complete, valid role that is not in any database: for unit tests of the role schemas, the form
// and the conflict merge. (Written for the early demo catalogue; its figures are made up.)
import type { SeedRole } from '@/db/seed/types';

export const sampleRole: SeedRole = {
  slug: 'data-scientist',
  title: 'Data Scientist',
  categorySlug: 'computer-and-mathematical',
  summary: 'Data Scientists use statistics and programming to answer business questions and build predictive models.',
  salaryTemplate:
    'The average salary for a Data Scientist is {averageSalary} per year. Advanced degrees and domain knowledge both tend to raise pay.',
  responsibilitiesIntro: 'Day to day, Data Scientists typically:',
  responsibilities: [
    'Explore and clean large data sets.',
    'Build and evaluate statistical and machine learning models.',
    'Explain findings to people who are not specialists.',
    'Design experiments such as A/B tests.',
  ],
  responsibilitiesOutro: null,
  howToBecomeIntro: 'There is more than one way in, but most Data Scientists follow a path like this:',
  howToBecomeSteps: [
    { heading: 'Study quantitative subjects', body: 'Statistics, mathematics or computer science give the foundations.' },
    { heading: 'Learn Python or R', body: 'Use them to analyse real data sets.' },
    { heading: 'Do end-to-end projects', body: 'Take a question from raw data to a clear answer.' },
    { heading: 'Specialise', body: 'Deep knowledge of one industry makes your analysis more valuable.' },
  ],
  howToBecomeOutro: null,
  stats: {
    jobOpenings: 1530,
    averageSalary: 126000,
    currency: 'USD',
    degreeRequirementPercent: 90,
    percentiles: { p10: 82000, p25: 103500, median: 122000, p75: 148500, p90: 182500 },
    asOf: '2026-10-20',
    source: 'Made up for tests; not survey results.',
  },
};
