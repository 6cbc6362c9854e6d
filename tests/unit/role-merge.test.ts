// After a conflict, saving again must apply only what this editor changed, on top of the other
// editor's values: never revert a field this editor did not touch.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sampleRole } from '../support/sample-role';
import { mergeRoleEdit } from '@/lib/role-merge';
import { formBase, roleToFormValues as toFormValues } from '@/lib/role-form';
import { roleBaseSchema, roleFormSchema, type RoleBase } from '@/lib/role-form-submission';
import { roleContentSchema, roleStatsSchema, type RoleValues } from '@/lib/role-schemas';

const seed = sampleRole;

function loaded(): RoleValues {
  const { stats, ...content } = seed;
  return { content: roleContentSchema.parse(content), stats: roleStatsSchema.parse(stats) };
}

/** The base as the server reads it back from the form. */
const baseOf = (values: RoleValues): RoleBase => roleBaseSchema.parse(formBase(values));

const edited = (values: RoleValues, edit: (copy: RoleValues) => void) => {
  const copy = structuredClone(values);
  edit(copy);
  return copy;
};

describe('merging a save that lost the race', () => {
  test('they changed the summary, you changed the salary: both changes survive', () => {
    const base = loaded();
    const theirs = edited(base, (values) => (values.content.summary = 'Their new summary.'));
    const yours = edited(base, (values) => (values.stats.averageSalary = 123_456));
    const merge = mergeRoleEdit({ base: baseOf(base), yours, theirs });
    assert.equal(merge.values.content.summary, 'Their new summary.');
    assert.equal(merge.values.stats.averageSalary, 123_456);
    assert.deepEqual(merge.values, edited(theirs, (values) => (values.stats.averageSalary = 123_456)), 'everything else is theirs');
    assert.deepEqual(merge.changedByYou, ['averageSalary']);
    assert.deepEqual(merge.changedByThem, ['summary']);
  });

  test('both changed the same field: yours wins, and both lists name it', () => {
    const base = loaded();
    const theirs = edited(base, (values) => {
      values.stats.averageSalary = 111_000;
      values.content.title = 'Their Title';
    });
    const yours = edited(base, (values) => (values.stats.averageSalary = 222_000));
    const merge = mergeRoleEdit({ base: baseOf(base), yours, theirs });
    assert.equal(merge.values.stats.averageSalary, 222_000);
    assert.equal(merge.values.content.title, 'Their Title');
    assert.deepEqual(merge.changedByYou, ['averageSalary']);
    assert.deepEqual(merge.changedByThem.sort(), ['averageSalary', 'title']);
  });

  test('lists and the percentiles are one field each', () => {
    const base = loaded();
    const theirs = edited(base, (values) => {
      values.content.responsibilities.reverse();
      values.stats.percentiles = { ...values.stats.percentiles!, p10: 1 };
    });
    const yours = edited(base, (values) => {
      values.content.howToBecomeSteps[0]!.body = 'Your better first step.';
      values.stats.percentiles = { ...values.stats.percentiles!, p90: 999_999 };
    });
    const merge = mergeRoleEdit({ base: baseOf(base), yours, theirs });
    assert.deepEqual(merge.values.content.responsibilities, theirs.content.responsibilities);
    assert.deepEqual(merge.values.content.howToBecomeSteps, yours.content.howToBecomeSteps);
    assert.deepEqual(merge.values.stats.percentiles, yours.stats.percentiles, 'your five percentiles, as one field');
    assert.deepEqual(merge.changedByYou.sort(), ['howToBecomeSteps', 'percentiles']);
    assert.deepEqual(merge.changedByThem.sort(), ['percentiles', 'responsibilities']);
  });

  test('a save that changes nothing you loaded keeps all of theirs', () => {
    const base = loaded();
    const theirs = edited(base, (values) => (values.content.howToBecomeOutro = 'Their outro.'));
    const merge = mergeRoleEdit({ base: baseOf(base), yours: structuredClone(base), theirs });
    assert.deepEqual(merge.values, theirs);
    assert.deepEqual(merge.changedByYou, []);
  });

  test('the form as the browser sends it (CRLF, other key order) counts only real changes', () => {
    const base = loaded();
    base.content.summary = 'First line.\nSecond line.';
    const form = toFormValues({ version: 4, ...base });
    form.content.summary = form.content.summary.replace(/\n/g, '\r\n');
    form.stats.jobOpenings = '77';
    const { content, stats } = roleFormSchema.parse(form);
    // PostgreSQL's jsonb orders keys its own way; the base read back from the page may too.
    const reordered = JSON.parse(formBase(base));
    reordered.content.howToBecomeSteps = base.content.howToBecomeSteps.map(({ heading, body }) => ({ body, heading }));
    const merge = mergeRoleEdit({ base: roleBaseSchema.parse(JSON.stringify(reordered)), yours: { content, stats }, theirs: base });
    assert.deepEqual(merge.changedByYou, ['jobOpenings']);
  });
});

describe("the form's base as sent back", () => {
  test('round-trips through the form unchanged', () => {
    const base = loaded();
    assert.deepEqual(roleBaseSchema.parse(toFormValues({ version: 1, ...base }).base), JSON.parse(JSON.stringify(base)));
  });

  test('anything but the JSON of a role is refused with "reload", never thrown', () => {
    const valid = JSON.parse(formBase(loaded()));
    const refused = [
      '',
      'not json',
      '[]',
      JSON.stringify({ content: valid.content }),
      JSON.stringify({ ...valid, content: { ...valid.content, extra: 1 } }),
      JSON.stringify({ ...valid, padding: 'x'.repeat(200_000) }),
    ];
    for (const text of refused) {
      const result = roleBaseSchema.safeParse(text);
      assert.equal(result.success, false, text.slice(0, 40));
      assert.equal(result.error!.issues[0]!.message, 'Reload the page and try again');
    }
    assert.equal(roleBaseSchema.safeParse(undefined).success, false);
  });

  test('deeply nested JSON in a field is neither walked nor a crash; it only counts as changed', () => {
    const role = loaded();
    const text = formBase(role).replace(JSON.stringify(role.content.title), `${'['.repeat(90_000)}${']'.repeat(90_000)}`);
    const parsed = roleBaseSchema.safeParse(text);
    assert.ok(parsed.success);
    const merge = mergeRoleEdit({ base: parsed.data, yours: loaded(), theirs: loaded() });
    assert.deepEqual(merge.changedByYou, ['title']);
  });
});
