import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatDate, formatEditTime, formatJobOpenings, formatList, formatPercent, formatSalary } from '@/lib/domain/format';

describe('formatting numbers for people', () => {
  test('salaries are whole currency amounts with separators', () => {
    assert.equal(formatSalary(110000), '$110,000');
    assert.equal(formatSalary(0), '$0');
    assert.equal(formatSalary(95500.4), '$95,500');
    assert.equal(formatSalary(50000, 'EUR', 'de-DE'), '50.000\u00a0€');
  });

  test('percentages', () => {
    assert.equal(formatPercent(100), '100%');
    assert.equal(formatPercent(0), '0%');
    assert.equal(formatPercent(45), '45%');
  });

  test('job openings are counted with the right plural', () => {
    assert.equal(formatJobOpenings(1), '1 job opening');
    assert.equal(formatJobOpenings(0), '0 job openings');
    assert.equal(formatJobOpenings(1250), '1,250 job openings');
  });

  test('dates are calendar dates, not shifted by time zones', () => {
    assert.equal(formatDate('2026-11-01'), 'November 1, 2026');
    assert.equal(formatDate('2026-01-31'), 'January 31, 2026');
  });

  test('lists of names read as a sentence', () => {
    assert.equal(formatList(['Nurse']), 'Nurse');
    assert.equal(formatList(['Nurse', 'Pharmacist']), 'Nurse and Pharmacist');
    assert.equal(formatList(['A', 'B', 'C']), 'A, B, and C');
  });

  test('edit times are in UTC for every editor', () => {
    assert.equal(formatEditTime('2026-11-01T14:05:00.000Z'), 'Nov 1, 2026, 2:05 PM UTC');
  });
});
