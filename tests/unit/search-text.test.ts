import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseRoleSearch } from '@/lib/role-search';
import { readPlaceInSearchText, searchTextVariants } from '@/lib/search-text';

/** What a search text is read as: the words left and the state's slug. */
function read(q: string) {
  const place = readPlaceInSearchText(q);
  return place ? [place.q, place.state.slug] : null;
}

describe('a place in search text', () => {
  test("a state's name, anywhere and in any case, with or without \"in\"", () => {
    assert.deepEqual(read('nurse texas'), ['nurse', 'texas']);
    assert.deepEqual(read('Nurses in Texas'), ['Nurses', 'texas']);
    assert.deepEqual(read('texas nurse'), ['nurse', 'texas']);
    assert.deepEqual(read('software developer new york'), ['software developer', 'new-york']);
    assert.deepEqual(read('nurse west virginia'), ['nurse', 'west-virginia']);
    assert.deepEqual(read('electrician in Ohio'), ['electrician', 'ohio']);
    assert.deepEqual(read('washington'), [undefined, 'washington']);
  });

  test('a postal code beside other words: in capitals anywhere, in lowercase as the last word', () => {
    assert.deepEqual(read('plumber TX'), ['plumber', 'texas']);
    assert.deepEqual(read('RN NY'), ['RN', 'new-york']);
    assert.deepEqual(read('welder tx'), ['welder', 'texas']);
    assert.deepEqual(read('nurse IN'), ['nurse', 'indiana']);
    assert.deepEqual(read('jobs in TX'), ['jobs', 'texas']);
  });

  test('words that are also postal codes stay words', () => {
    assert.equal(read('PA'), null, 'alone, more likely a physician assistant');
    assert.equal(read('nurse in'), null);
    assert.equal(read('doctor md'), null);
    assert.equal(read('tx welder'), null, 'a lowercase code only as the last word');
    assert.equal(read('data scientist'), null);
    assert.equal(read('IT manager'), null);
  });

  test('the listing reads the place as its state filter, only when no state was chosen', () => {
    const read = parseRoleSearch({ q: 'nurse texas' });
    assert.equal(read.search.q, 'nurse');
    assert.equal(read.search.state?.slug, 'texas');
    assert.deepEqual(read.placeFromText && [read.placeFromText.typed, read.placeFromText.state.slug], ['nurse texas', 'texas']);
    const chosen = parseRoleSearch({ q: 'nurse texas', state: 'ohio' });
    assert.deepEqual([chosen.search.q, chosen.search.state?.slug, chosen.placeFromText], ['nurse texas', 'ohio', undefined]);
    const alone = parseRoleSearch({ q: 'Texas' });
    assert.deepEqual([alone.search.q, alone.search.state?.slug], [undefined, 'texas']);
  });
});

describe('abbreviations in search text', () => {
  test('are searched spelled out as well as typed', () => {
    assert.deepEqual(searchTextVariants('RN'), ['RN', 'registered nurse']);
    assert.deepEqual(searchTextVariants('hr manager'), ['hr manager', 'human resources manager']);
    assert.deepEqual(searchTextVariants('IT manager'), ['IT manager', 'information technology manager']);
    assert.deepEqual(searchTextVariants('it manager'), ['it manager'], 'lowercase "it" is the English word');
    assert.deepEqual(searchTextVariants('data scientist'), ['data scientist']);
  });
});
