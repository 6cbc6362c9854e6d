import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { encodeCursor, isSortChanged, parseRoleSearch, sortChoiceOf, sortChoices, sortChoicesFor, toQueryString } from '@/lib/role-search';

describe('listing parameters', () => {
  test('valid parameters are parsed and typed', () => {
    const { search, invalid } = parseRoleSearch({ q: ' engineer ', category: 'healthcare-practitioners-and-technical', minSalary: '50000', maxDegree: '80', sort: 'salary', order: 'asc', page: '3' });
    assert.deepEqual(invalid, []);
    assert.deepEqual(search, { q: 'engineer', category: 'healthcare-practitioners-and-technical', minSalary: 50000, maxDegree: 80, sort: 'salary', order: 'asc', page: 3 });
  });

  test('each bad parameter is reported and dropped on its own', () => {
    const { search, invalid } = parseRoleSearch({
      q: 'x'.repeat(10_000),
      page: '-1',
      sort: 'unknown',
      order: 'sideways',
      minSalary: 'abc',
      maxDegree: '101',
      category: 'Not A Slug',
      after: 'garbage!!',
    });
    assert.deepEqual(search, {});
    assert.deepEqual(invalid.sort(), ['after', 'category', 'maxDegree', 'minSalary', 'order', 'page', 'q', 'sort']);
  });

  test('empty form fields mean "not set"', () => {
    assert.deepEqual(parseRoleSearch({ q: '', category: '', minSalary: '  ' }), { search: {}, invalid: [] });
  });

  test('search text with SQL or markup is kept as plain text', () => {
    assert.equal(parseRoleSearch({ q: "'; drop table roles; --" }).search.q, "'; drop table roles; --");
    assert.equal(parseRoleSearch({ q: '<script>' }).search.q, '<script>');
  });

  test('search text with a NUL or other control character is set aside as invalid, never sent to the database', () => {
    assert.deepEqual(parseRoleSearch({ q: 'nu\u0000rse', category: 'healthcare-practitioners-and-technical' }), { search: { category: 'healthcare-practitioners-and-technical' }, invalid: ['q'] });
    assert.deepEqual(parseRoleSearch({ q: 'nurse\u001B' }).invalid, ['q']);
  });

  test('cursors round-trip and tampered ones are rejected', () => {
    const cursor = encodeCursor({ value: 'Nurse', id: 7 });
    assert.deepEqual(parseRoleSearch({ after: cursor }).search.after, { value: 'Nurse', id: 7 });
    const tampered = Buffer.from(JSON.stringify(['x', -5])).toString('base64url');
    assert.deepEqual(parseRoleSearch({ after: tampered }).invalid, ['after']);
  });

  test('query strings leave out what is not set', () => {
    assert.equal(toQueryString({}), '');
    assert.equal(toQueryString({ q: 'a b', sort: 'salary' }, { after: 'c' }), '?q=a+b&sort=salary&after=c');
  });

  test('query strings leave out what is not set, and an override of undefined removes a parameter', () => {
    assert.equal(toQueryString({ q: 'nurse', category: 'legal', sort: 'salary', order: 'asc' }, { category: undefined }), '?q=nurse&sort=salary&order=asc');
  });
});

