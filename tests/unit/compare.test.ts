import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compareHref, isCleanRequest, MAX_COMPARED_ROLES, missingRolesNotice, parseCompareRequest } from '@/lib/compare';

describe('compare parameters', () => {
  test('slugs are kept in order, trimmed and without repeats', () => {
    assert.deepEqual(parseCompareRequest({ roles: ' nurse, accountant,,nurse ' }), {
      slugs: ['nurse', 'accountant'],
      add: undefined,
      malformed: false,
      tooMany: false,
    });
  });

  test('entries that are not slugs are dropped and reported', () => {
    const request = parseCompareRequest({ roles: 'nurse,Not A Slug,../etc,<script>' });
    assert.deepEqual(request.slugs, ['nurse']);
    assert.equal(request.malformed, true);
  });

  test(`at most ${MAX_COMPARED_ROLES} roles; more are reported`, () => {
    const request = parseCompareRequest({ roles: 'a,b,c,d,e,f' });
    assert.deepEqual(request.slugs, ['a', 'b', 'c', 'd']);
    assert.equal(request.tooMany, true);
  });

  test('a huge parameter is malformed, not an error', () => {
    assert.deepEqual(parseCompareRequest({ roles: 'a,'.repeat(10_000) }), { slugs: [], add: undefined, malformed: true, tooMany: false });
  });

  test('repeated parameters use the first; the add text is trimmed and bounded', () => {
    assert.deepEqual(parseCompareRequest({ roles: ['nurse', 'accountant'], add: '  data  ' }).slugs, ['nurse']);
    assert.equal(parseCompareRequest({ add: '  data  ' }).add, 'data');
    assert.equal(parseCompareRequest({ add: '   ' }).add, undefined);
    assert.equal(parseCompareRequest({ add: 'x'.repeat(10_000) }).add, undefined);
    assert.equal(parseCompareRequest({ add: 'nu\u0000rse' }).add, undefined, 'a NUL never reaches the database');
  });

  test('a comparison\'s address keeps its commas readable', () => {
    assert.equal(compareHref(['nurse', 'accountant']), '/compare/nurse,accountant');
    assert.equal(compareHref([]), '/compare');
  });

  test('only well-formed requests of at most four roles are clean', () => {
    assert.equal(isCleanRequest(parseCompareRequest({ roles: 'nurse,nurse,accountant' })), true);
    assert.equal(isCleanRequest(parseCompareRequest({ roles: 'nurse,Nope' })), false);
    assert.equal(isCleanRequest(parseCompareRequest({ roles: 'a,b,c,d,e' })), false);
  });

  test('missing roles are named', () => {
    assert.equal(missingRolesNotice([]), null);
    assert.equal(missingRolesNotice(['gone']), 'One role in the link no longer exists: gone.');
    assert.equal(missingRolesNotice(['a', 'b']), '2 roles in the link no longer exist: a, b.');
  });
});
