// How often the job-title classifier is right on labelled titles it never saw: a model built
// without the held-out titles (isHeldOutTitle) classifies each of them. Shared by
// `npm run classifier-quality` (docs/benchmarks.md) and the unit test's floors.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readLabelledTitles, type LabelledTitles } from './labelled-titles';
import { buildTitleClassifier, isHeldOutTitle, PLACEMENT_THRESHOLD, titleKey, type TitlePlacement } from './title-classifier';

type HeldOutTitle = { title: string; socCodes: Set<string> };

export type HeldOutQuality = {
  heldOutTitles: number;
  /** Shares, 0..1, at the SOC 6-digit level: the first occupation is one of the title's, one of the best three is. */
  top1: number;
  top3: number;
  /** Share of titles placed (score ≥ PLACEMENT_THRESHOLD), and the share of those placed right. */
  placed: number;
  placedCorrect: number;
  buildMilliseconds: number;
  /** Every held-out title with its placement, for a closer look (thresholds, mistakes). */
  results: { title: HeldOutTitle; placement: TitlePlacement; correct: boolean }[];
};

/**
 * The held-out titles, once per key, with every occupation they are labelled with (a title
 * labelled with two occupations is right in either). Titles whose key the model knows anyway (an
 * occupation's own name, which is never held out) are left out: they would not measure the matching.
 */
function heldOutTitles(labelled: LabelledTitles): HeldOutTitle[] {
  const keptKeys = new Set(labelled.titles.filter((title) => !isHeldOutTitle(title)).map((title) => titleKey(title.title)));
  const byKey = new Map<string, HeldOutTitle>();
  for (const title of labelled.titles.filter(isHeldOutTitle)) {
    const key = titleKey(title.title);
    if (key === '' || keptKeys.has(key)) continue;
    const heldOut = byKey.get(key) ?? { title: title.title, socCodes: new Set<string>() };
    heldOut.socCodes.add(title.socCode);
    byKey.set(key, heldOut);
  }
  return [...byKey.values()];
}

export function measureHeldOutQuality(labelled: LabelledTitles = readLabelledTitles()): HeldOutQuality {
  const started = performance.now();
  const classifier = buildTitleClassifier({ labelled, exclude: isHeldOutTitle });
  const buildMilliseconds = performance.now() - started;
  const titles = heldOutTitles(labelled);
  const results = titles.map((title) => {
    const placement = classifier.classify(title.title);
    return { title, placement, correct: placement.socCode !== null && title.socCodes.has(placement.socCode) };
  });
  const share = (count: number, of: number) => (of === 0 ? 0 : count / of);
  const placed = results.filter((result) => result.placement.score >= PLACEMENT_THRESHOLD);
  return {
    heldOutTitles: titles.length,
    top1: share(results.filter((result) => result.correct).length, results.length),
    top3: share(results.filter((result) => result.placement.candidates.some((candidate) => result.title.socCodes.has(candidate.socCode))).length, results.length),
    placed: share(placed.length, results.length),
    placedCorrect: share(placed.filter((result) => result.correct).length, placed.length),
    buildMilliseconds,
    results,
  };
}

export type LabelledPostingTitle = { title: string; socCodes: Set<string> };

/**
 * Real posting titles (USAJOBS and NYC, none of them in the labelled files as written) with the
 * occupations one engineer judged right for each, in tests/fixtures/posting-titles-*.tsv: `tuning`
 * was looked at while the title reading was tuned, `check` only measured (see docs/benchmarks.md).
 */
export function readLabelledPostingTitles(set: 'tuning' | 'check'): LabelledPostingTitle[] {
  const text = readFileSync(path.join(process.cwd(), 'tests/fixtures', `posting-titles-${set}.tsv`), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => {
      const [title, codes] = line.split('\t');
      return { title: title!, socCodes: new Set(codes!.split(' ')) };
    });
}

export type PostingTitleQuality = { titles: number; top1: number; top3: number; placed: number; placedCorrect: number };

export function measurePostingTitleQuality(titles: LabelledPostingTitle[], classify: (title: string) => TitlePlacement): PostingTitleQuality {
  const results = titles.map((title) => {
    const placement = classify(title.title);
    return { placement, correct: placement.socCode !== null && title.socCodes.has(placement.socCode), inTop3: placement.candidates.some((candidate) => title.socCodes.has(candidate.socCode)) };
  });
  const share = (count: number, of: number) => (of === 0 ? 0 : count / of);
  const placed = results.filter((result) => result.placement.placed);
  return {
    titles: titles.length,
    top1: share(results.filter((result) => result.correct).length, results.length),
    top3: share(results.filter((result) => result.inTop3).length, results.length),
    placed: share(placed.length, results.length),
    placedCorrect: share(placed.filter((result) => result.correct).length, placed.length),
  };
}
