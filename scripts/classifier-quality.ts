// `npm run classifier-quality`: how well the job-title classifier (lib/jobs/title-classifier.ts)
// does on labelled titles it never saw, how long its model takes to build and how many titles it
// classifies per second; then 30 USAJOBS and 30 NYC posting titles with their placements, to be
// judged by eye. docs/benchmarks.md keeps the figures.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { readLabelledTitles } from '@/lib/jobs/labelled-titles';
import { buildTitleClassifier, PLACEMENT_THRESHOLD, type TitleClassifier } from '@/lib/jobs/title-classifier';
import { measureHeldOutQuality, measurePostingTitleQuality, readLabelledPostingTitles } from '@/lib/jobs/title-classifier-quality';

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

const reading = performance.now();
const labelled = readLabelledTitles();
const readMilliseconds = performance.now() - reading;
const occupationTitles = new Map(labelled.occupations.map((occupation) => [occupation.socCode, occupation.title]));

const quality = measureHeldOutQuality(labelled);
console.log(`Held out: ${quality.heldOutTitles} distinct titles (one in five by hash, none of them known to the model).`);
console.log(`Top-1 agreement (6-digit SOC): ${percent(quality.top1)}; top-3: ${percent(quality.top3)}.`);
console.log(`Placed (score ≥ ${PLACEMENT_THRESHOLD}): ${percent(quality.placed)} of titles, ${percent(quality.placedCorrect)} of them right.`);
for (const threshold of [0.3, 0.35, 0.4, 0.45, 0.5, 0.55]) {
  const placed = quality.results.filter((result) => result.placement.score >= threshold);
  const right = placed.filter((result) => result.correct).length;
  console.log(`  at ${threshold.toFixed(2)}: placed ${percent(placed.length / quality.results.length)}, right ${percent(placed.length ? right / placed.length : 0)}`);
}

const started = performance.now();
const classifier = buildTitleClassifier({ labelled });
const buildMilliseconds = performance.now() - started;
console.log(`\nThe app's model: ${classifier.knownTitleCount} known titles, built in ${Math.round(buildMilliseconds)} ms after ${Math.round(readMilliseconds)} ms reading the labelled files.`);

for (const set of ['tuning', 'check'] as const) {
  const real = measurePostingTitleQuality(readLabelledPostingTitles(set), (title) => classifier.classify(title));
  console.log(
    `Real posting titles (${set}, ${real.titles}, labelled by hand): top-1 ${percent(real.top1)}, top-3 ${percent(real.top3)}; placed ${percent(real.placed)}, ${percent(real.placedCorrect)} of them right.`,
  );
}

function readPostingTitles(fileName: string, columns: string[]) {
  const rows = parse<Record<string, string>>(gunzipSync(readFileSync(`db/data/job-postings/${fileName}`)), { columns: true, bom: true });
  return rows.map((row) => columns.map((column) => row[column] ?? ''));
}
const usajobs = readPostingTitles('usajobs_data_it_postings_2025-06_2026-05.csv.gz', ['position_title']).map(([title]) => title!);
const nyc = readPostingTitles('nyc_jobs_postings_2024-03-04.csv.gz', ['Business Title', 'Civil Service Title']);

/** Throughput over every posting title, several rounds so the measurement lasts seconds, on this one thread. */
function measureThroughput(model: TitleClassifier, titles: string[]) {
  const rounds = Math.max(1, Math.ceil(20_000 / titles.length));
  const begun = performance.now();
  for (let round = 0; round < rounds; round++) for (const title of titles) model.classify(title);
  return (rounds * titles.length) / ((performance.now() - begun) / 1000);
}
const postingTitles = [...usajobs, ...nyc.map(([business]) => business!)];
console.log(`Throughput: ${Math.round(measureThroughput(classifier, postingTitles)).toLocaleString('en-US')} titles/s on one thread (${postingTitles.length} posting titles).`);

function placedShare(titles: string[]) {
  return titles.filter((title) => classifier.classify(title).placed).length / titles.length;
}
console.log(`Placed among posting titles: USAJOBS ${percent(placedShare(usajobs))} of ${usajobs.length}, NYC ${percent(placedShare(nyc.map(([business]) => business!)))} of ${nyc.length}.`);

/** Every n-th distinct title, so the sample is the same in every run and spread over the file. */
function sample<T>(items: T[], keyOf: (item: T) => string, size: number) {
  const distinct = [...new Map(items.map((item) => [keyOf(item), item])).values()];
  const step = Math.max(1, Math.floor(distinct.length / size));
  return distinct.filter((_, index) => index % step === 0).slice(0, size);
}

function describe(title: string) {
  const placement = classifier.classify(title);
  const occupation = placement.socCode ? `${placement.socCode} ${occupationTitles.get(placement.socCode)}` : '—';
  return `${placement.placed ? 'placed ' : 'unsure '} ${placement.score.toFixed(2)}  ${occupation}  [${placement.evidence}]`;
}

console.log('\nUSAJOBS position_title:');
for (const title of sample(usajobs, (title) => title.toLowerCase(), 30)) console.log(`  ${title}\n    → ${describe(title)}`);
console.log('\nNYC Business Title (Civil Service Title):');
for (const [business, civilService] of sample(nyc, ([business]) => business!.toLowerCase(), 30)) {
  console.log(`  ${business} (${civilService})\n    → ${describe(business!)}\n    civil service title → ${describe(civilService!)}`);
}
