// The role search's use of the job-title classifier: a search that reads as a job title from an
// ad ("DOT Shuttle Driver", "Commercial Roofing Tech") is told which occupations it is most like,
// with the classifier's reason, even where no role's words match it. The model is built in this
// process on the first such search (about a second, some 60 MB), then kept.
import 'server-only';
import { getOccupationsBySocCode } from './cached-public-reads';
import { classifyJobTitle } from './jobs/title-classifier';

export type JobTitleOccupation = { slug: string; title: string; evidence: string };

export type JobTitleReading = {
  /** The occupation the title is placed in, when the classifier is confident enough (lib/jobs/title-classifier.ts). */
  likely: JobTitleOccupation | null;
  /** The next closest occupations (or the closest ones, when none is likely), best first. */
  closest: JobTitleOccupation[];
};

/** A guess the classifier itself gives so little weight that it would mislead more than help. */
const LEAST_SCORE = 0.15;

/** What the search text is most like as a job title; null when no labelled title resembles it. */
export async function readSearchAsJobTitle(text: string): Promise<JobTitleReading | null> {
  const placement = classifyJobTitle(text);
  if (!placement.socCode) return null;
  const occupations = new Map((await getOccupationsBySocCode()).map((occupation) => [occupation.socCode, occupation]));
  const [first, ...rest] = placement.candidates
    .filter((candidate) => candidate.score >= LEAST_SCORE && occupations.has(candidate.socCode))
    .map((candidate, index) => {
      const { slug, title } = occupations.get(candidate.socCode)!;
      return { slug, title, evidence: index === 0 ? placement.evidence : '' };
    });
  if (!first) return null;
  return placement.placed ? { likely: first, closest: rest } : { likely: null, closest: [first, ...rest] };
}