describe('the sort control', () => {
  test('each choice is a sort and an order, and parses to the same search as the two-parameter links', () => {
    for (const choice of sortChoices) {
      const q = choice.sort === 'relevance' ? 'nurse' : undefined;
      const state = choice.sort === 'employment' || choice.sort === 'concentration' ? 'texas' : undefined;
      const fromChoice = parseRoleSearch({ q, state, sort: choice.value });
      const fromParams = parseRoleSearch({ q, state, sort: choice.sort, order: choice.order });
      assert.deepEqual(fromChoice, fromParams, choice.value);
      assert.equal(sortChoiceOf(fromChoice.search), choice, choice.value);
    }
  });

  test('older links name the same choices', () => {
    const label = (raw: Record<string, string>) => sortChoiceOf(parseRoleSearch(raw).search).label;
    assert.equal(label({}), 'Title A–Z');
    assert.equal(label({ q: 'nurse' }), 'Best match');
    assert.equal(label({ sort: 'title', order: 'desc' }), 'Title Z–A');
    assert.equal(label({ order: 'desc' }), 'Title Z–A');
    assert.equal(label({ sort: 'salary' }), 'Highest salary first');
    assert.equal(label({ sort: 'salary', order: 'asc' }), 'Lowest salary first');
    assert.equal(label({ sort: 'openings' }), 'Most openings first');
    assert.equal(label({ sort: 'openings', order: 'asc' }), 'Fewest openings first');
    assert.equal(label({ q: 'nurse', sort: 'title' }), 'Title A–Z');
    // Best match needs search text: without any, the list is by title.
    assert.equal(label({ sort: 'relevance' }), 'Title A–Z');
  });

  test('the state sorts need a state, and are offered only with one', () => {
    assert.deepEqual(parseRoleSearch({ sort: 'employment-desc' }), { search: {}, invalid: ['sort'] });
    assert.deepEqual(parseRoleSearch({ sort: 'concentration' }), { search: {}, invalid: ['sort'] });
    const inTexas = parseRoleSearch({ state: 'TX', sort: 'concentration' }).search;
    assert.equal(inTexas.state?.slug, 'texas');
    assert.equal(inTexas.sort, 'concentration');
    assert.ok(!sortChoicesFor({}).some((choice) => choice.sort === 'employment'));
    assert.ok(sortChoicesFor({ state: inTexas.state }).some((choice) => choice.sort === 'employment'));
  });

  test('a state is a postal code or a slug; anything else is named as invalid', () => {
    assert.equal(parseRoleSearch({ state: 'ca' }).search.state?.name, 'California');
    assert.equal(parseRoleSearch({ state: 'district-of-columbia' }).search.state?.postalCode, 'DC');
    assert.deepEqual(parseRoleSearch({ state: 'atlantis' }), { search: {}, invalid: ['state'] });
  });

  test('a choice wins over a separate order, and a bad choice is named as an invalid sort', () => {
    assert.deepEqual(parseRoleSearch({ sort: 'salary-asc', order: 'desc' }).search, { sort: 'salary', order: 'asc' });
    assert.deepEqual(parseRoleSearch({ sort: 'salary-sideways' }), { search: {}, invalid: ['sort'] });
  });

  test('best match is offered with search text only, and only best first', () => {
    assert.equal(sortChoicesFor({}).some((choice) => choice.sort === 'relevance'), false);
    assert.equal(sortChoicesFor({ q: 'nurse' })[0]!.label, 'Best match');
    assert.deepEqual(parseRoleSearch({ q: 'nurse', order: 'asc' }), { search: { q: 'nurse' }, invalid: ['order'] });
  });

  test('a sort is "changed" when it is not what the search would have without one', () => {
    assert.equal(isSortChanged({}), false);
    assert.equal(isSortChanged({ sort: 'title', order: 'asc' }), false);
    assert.equal(isSortChanged({ q: 'nurse', sort: 'relevance' }), false);
    assert.equal(isSortChanged({ q: 'nurse', sort: 'title' }), true);
    assert.equal(isSortChanged({ sort: 'salary' }), true);
  });
});

describe('the education filter and sort', () => {
  test("maxEducation takes BLS's levels by slug, in BLS's order, and reads as that level", () => {
    const ranks = ['none', 'high-school', 'some-college', 'postsecondary-nondegree', 'associate', 'bachelor', 'master', 'doctoral'].map(
      (slug) => parseRoleSearch({ maxEducation: slug }).search.maxEducation?.rank,
    );
    assert.deepEqual(ranks, [0, 1, 2, 3, 4, 5, 6, 7]);
    const { search, invalid } = parseRoleSearch({ maxEducation: 'high-school' });
    assert.deepEqual(invalid, []);
    assert.equal(search.maxEducation?.label, 'High school diploma or equivalent');
  });

  test('an unknown level, a label or a number is named as invalid and leaves the other parameters', () => {
    for (const bad of ['phd', 'High school diploma or equivalent', '1', 'HIGH-SCHOOL', 'none ']) {
      const { search, invalid } = parseRoleSearch({ maxEducation: bad, category: 'legal' });
      assert.deepEqual(invalid, ['maxEducation'], bad);
      assert.deepEqual(search, { category: 'legal' }, bad);
    }
  });

  test('a level round-trips through the query string, with the education sort', () => {
    const { search } = parseRoleSearch({ maxEducation: 'postsecondary-nondegree', sort: 'education-desc' });
    assert.deepEqual({ sort: search.sort, order: search.order }, { sort: 'education', order: 'desc' });
    assert.equal(toQueryString(search), '?maxEducation=postsecondary-nondegree&sort=education&order=desc');
    assert.deepEqual(parseRoleSearch(Object.fromEntries(new URLSearchParams(toQueryString(search)))).search, search);
  });

  test('the education sort is offered in both orders, least education first by default', () => {
    assert.deepEqual(
      sortChoicesFor({}).filter((choice) => choice.sort === 'education').map((choice) => choice.value),
      ['education-asc', 'education-desc'],
    );
    assert.equal(sortChoiceOf({ sort: 'education' }).value, 'education-asc');
  });

  test("an education cursor holds the level's key and the salary's; another sort's cursor is named as invalid", () => {
    const education = encodeCursor({ value: '1:-58210', id: 12 });
    assert.deepEqual(parseRoleSearch({ sort: 'education', after: education }).search.after, { value: '1:-58210', id: 12 });
    assert.deepEqual(parseRoleSearch({ sort: 'education', after: encodeCursor({ value: 58210, id: 12 }) }).invalid, ['after']);
    assert.deepEqual(parseRoleSearch({ sort: 'title', after: education }).search.after, { value: '1:-58210', id: 12 });
    assert.deepEqual(parseRoleSearch({ sort: 'salary', after: education }).invalid, ['after']);
  });
});
