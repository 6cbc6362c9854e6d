// Reading job postings files: each format into the one checked record, pay annualised by the
// stated rule, the lowest education NYC's minimum qualifications name, JSON-LD as an array and an
// ItemList, HTML descriptions as plain text, and only http(s) apply links.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { detectEducationAsked } from '@/lib/jobs/education';
import { annualisePay } from '@/lib/jobs/pay';
import { POSTING_FILE_LIMITS, readPostingFile } from '@/lib/jobs/posting-file';
import { toPlainText } from '@/lib/jobs/plain-text';

const limits = POSTING_FILE_LIMITS.upload;
const header = 'source,source_id,title,employer,city,state,remote,posted_on,closes_at,pay_min,pay_max,pay_period,employment_type,education_asked,description,apply_url,soc_code';

function jobPosting(overrides: Record<string, unknown> = {}) {
  return {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    identifier: { '@type': 'PropertyValue', name: 'Acme Careers', value: 'A-1' },
    title: 'Data Scientist',
    hiringOrganization: { '@type': 'Organization', name: 'Acme' },
    jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Austin', addressRegion: 'TX', addressCountry: 'US' } },
    datePosted: '2026-03-01',
    validThrough: '2026-04-01T00:00:00Z',
    baseSalary: { '@type': 'MonetaryAmount', currency: 'USD', value: { '@type': 'QuantitativeValue', minValue: 40, maxValue: 50, unitText: 'HOUR' } },
    employmentType: 'FULL_TIME',
    description: '<p>Join us.</p><ul><li>Model data</li><li>Explain it</li></ul><script>steal()</script>',
    url: 'https://careers.example.com/a-1',
    ...overrides,
  };
}

describe('pay annualisation', () => {
  test('year ×1, month ×12, week ×52, day ×260, hour ×2,080; one end alone is the midpoint', () => {
    assert.deepEqual(annualisePay({ payMin: 20, payMax: 30, payPeriod: 'hour' }), { annualPayMin: 41_600, annualPayMax: 62_400, annualPayMid: 52_000 });
    assert.equal(annualisePay({ payMin: 5000, payMax: null, payPeriod: 'month' }).annualPayMid, 60_000);
    assert.equal(annualisePay({ payMin: 1000, payMax: 1000, payPeriod: 'week' }).annualPayMid, 52_000);
    assert.equal(annualisePay({ payMin: 200, payMax: null, payPeriod: 'day' }).annualPayMid, 52_000);
    assert.equal(annualisePay({ payMin: null, payMax: 90_000, payPeriod: 'year' }).annualPayMid, 90_000);
    assert.deepEqual(annualisePay({ payMin: null, payMax: null, payPeriod: null }), { annualPayMin: null, annualPayMax: null, annualPayMid: null });
  });
});

describe('education asked', () => {
  test('the lowest alternative of real NYC minimum qualifications', () => {
    assert.equal(
      detectEducationAsked(
        '1. A baccalaureate degree from an accredited college and four years of satisfactory, full-time progressively responsible clerical/administrative experience; or  2. An associate degree or 60 semester credits from an accredited college and five years of satisfactory, full-time progressively responsible experience',
      ),
      'associate',
    );
    assert.equal(
      detectEducationAsked('Qualification Requirements  A four-year high school diploma or its educational equivalent approved by a State’s department of education and one year of satisfactory clerical experience.'),
      'high-school',
    );
    assert.equal(
      detectEducationAsked(
        '1. A master’s degree from an accredited college or university in economics, finance, accounting; or  2. A baccalaureate degree from an accredited college or university and two years of satisfactory full-time professional experience',
      ),
      'bachelor',
    );
    assert.equal(detectEducationAsked('1. A doctorate degree in psychology; or 2. A master’s degree in psychology and two years of experience'), 'master');
  });

  test('text that names no level, or a licence only, is not stated', () => {
    assert.equal(detectEducationAsked('Five years of experience as a master plumber, with a New York City Master Plumber license.'), 'not-stated');
    assert.equal(detectEducationAsked(''), 'not-stated');
    assert.equal(detectEducationAsked(null), 'not-stated');
  });
});

describe('plain text', () => {
  test('HTML becomes text with paragraphs and bullets as lines, without scripts or link targets', () => {
    assert.equal(toPlainText('<h2>About</h2><p>We &amp; you</p><ul><li>One</li><li><a href="javascript:alert(1)">Two</a></li></ul><script>bad()</script>'), 'About\n\nWe & you\n\n• One\n• Two');
    assert.equal(toPlainText('Plain text\r\nstays as it is'), 'Plain text\nstays as it is');
  });
});

