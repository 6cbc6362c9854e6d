// The job-title classifier: right often enough on titles it never saw (floors a few points below
// what `npm run classifier-quality` measured, docs/benchmarks.md), the same answer every time, and
// real advertised titles in their occupation. Its speed is the script's to measure, not a test's.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readLabelledTitles } from '@/lib/jobs/labelled-titles';
import { classifyJobTitle, PLACEMENT_THRESHOLD, suggestOccupations } from '@/lib/jobs/title-classifier';
import { classifyTitles, suggestOccupationsFor } from '@/lib/jobs/title-classifier-thread';
import { measureHeldOutQuality, measurePostingTitleQuality, readLabelledPostingTitles } from '@/lib/jobs/title-classifier-quality';

describe('the job-title classifier', () => {
  test('on held-out labelled titles: top-1 and top-3 agreement, and placed titles mostly right', () => {
    const quality = measureHeldOutQuality();
    assert.ok(quality.heldOutTitles > 7_000, `${quality.heldOutTitles} held-out titles`);
    assert.ok(quality.top1 >= 0.43, `top-1 ${quality.top1}`);
    assert.ok(quality.top3 >= 0.64, `top-3 ${quality.top3}`);
    assert.ok(quality.placedCorrect >= 0.75, `placed right ${quality.placedCorrect}`);
    assert.ok(quality.placed >= 0.05, `placed ${quality.placed}`);
  });

  test('on real posting titles labelled by hand and never tuned on: top-1 and top-3 agreement, placed titles mostly right', () => {
    const quality = measurePostingTitleQuality(readLabelledPostingTitles('check'), classifyJobTitle);
    assert.ok(quality.titles >= 100, `${quality.titles} titles`);
    assert.ok(quality.top1 >= 0.6, `top-1 ${quality.top1}`);
    assert.ok(quality.top3 >= 0.78, `top-3 ${quality.top3}`);
    assert.ok(quality.placedCorrect >= 0.75, `placed right ${quality.placedCorrect}`);
    assert.ok(quality.placed >= 0.2, `placed ${quality.placed}`);
  });

  test('places real advertised titles in their occupation', () => {
    const expected: Record<string, string> = {
      'Registered Nurse - ICU': '29-1141',
      'Sr. Software Engineer': '15-1252',
      'CDL Truck Driver': '53-3032',
      'IT SPECIALIST (INFOSEC)': '15-1212',
      'Data Scientist': '15-2051',
      Accountant: '13-2011',
      'Electrician Helper': '47-3013',
      'Asst Store Mgr': '41-1011',
    };
    for (const [title, socCode] of Object.entries(expected)) {
      const placement = classifyJobTitle(title);
      assert.equal(placement.socCode, socCode, `${title}: ${placement.evidence}`);
    }
    for (const title of ['Registered Nurse - ICU', 'Sr. Software Engineer', 'CDL Truck Driver', 'Data Scientist', 'Accountant', 'Electrician Helper']) {
      assert.ok(classifyJobTitle(title).placed, `${title} placed`);
    }
  });

  test('a title no labelled title resembles closely stays unplaced, its guesses still offered', () => {
    // New York City's civil-service "Staff Analyst" is no labelled title; "analyst" alone fits many occupations.
    const placement = classifyJobTitle('Staff Analyst');
    assert.equal(placement.placed, false);
    assert.equal(placement.candidates.length, 3);
  });

  test('gibberish is not placed and has no occupation', () => {
    const placement = classifyJobTitle('xqzt blorp');
    assert.deepEqual(placement, { socCode: null, score: 0, evidence: 'no known word', placed: false, candidates: [] });
    assert.equal(classifyJobTitle('Senior II (Remote)').socCode, null, 'only noise words');
  });

  test('placed means a score at or above the threshold; scores and candidates are ordered', () => {
    for (const title of ['IT Specialist (SYSADMIN)', 'Commercial Roofing Tech', 'Forklift Operator', 'Healthcare Associate']) {
      const placement = classifyJobTitle(title);
      assert.equal(placement.placed, placement.score >= PLACEMENT_THRESHOLD, title);
      assert.ok(placement.score >= 0 && placement.score <= 1, title);
      const scores = placement.candidates.map((candidate) => candidate.score);
      assert.deepEqual(scores, [...scores].sort((a, b) => b - a), title);
      assert.equal(placement.candidates[0]?.socCode, placement.socCode, title);
    }
  });

  test('the same title gives the same placement, however it is spelled in case and spacing', () => {
    const first = classifyJobTitle('Commercial Roofing Tech');
    assert.deepEqual(classifyJobTitle('Commercial Roofing Tech'), first);
    assert.deepEqual(classifyJobTitle('  COMMERCIAL   roofing tech '), first);
    assert.deepEqual(suggestOccupations('Shuttle Driver', 5), suggestOccupations('Shuttle Driver', 5));
  });

  test('evidence names the known title, or the words that matched and the closest known title', () => {
    assert.equal(classifyJobTitle('Data Scientist').evidence, 'known title "Data Scientists"');
    assert.match(classifyJobTitle('Commercial Roofing Tech').evidence, /^words: roofing, technician \(like "[^"]+"\)$/);
  });

  test('suggestions: best first, each with its score and evidence', () => {
    const suggestions = suggestOccupations('DOT Shuttle Driver', 4);
    assert.equal(suggestions.length, 4);
    assert.equal(suggestions[0]?.socCode, '53-3053');
    for (const suggestion of suggestions) assert.match(suggestion.evidence, /^words: /);
  });

  test('labelled titles are all in catalogue occupations, finer O*NET codes rolled up', () => {
    const { occupations, titles } = readLabelledTitles();
    assert.equal(occupations.length, 831);
    const codes = new Set(occupations.map((occupation) => occupation.socCode));
    assert.ok(titles.every((title) => codes.has(title.socCode)));
    assert.ok(titles.some((title) => title.title === 'Web Administrators' && title.socCode === '15-1299'), 'O*NET 15-1299.01 under 15-1299');
    assert.ok(titles.some((title) => title.socCode === '13-1020'), 'SOC 13-1021..13-1023 under BLS group 13-1020');
  });
});

describe('the job-title classifier in its own thread', () => {
  test('answers as the classifier does, without holding up the asking thread while its model is built', async () => {
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 10);
    const started = performance.now();
    const placements = await classifyTitles(['Commercial Roofing Tech', 'Data Scientist', 'xqzt blorp']);
    const waited = performance.now() - started;
    clearInterval(ticking);
    assert.deepEqual(placements, ['Commercial Roofing Tech', 'Data Scientist', 'xqzt blorp'].map((title) => classifyJobTitle(title)));
    // Built here, the model would have stopped this thread's timers for the whole build.
    assert.ok(ticks >= (waited / 10) * 0.5, `${ticks} timer ticks in ${waited.toFixed(0)} ms`);
    assert.deepEqual(await suggestOccupationsFor('DOT Shuttle Driver', 4), suggestOccupations('DOT Shuttle Driver', 4));
  });

  test('an answer that does not come in time is an error, not a wait without end', async () => {
    await assert.rejects(classifyTitles(Array.from({ length: 20_000 }, (_, index) => `Roofing Technician ${index}`), { timeoutMs: 1 }), /did not answer within 1 ms/);
  });
});
