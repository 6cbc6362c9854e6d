import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { roleStatsSchema } from '@/lib/role-schemas';
import { renderSalaryTemplate, toParagraphs, unknownPlaceholders } from '@/lib/salary-template';

const role = {
  title: 'Nurse',
  stats: roleStatsSchema.parse({ jobOpenings: 1, averageSalary: 110000, degreeRequirementPercent: 100, asOf: '2026-11-01', source: 'test' }),
};

describe('salary write-up templates', () => {
  test('fills every placeholder from the stats, formatted', () => {
    assert.equal(
      renderSalaryTemplate('{title}: {averageSalary} a year, {jobOpenings}, {degreeRequirement} need a degree.', role),
      'Nurse: $110,000 a year, 1 job opening, 100% need a degree.',
    );
  });

  test('leaves unknown placeholders as typed and reports them', () => {
    assert.equal(renderSalaryTemplate('Pay {bonus}', role), 'Pay {bonus}');
    assert.deepEqual(unknownPlaceholders('{averageSalary} and {bonus} and {title}'), ['bonus']);
  });

  test('markup in a template stays text', () => {
    assert.equal(renderSalaryTemplate('<b>{averageSalary}</b>', role), '<b>$110,000</b>');
  });

  test('splits prose into paragraphs on blank lines', () => {
    assert.deepEqual(toParagraphs('One.\n\nTwo.\n  \nThree.'), ['One.', 'Two.', 'Three.']);
    assert.deepEqual(toParagraphs(null), []);
  });
});