describe('posting files', () => {
  test('Roleboard’s CSV: a row read into the checked record, with its line', () => {
    const file = readPostingFile(
      `${header}\nacme,42,Data Analyst,Acme,Albany,New York,no,2026-02-01,2026-03-01,5000,6000,month,full-time,bachelor,"Analyse\nthings",https://acme.example/42,15-2051\n`,
      limits,
    );
    assert.equal(file.format, 'roleboard-csv');
    assert.deepEqual(file.problems, []);
    const [row] = file.rows;
    assert.equal(row!.line, 2);
    assert.deepEqual(row!.posting.locations, [{ city: 'Albany', stateCode: 'NY' }]);
    assert.equal(row!.posting.closesAt, '2026-03-01T23:59:59Z');
    assert.equal(row!.posting.description, 'Analyse\nthings');
    assert.equal(row!.posting.socCode, '15-2051');
  });

  test('a javascript: link, a missing title and an unknown state are refused, each with its line and reason', () => {
    const file = readPostingFile(`${header}\nacme,1,Analyst,Acme,,,,2026-02-01,,,,,,,,javascript:alert(1),\nacme,2,,Acme,Springfield,Atlantis,,2026-02-01,,,,,,,,,\n`, limits);
    assert.deepEqual(file.rows, []);
    assert.deepEqual(
      file.problems.map((problem) => [problem.line, problem.field]),
      [
        [2, 'apply_url'],
        [3, 'state'],
        [3, 'title'],
      ],
    );
  });

  test('a posting twice in one file is refused the second time', () => {
    const file = readPostingFile(`${header}\nacme,1,Analyst,Acme,,,,2026-02-01,,,,,,,,,\nacme,1,Analyst,Acme,,,,2026-02-01,,,,,,,,,\n`, limits);
    assert.equal(file.rows.length, 1);
    assert.match(file.problems[0]!.message, /also at line 2/);
  });

  test('an unknown header names the columns it needs', () => {
    const file = readPostingFile('name,salary\nx,1\n', limits);
    assert.equal(file.format, null);
    assert.match(file.problems[0]!.message, /source, source_id, title, employer, posted_on/);
  });

  test('a file over the row limit is refused whole', () => {
    const rows = Array.from({ length: limits.maxRows + 1 }, (_, index) => `acme,${index},Analyst,Acme,,,,2026-02-01,,,,,,,,,`);
    const file = readPostingFile(`${header}\n${rows.join('\n')}\n`, limits);
    assert.deepEqual(file.rows, []);
    assert.match(file.problems[0]!.message, /more than 20,000 postings/);
  });

  test('JSON-LD as an array: identity, place, hourly pay, HTML description as text', () => {
    const file = readPostingFile(JSON.stringify([jobPosting()]), limits);
    assert.equal(file.format, 'json-ld');
    assert.deepEqual(file.problems, []);
    const { posting } = file.rows[0]!;
    assert.equal(posting.source, 'acme-careers');
    assert.equal(posting.sourceId, 'A-1');
    assert.deepEqual(posting.locations, [{ city: 'Austin', stateCode: 'TX' }]);
    assert.deepEqual([posting.payMin, posting.payMax, posting.payPeriod], [40, 50, 'hour']);
    assert.equal(posting.employmentType, 'full-time');
    assert.equal(posting.description, 'Join us.\n\n• Model data\n• Explain it');
  });

  test('JSON-LD as an ItemList, and a javascript: url refused by record number', () => {
    const list = {
      '@context': 'https://schema.org',
      '@type': 'ItemList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, item: jobPosting() },
        { '@type': 'ListItem', position: 2, item: jobPosting({ identifier: { '@type': 'PropertyValue', name: 'Acme Careers', value: 'A-2' }, url: 'javascript:alert(1)' }) },
      ],
    };
    const file = readPostingFile(JSON.stringify(list), limits);
    assert.equal(file.rows.length, 1);
    assert.deepEqual(
      file.problems.map((problem) => [problem.record, problem.field]),
      [[2, 'url']],
    );
  });

  test('the real sets read whole and clean, gzipped, with their own columns', () => {
    const usajobs = readPostingFile(readFileSync('db/data/job-postings/usajobs_data_it_postings_2025-06_2026-05.csv.gz'), POSTING_FILE_LIMITS.commandLine);
    assert.equal(usajobs.format, 'usajobs-csv');
    assert.deepEqual(usajobs.problems, []);
    assert.equal(usajobs.rows.length, 9744);
    assert.ok(usajobs.rows.every(({ posting }) => posting.educationAsked === 'not-stated' && (posting.payPeriod === null || posting.payPeriod === 'year')));
    const nyc = readPostingFile(readFileSync('db/data/job-postings/nyc_jobs_postings_2024-03-04.csv.gz'), POSTING_FILE_LIMITS.commandLine);
    assert.equal(nyc.format, 'nyc-jobs-csv');
    assert.deepEqual(nyc.problems, []);
    assert.equal(nyc.rows.length, 2626);
    assert.ok(nyc.rows.every(({ posting }) => posting.locations[0]?.stateCode === 'NY' && posting.payMin !== 0));
  });

  test('a gzip bomb is refused by its unzipped size', () => {
    const file = readPostingFile(gzipSync(Buffer.alloc(limits.maxBytes + 10, 0x20)), limits);
    assert.match(file.problems[0]!.message, /unzips to more than 5.0 MB/);
  });
});
