// The role search's use of the job-title classifier: a search that reads as a job title from an
// ad ("DOT Shuttle Driver", "Commercial Roofing Tech") is told which occupations it is most like,
// with the classifier's reason, even where no role's words match it. The classifier runs in a
// thread of its own (lib/jobs/title-classifier-thread.ts), so building its model never holds up
// the server's other requests.
import 'server-only';
import { getOccupationsBySocCode } from './cached-public-reads';
import { classifyTitles } from '@/lib/jobs/title-classifier-thread';

export type JobTitleOccupation = { slug: string; title: string; evidence: string };

export type JobTitleReading = {
  /** The occupation the title is placed in, when the classifier is confident enough (lib/jobs/title-classifier.ts). */
  likely: JobTitleOccupation | null;
  /** The next closest occupations (or the closest ones, when none is likely), best first. */
  closest: JobTitleOccupation[];
};

/** A guess the classifier itself gives so little weight that it would mislead more than help. */
const LEAST_SCORE = 0.15;

/**
 * How long a search waits for the classifier. Answering takes well under a millisecond; only the
 * first search after a quiet spell waits for the model to be built (about a second, more on a
 * busy machine). Past this, the listing is shown without the reading rather than late.
 */
const ANSWER_WITHIN_MS = 5_000;

/** What the search text is most like as a job title; null when no labelled title resembles it (or no answer came in time). */
export async function readSearchAsJobTitle(text: string): Promise<JobTitleReading | null> {
  const [placement] = await classifyTitles([text], { timeoutMs: ANSWER_WITHIN_MS }).catch((error: unknown) => {
    console.warn(`The listing searched without reading ${JSON.stringify(text.slice(0, 80))} as a job title: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  });
  if (!placement?.socCode) return null;
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
