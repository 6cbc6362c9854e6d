import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { encodeJobCursor, parseJobSearch, toJobQueryString } from '@/lib/jobs/job-search';
import { describeAnnualisation, formatPostingCount, formatPostingLocations, formatPublishedPay, isWebAddress, toTextBlocks } from '@/lib/jobs/posting-display';

describe('a job posting for people', () => {
  test('pay as published, with its period', () => {
    assert.equal(formatPublishedPay({ min: 25, max: 31.5, period: 'hour' }), '$25.00–$31.50 an hour');
    assert.equal(formatPublishedPay({ min: 69923, max: 185234, period: 'year' }), '$69,923–$185,234 a year');
    assert.equal(formatPublishedPay({ min: 5000, max: null, period: 'month' }), 'From $5,000 a month');
  });

  test('the rule that made a rate yearly is read from the figures', () => {
    assert.equal(describeAnnualisation({ min: 25, max: 31.5, period: 'hour', annualMid: 58760 }), 'an hourly rate × 2,080 hours');
    assert.equal(describeAnnualisation({ min: 5000, max: 5000, period: 'month', annualMid: 60000 }), 'a monthly rate × 12 months');
    assert.equal(describeAnnualisation({ min: 1, max: 2, period: 'year', annualMid: 1 }), null);
  });

  test('counts, places and addresses', () => {
    assert.equal(formatPostingCount(86, { open: true }), '86 open postings');
    assert.equal(formatPostingCount(1), '1 posting');
    assert.equal(formatPostingCount(10000, { open: true, lowerBound: true }), 'More than 10,000 open postings');
    assert.equal(formatPostingLocations({ locations: [], remote: true }), 'Remote');
    assert.equal(formatPostingLocations({ locations: [{ city: 'Denver', stateCode: 'CO' }], remote: false }), 'Denver, CO');
    assert.equal(isWebAddress('javascript:alert(1)'), false);
    assert.equal(isWebAddress('https://www.usajobs.gov/job/1'), true);
  });

  test('text keeps its paragraphs and lists', () => {
    assert.deepEqual(toTextBlocks('Intro line\nsecond line\n\n• one\n• two\n1. three'), [
      { kind: 'paragraph', text: 'Intro line\nsecond line' },
      { kind: 'list', items: ['one', 'two', 'three'] },
    ]);
  });

  test('a search goes back and forth through its query string', () => {
    const { search } = parseJobSearch({ q: 'analyst', state: 'ny', sort: 'pay', after: encodeJobCursor({ key: 100, id: 7 }) });
    const again = parseJobSearch(Object.fromEntries(new URLSearchParams(toJobQueryString(search).slice(1))));
    assert.deepEqual(again.search, search);
    assert.equal(toJobQueryString(search, { after: undefined }), '?q=analyst&state=NY&sort=pay');
  });
});
