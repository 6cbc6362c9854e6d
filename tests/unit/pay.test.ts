import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatPayMean, formatPayMedian, formatPayPercentile, formatWage, payOf, statePayOf } from '@/lib/pay';
import { renderSalaryTemplate } from '@/lib/salary-template';
import { roleStatsSchema } from '@/lib/role-schemas';

const hourlyPercentiles = { p10: 14, p25: 16.94, median: 23.33, p75: 41.09, p90: 97.19, topCoded: [] };
const actors = roleStatsSchema.parse({
  jobOpenings: 8000,
  averageSalary: null,
  hourlyWages: { mean: 44.4, percentiles: hourlyPercentiles },
  asOf: '2024-05-01',
  source: 'BLS',
});

describe('pay in its unit', () => {
  test('an occupation with hourly wages only is shown per hour, as published', () => {
    const pay = payOf(actors);
    assert.equal(pay.unit, 'hour');
    assert.equal(formatPayMean(pay), '$44.40');
    assert.equal(formatPayMedian(pay), '$23.33');
    assert.equal(formatPayPercentile({ ...pay, percentiles: pay.percentiles! }, 'p10'), '$14.00');
  });

  test('an annual mean wins, and the hourly one stays a second figure', () => {
    const pay = payOf({ ...actors, averageSalary: 144570 });
    assert.deepEqual([pay.unit, formatPayMean(pay), formatPayMedian(pay)], ['year', '$144,570', 'Not published']);
  });

  test('a state: the hourly mean and a top-coded hourly median where BLS has no annual wage', () => {
    const pay = statePayOf({ averageSalary: null, percentiles: null, hourlyMean: 16.06, hourlyMedian: 115, hourlyMedianTopCoded: true });
    assert.deepEqual([pay.unit, formatPayMean(pay), formatPayMedian(pay)], ['hour', '$16.06', '$115.00 or more']);
    assert.equal(formatPayMean(statePayOf({ averageSalary: null, percentiles: null, hourlyMean: null, hourlyMedian: null })), 'Not published');
  });

  test('wages: whole dollars a year, dollars and cents an hour', () => {
    assert.deepEqual([formatWage(144570, 'year'), formatWage(44.4, 'hour'), formatWage(115, 'hour')], ['$144,570', '$44.40', '$115.00']);
  });

  test('the salary write-up fills the hourly placeholders', () => {
    const text = renderSalaryTemplate('{title}: {hourlyMean} mean, {hourlyMedian} median, {averageSalary} a year.', { title: 'Actors', stats: actors });
    assert.equal(text, 'Actors: $44.40 mean, $23.33 median, not published a year.');
  });
});
