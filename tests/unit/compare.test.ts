import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addFromListingHref, compareHref, isCleanRequest, MAX_COMPARED_ROLES, missingRolesNotice, noStateEstimateNotice, parseCompareRequest } from '@/lib/server/compare';
import { findUsState } from '@/lib/us-states';

describe('compare parameters', () => {
  test('slugs are kept in order, trimmed and without repeats', () => {
    assert.deepEqual(parseCompareRequest({ roles: ' nurse, accountant,,nurse ' }), {
      slugs: ['nurse', 'accountant'],
      add: undefined,
      malformed: false,
      tooMany: false,
      state: undefined,
      unknownState: false,
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
    assert.deepEqual(parseCompareRequest({ roles: 'a,'.repeat(10_000) }), { slugs: [], add: undefined, malformed: true, tooMany: false, state: undefined, unknownState: false });
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

  test('a state by postal code or slug; an empty one is the whole country, an unknown one is reported', () => {
    const texas = findUsState('texas')!;
    assert.equal(parseCompareRequest({ roles: 'nurse', state: 'TX' }).state, texas);
    assert.equal(parseCompareRequest({ roles: 'nurse', state: ' texas ' }).state, texas);
    assert.deepEqual(parseCompareRequest({ roles: 'nurse', state: '' }), parseCompareRequest({ roles: 'nurse' }));
    const unknown = parseCompareRequest({ roles: 'nurse', state: 'atlantis' });
    assert.equal(unknown.state, undefined);
    assert.equal(unknown.unknownState, true);
    assert.equal(isCleanRequest(unknown), false);
    assert.equal(parseCompareRequest({ state: 'x'.repeat(10_000) }).unknownState, true);
  });

  test('a comparison in a state has its own address, and so has the listing that adds to it', () => {
    const texas = findUsState('TX')!;
    assert.equal(compareHref(['nurse', 'accountant'], texas), '/compare/nurse,accountant/states/texas');
    assert.equal(compareHref([], texas), '/compare?state=texas');
    assert.equal(addFromListingHref(['nurse'], texas), '/?compareWith=nurse&state=texas');
    assert.equal(addFromListingHref(['nurse']), '/?compareWith=nurse');
  });

  test('roles without an estimate in the state are named', () => {
    const texas = findUsState('TX')!;
    assert.equal(noStateEstimateNotice([], texas), null);
    assert.equal(noStateEstimateNotice([{ title: 'Backend Software Engineer' }], texas), 'BLS has no estimate for Backend Software Engineer in Texas, so its pay and employment there are not known.');
    assert.equal(noStateEstimateNotice([{ title: 'A' }, { title: 'B' }], texas), 'BLS has no estimate for A and B in Texas, so their pay and employment there are not known.');
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
