import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { encodeCursor, parseRoleSearch, toQueryString } from '@/lib/role-search';

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
});
