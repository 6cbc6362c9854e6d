// The seed role must carry every fact of the page we were asked to serve, word for word.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { backendSoftwareEngineer as role } from '@/db/seed/backend-software-engineer';
import { roleStatsSchema } from '@/lib/role-schemas';
import { renderSalaryTemplate, toParagraphs } from '@/lib/salary-template';

const original = fs.readFileSync(new URL('../../db/seed/original/backend-software-engineer.md', import.meta.url), 'utf8');

/** The original's prose lines, without headings, list markers or the Overview figures. */
function originalSentences() {
  const overview = original.slice(original.indexOf('## Overview'), original.indexOf('## Average Salary'));
  return original
    .replace(overview, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.replace(/^- /, '').replace(/^\d+\. /, ''));
}

test('the original overview figures are the seed stats', () => {
  assert.match(original, /Job openings: 1\n/);
  assert.match(original, /Average Salary: 110000\n/);
  assert.match(original, /Degree Requirement: 100\n/);
  assert.equal(role.stats.jobOpenings, 1);
  assert.equal(role.stats.averageSalary, 110000);
  assert.equal(role.stats.degreeRequirementPercent, 100);
});

test('every line of the original appears in the seed role', () => {
  const stats = roleStatsSchema.parse(role.stats);
  const seedText = [
    renderSalaryTemplate(role.salaryTemplate, { title: role.title, stats }).replace('$110,000 per year', '110000 dollars per year'),
    ...toParagraphs(role.responsibilitiesIntro),
    ...role.responsibilities,
    ...toParagraphs(role.responsibilitiesOutro ?? null),
    ...toParagraphs(role.howToBecomeIntro),
    ...role.howToBecomeSteps.map((step) => `${step.heading}: ${step.body}`),
    ...toParagraphs(role.howToBecomeOutro ?? null),
  ].join('\n');
  const sentences = originalSentences();
  assert.ok(sentences.length === 16);
  for (const sentence of sentences) assert.ok(seedText.includes(sentence), `missing: ${sentence}`);
});
