// What editors may type into a role, checked by the one schema the form, actions and API share.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seedRoles } from '@/db/seed/seed';
import { sampleRole } from '../support/sample-role';
import { applyListEdit, roleToFormValues as toFormValues, type RoleFormValues } from '@/lib/role-form';
import {
  formDataToRoleFormValues as toRoleFormValues,
  listEditSchema,
  roleFormSchema,
  roleUpdateSubmissionSchema,
  toRoleSubmission,
  typedValuesOf,
} from '@/lib/role-form-submission';
import { latestToday, roleContentKeys, roleContentSchema, roleStatsKeys, roleStatsSchema } from '@/lib/role-schemas';
import { fieldErrorsOf } from '@/lib/domain/errors';
import { roleFieldLabels, roleFormErrorsById } from '@/lib/domain/role-fields';

const seed = sampleRole;

function goodValues(): RoleFormValues {
  const { stats, ...content } = seed;
  return toFormValues({ version: 3, content: roleContentSchema.parse(content), stats: roleStatsSchema.parse(stats) });
}

/** The field errors of a form whose values were changed by `edit`, keyed by dotted path. */
function errorsAfter(edit: (values: RoleFormValues) => void) {
  const values = goodValues();
  edit(values);
  const result = roleFormSchema.safeParse(values);
  assert.equal(result.success, false, 'expected the form to be refused');
  return Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

test('every field of a role has a label, and every label a field', () => {
  assert.deepEqual(Object.keys(roleFieldLabels).sort(), [...roleContentKeys, ...roleStatsKeys].sort());
});

describe('role form values', () => {
  test('a role as saved parses, with numbers as numbers', () => {
    const result = roleFormSchema.parse(goodValues());
    assert.equal(result.version, 3);
    assert.equal(result.stats.averageSalary, seed.stats.averageSalary);
    assert.deepEqual(result.stats.percentiles, { ...seed.stats.percentiles, topCoded: [] });
    assert.equal(result.content.title, seed.title);
  });

  test('every seed role fits the content and stats schemas', () => {
    for (const { stats, ...content } of [...seedRoles, sampleRole]) {
      assert.ok(roleContentSchema.safeParse(content).success, content.slug);
      assert.ok(roleStatsSchema.safeParse(stats).success, content.slug);
    }
  });

  test('negative or fractional job openings are refused on that field, never rounded', () => {
    assert.deepEqual(errorsAfter((values) => (values.stats.jobOpenings = '-1')), { 'stats.jobOpenings': 'Must be at least 0' });
    assert.deepEqual(errorsAfter((values) => (values.stats.jobOpenings = '1.5')), { 'stats.jobOpenings': 'Enter a whole number' });
    assert.deepEqual(errorsAfter((values) => (values.stats.jobOpenings = '12 jobs')), { 'stats.jobOpenings': 'Enter a number, digits only' });
  });

  test('salary below 0, absurdly large or fractional is refused', () => {
    for (const salary of ['-1', '100000001', '1e9', '50000.5']) {
      const errors = errorsAfter((values) => (values.stats.averageSalary = salary));
      assert.deepEqual(Object.keys(errors), ['stats.averageSalary'], salary);
    }
  });

  test('an empty average salary, degree requirement or employment is "not known", never zero', () => {
    const values = goodValues();
    values.stats.averageSalary = '';
    values.stats.degreeRequirementPercent = ' ';
    values.stats.employment = '';
    const { stats } = roleFormSchema.parse(values);
    assert.equal(stats.averageSalary, null);
    assert.equal(stats.degreeRequirementPercent, null);
    assert.equal(stats.employment, null);
  });

  test('top-coded percentiles: ticked from one percentile up, all at the same amount', () => {
    const topCoded = (values: RoleFormValues) => {
      Object.assign(values.stats.percentiles, { p10: '80000', p25: '100000', median: '150000', p75: '239200', p90: '239200' });
    };
    const values = goodValues();
    topCoded(values);
    values.stats.topCoded = ['p90', 'p75'];
    assert.deepEqual(roleFormSchema.parse(values).stats.percentiles, { p10: 80000, p25: 100000, median: 150000, p75: 239200, p90: 239200, topCoded: ['p75', 'p90'] });
    const gap = errorsAfter((form) => {
      topCoded(form);
      form.stats.topCoded = ['p75'];
    });
    assert.deepEqual(gap, { 'stats.percentiles.topCoded': 'A top code applies to every higher percentile too, all at the same amount' });
    assert.deepEqual(Object.keys(errorsAfter((form) => (form.stats.topCoded = ['p25', 'median', 'p75', 'p90']))), ['stats.percentiles.topCoded']);
  });

  test('an outlook is all five figures or none, ending after it starts', () => {
    const values = goodValues();
    values.stats.outlook = { startYear: '2024', endYear: '2034', startEmployment: '1693800', endEmployment: '1961400', changePercent: '15.8' };
    assert.deepEqual(roleFormSchema.parse(values).stats.outlook, {
      startYear: 2024,
      endYear: 2034,
      startEmployment: 1693800,
      endEmployment: 1961400,
      changePercent: 15.8,
    });
    assert.deepEqual(
      Object.keys(errorsAfter((form) => (form.stats.outlook = { ...values.stats.outlook, endEmployment: '' }))),
      ['stats.outlook.endEmployment'],
    );
    assert.deepEqual(errorsAfter((form) => (form.stats.outlook = { ...values.stats.outlook, endYear: '2020' })), {
      'stats.outlook.endYear': 'Must be after the start year',
    });
    assert.deepEqual(Object.keys(errorsAfter((form) => (form.stats.outlook = { ...values.stats.outlook, changePercent: '15.85' }))), [
      'stats.outlook.changePercent',
    ]);
  });

  test('a source link is an http(s) address; other names are one per line; a SOC code looks like 15-1252', () => {
    assert.deepEqual(Object.keys(errorsAfter((values) => (values.stats.sourceUrl = 'javascript:alert(1)'))), ['stats.sourceUrl']);
    assert.deepEqual(Object.keys(errorsAfter((values) => (values.content.socCode = '151252'))), ['content.socCode']);
    const values = goodValues();
    values.content.alternativeTitles = 'Data Mining Analyst\r\n\r\n  Machine Learning Scientist  \n';
    values.content.socCode = '15-2051';
    values.stats.sourceUrl = 'https://www.bls.gov/oes/2024/may/oes152051.htm';
    const { content, stats } = roleFormSchema.parse(values);
    assert.deepEqual(content.alternativeTitles, ['Data Mining Analyst', 'Machine Learning Scientist']);
    assert.equal(content.socCode, '15-2051');
    assert.equal(stats.sourceUrl, 'https://www.bls.gov/oes/2024/may/oes152051.htm');
  });

  test('degree requirement outside 0–100 is refused', () => {
    for (const percent of ['-1', '101', '50.5']) {
      assert.deepEqual(Object.keys(errorsAfter((values) => (values.stats.degreeRequirementPercent = percent))), ['stats.degreeRequirementPercent']);
    }
  });

  test("typical education is one of BLS's levels, or empty for not known", () => {
    assert.deepEqual(Object.keys(errorsAfter((values) => (values.stats.entryEducation = 'A PhD'))), ['stats.entryEducation']);
    for (const education of ['', "Associate's degree"]) {
      const values = goodValues();
      values.stats.entryEducation = education;
      const result = roleFormSchema.safeParse(values);
      assert.ok(result.success, education);
      assert.equal(result.data.stats.entryEducation, education || null);
    }
  });

  test('percentiles out of order get the error on the value that breaks the order', () => {
    const errors = errorsAfter((values) => {
      values.stats.percentiles.median = '1000';
    });
    assert.deepEqual(Object.keys(errors), ['stats.percentiles.median']);
    assert.match(errors['stats.percentiles.median']!, /at least the 25th percentile/);
  });

  test('percentiles are all five or none', () => {
    const errors = errorsAfter((values) => (values.stats.percentiles.p75 = ''));
    assert.deepEqual(errors, { 'stats.percentiles.p75': 'Enter the 75th percentile too, or leave all five empty' });
    const values = goodValues();
    values.stats.percentiles = { p10: '', p25: '', median: '', p75: '', p90: '' };
    assert.equal(roleFormSchema.parse(values).stats.percentiles, null);
  });

  test('an empty or 10 kB title is refused', () => {
    assert.deepEqual(errorsAfter((values) => (values.content.title = '   ')), { 'content.title': 'Enter a title' });
    assert.deepEqual(errorsAfter((values) => (values.content.title = 'x'.repeat(10_000))), { 'content.title': 'Use at most 120 characters' });
  });

  test('slugs with spaces or capitals are refused', () => {
    for (const slug of ['data scientist', 'Data-Scientist', '']) {
      assert.deepEqual(Object.keys(errorsAfter((values) => (values.content.slug = slug))), ['content.slug'], slug);
    }
  });

  test('a slug reserved for a route is a field error on the slug', () => {
    assert.deepEqual(errorsAfter((values) => (values.content.slug = 'new')), {
      'content.slug': '“new” is reserved for the new-role form (/admin/roles/new); choose another slug',
    });
  });

  test('dates in the future or not dates at all are refused; today anywhere on Earth is fine', () => {
    assert.deepEqual(errorsAfter((values) => (values.stats.asOf = '2999-01-01')), { 'stats.asOf': 'The date cannot be in the future' });
    assert.deepEqual(Object.keys(errorsAfter((values) => (values.stats.asOf = '2026-02-30'))), ['stats.asOf']);
    assert.deepEqual(Object.keys(errorsAfter((values) => (values.stats.asOf = 'yesterday'))), ['stats.asOf']);
    const values = goodValues();
    values.stats.asOf = new Date().toISOString().slice(0, 10);
    assert.ok(roleFormSchema.safeParse(values).success);
    assert.ok(latestToday() >= values.stats.asOf);
  });

  test('unknown salary placeholders, empty list rows and too many rows are refused where they are', () => {
    assert.deepEqual(Object.keys(errorsAfter((values) => (values.content.salaryTemplate = 'Pays {bonus}'))), ['content.salaryTemplate']);
    assert.deepEqual(Object.keys(errorsAfter((values) => values.content.responsibilities.push(' '))), [
      `content.responsibilities.${seed.responsibilities.length}`,
    ]);
    assert.deepEqual(Object.keys(errorsAfter((values) => (values.content.howToBecomeSteps[1]!.heading = ''))), ['content.howToBecomeSteps.1.heading']);
    assert.deepEqual(Object.keys(errorsAfter((values) => (values.content.responsibilities = Array(21).fill('Duty')))), ['content.responsibilities']);
    assert.deepEqual(Object.keys(errorsAfter((values) => (values.content.howToBecomeSteps = []))), ['content.howToBecomeSteps']);
  });

  test('markup is kept as text, and optional prose left empty is stored as null', () => {
    const values = goodValues();
    values.content.summary = '<script>alert(1)</script> & more';
    values.content.responsibilitiesOutro = '  ';
    const parsed = roleFormSchema.parse(values);
    assert.equal(parsed.content.summary, '<script>alert(1)</script> & more');
    assert.equal(parsed.content.responsibilitiesOutro, null);
  });
});

describe('reading the form', () => {
  test('repeated fields become lists, in order', () => {
    const formData = new FormData();
    formData.append('title', 'Nurse');
    for (const duty of ['Care', 'Chart']) formData.append('responsibilities', duty);
    for (const [heading, body] of [['Study', 'Get a degree'], ['Register', 'Pass the exam']]) {
      formData.append('stepHeading', heading!);
      formData.append('stepBody', body!);
    }
    formData.append('p10', '');
    const values = toRoleFormValues(formData);
    assert.equal(values.content.title, 'Nurse');
    assert.deepEqual(values.content.responsibilities, ['Care', 'Chart']);
    assert.deepEqual(values.content.howToBecomeSteps, [
      { heading: 'Study', body: 'Get a degree' },
      { heading: 'Register', body: 'Pass the exam' },
    ]);
    assert.equal(values.stats.percentiles.p10, '');
  });

  test('an unknown button is a list edit nobody knows; the typed values always come back as the form', () => {
    const formData = new FormData();
    formData.append('intent', 'x'.repeat(100));
    formData.append('title', 'Nurse');
    formData.append('averageSalary', '50000');
    const input = toRoleSubmission(formData);
    assert.deepEqual(roleUpdateSubmissionSchema.parse(input), { kind: 'list-edit', intent: null });
    assert.equal(typedValuesOf(input).content.title, 'Nurse');
    assert.equal(typedValuesOf(input).stats.averageSalary, '50000');
    assert.equal(toRoleSubmission(new FormData()).kind, 'save', 'Enter in a field saves');
  });

  test('a save with tampered hidden fields parses them as absent; its typed fields are checked by the shared schemas', () => {
    const submission = { kind: 'save', intent: 'save', roleId: 'abc', loadedSlug: 'nurse\u0000', ...goodValues() };
    const saved = roleUpdateSubmissionSchema.parse(submission);
    assert.ok(saved.kind === 'save');
    assert.deepEqual([saved.roleId, saved.loadedSlug], [undefined, undefined]);
    assert.equal(saved.stats.averageSalary, Number(goodValues().stats.averageSalary), 'the typed salary as the number it says');
    const refused = roleUpdateSubmissionSchema.safeParse({ ...submission, stats: { ...submission.stats, averageSalary: '1.5' } });
    assert.equal(refused.success, false);
    assert.deepEqual(Object.keys(roleFormErrorsById(fieldErrorsOf(refused.error!))), ['averageSalary'], 'the error shows at its input');
  });

  test('field errors show at their inputs, list rows and steps included', () => {
    assert.deepEqual(
      roleFormErrorsById({
        'content.responsibilities.1': ['a'],
        'content.howToBecomeSteps.0.body': ['b'],
        'stats.outlook.endYear': ['c'],
        'stats.percentiles.p25': ['d'],
        'content.alternativeTitles.3': ['e'],
        'content.slug': ['f', 'g'],
      }),
      { 'responsibility-2': 'a', 'step-1-body': 'b', 'outlook-endYear': 'c', p25: 'd', alternativeTitles: 'e', slug: 'f' },
    );
  });

  test('list buttons add, remove and move rows and leave everything else as typed', () => {
    const values = goodValues();
    values.stats.averageSalary = 'not yet';
    const [first, second] = values.content.responsibilities;
    const moved = applyListEdit(values, listEditSchema.parse('move-responsibility-2-up'));
    assert.deepEqual(moved.content.responsibilities.slice(0, 2), [second, first]);
    assert.equal(moved.stats.averageSalary, 'not yet');
    assert.equal(applyListEdit(values, listEditSchema.parse('move-responsibility-1-up')).content.responsibilities[0], first, 'the first row stays first');
    assert.equal(applyListEdit(values, listEditSchema.parse('add-step')).content.howToBecomeSteps.length, values.content.howToBecomeSteps.length + 1);
    const removed = applyListEdit(values, listEditSchema.parse('remove-step-1'));
    assert.deepEqual(removed.content.howToBecomeSteps, values.content.howToBecomeSteps.slice(1));
    assert.equal(listEditSchema.safeParse('drop-table').success, false);
  });
});
