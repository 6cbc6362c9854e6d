import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { anchorFor, estimateTextWidth, inset, niceStep, niceTicks, placeLabels, placePair, toPercent, wrapText } from '@/lib/chart-scale';
import { describeDifference } from '@/lib/server/compare';
import { averageSalaryTrend, jobOpeningsTrend, latestOfEachRelease } from '@/lib/server/stats-history';

describe('scales and ticks', () => {
  test('steps are 1, 2 or 5 times a power of ten', () => {
    assert.equal(niceStep(131_600, 4), 50_000);
    assert.equal(niceStep(100, 5), 20);
    assert.equal(niceStep(7, 4), 2);
    assert.equal(niceStep(0, 4), 1);
  });

  test('a domain widens to whole steps and lists its ticks', () => {
    assert.deepEqual(niceTicks(79_850, 211_450), { domain: { min: 50_000, max: 250_000 }, ticks: [50_000, 100_000, 150_000, 200_000, 250_000] });
    assert.deepEqual(niceTicks(0, 144_570, 3).ticks, [0, 50_000, 100_000, 150_000]);
  });

  test('one figure alone still gets a scale around it', () => {
    const { domain, ticks } = niceTicks(110_000, 110_000);
    assert.ok(domain.min <= 110_000 && domain.max > 110_000);
    assert.ok(ticks.length >= 2);
  });

  test('values become percent of the width, clamped', () => {
    assert.equal(toPercent(150_000, { min: 50_000, max: 250_000 }), 50);
    assert.equal(toPercent(450_810, { min: 0, max: 250_000 }), 100);
    assert.equal(toPercent(-5, { min: 0, max: 10 }), 0);
    assert.equal(toPercent(3, { min: 3, max: 3 }), 50);
    assert.equal(inset(0, 12), 12);
    assert.equal(inset(100, 12), 88);
  });
});

describe('labels', () => {
  test('a label near an edge is anchored inside the chart', () => {
    assert.equal(anchorFor(1, 60), 'start');
    assert.equal(anchorFor(99, 60), 'end');
    assert.equal(anchorFor(50, 60), 'middle');
  });

  test('labels that would touch at the narrowest width go on another row, in the order given', () => {
    const width = estimateTextWidth('$103,050', 13);
    /** The row of each label, placed at these percents of the width. */
    const rowsAt = (percents: number[]) => placeLabels(percents.map((at) => ({ at, width }))).map((label) => label.row);
    assert.deepEqual(rowsAt([45, 15, 90]), [0, 0, 0]);
    assert.deepEqual(rowsAt([15, 20, 25]), [0, 1, 2]);
  });

  test('a leader never crosses a nearer label: a label after it keeps clear of it', () => {
    const width = 60;
    // The second label goes up a row; its leader at 40% then blocks row 0 for the third.
    const [, second, third] = placeLabels([
      { at: 10, width },
      { at: 40, width },
      { at: 42, width: 10 },
    ]);
    assert.equal(second!.row, 1);
    assert.notEqual(third!.row, 0);
  });

  test('a close median and mean sit side by side, reaching apart', () => {
    assert.deepEqual(placePair([{ at: 41, width: 60 }, { at: 47, width: 60 }]), ['end', 'start']);
    assert.deepEqual(placePair([{ at: 47, width: 60 }, { at: 41, width: 60 }]), ['start', 'end']);
    assert.equal(placePair([{ at: 5, width: 60 }, { at: 10, width: 60 }]), null);
  });

  test('long titles wrap at spaces', () => {
    assert.deepEqual(wrapText('Computer and Information Research Scientists', 20), ['Computer and', 'Information Research', 'Scientists']);
    assert.deepEqual(wrapText('Actuaries', 20), ['Actuaries']);
  });
});

describe('differences, as the comparison states them', () => {
  test('money, with its share', () => {
    assert.equal(describeDifference(122_000, 110_000, { money: 'USD' }), '+$12,000, 11% more');
    assert.equal(describeDifference(103_640, 144_570, { money: 'USD' }), '−$40,930, 28% less');
  });

  test('counts are fewer, percent points have no share', () => {
    assert.equal(describeDifference(1_652_000, 1_654_440, 'count'), '−2,440, 0.1% fewer');
    assert.equal(describeDifference(90, 80, 'points'), '+10 points');
    assert.equal(describeDifference(5, 5, 'count'), 'the same');
    assert.equal(describeDifference(1_050, 1_654_440, 'count'), '−1,653,390, 99.9% fewer');
  });
});

describe('the stats history as trends', () => {
  const release = (asOf: string, averageSalary: number | null, jobOpenings: number, outlook: { startYear: number; endYear: number } | null) => ({
    asOf,
    averageSalary,
    employment: null,
    jobOpenings,
    jobOpeningsBasis: outlook ? ('projected-per-year' as const) : ('current' as const),
    outlook: outlook && { ...outlook, startEmployment: 1, endEmployment: 2, changePercent: 100 },
  });

  test('one entry per release, the latest change of each, oldest first', () => {
    const entries = [
      { asOf: '2024-05-01', id: 1 },
      { asOf: '2023-05-01', id: 2 },
      { asOf: '2024-05-01', id: 3 },
    ];
    assert.deepEqual(
      latestOfEachRelease(entries).map((entry) => entry.id),
      [2, 3],
    );
  });

  test('a salary trend leaves out releases without one', () => {
    assert.deepEqual(averageSalaryTrend([release('2023-05-01', null, 1, null), release('2024-05-01', 144_570, 1, null)]), [{ asOf: '2024-05-01', value: 144_570 }]);
  });

  test('two releases quoting one projection of openings are one figure, not a trend', () => {
    const period = { startYear: 2024, endYear: 2034 };
    assert.equal(jobOpeningsTrend([release('2023-05-01', 1, 115_200, period), release('2024-05-01', 1, 115_200, period)]).length, 1);
    assert.equal(jobOpeningsTrend([release('2023-05-01', 1, 3, null), release('2024-05-01', 1, 5, null)]).length, 2);
  });
});
