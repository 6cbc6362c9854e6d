// Whether the database counts as away (db/availability.ts), which turns a failed page into a 503.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasDatabaseFailedSince, isDatabaseFailing, reportDatabaseAnswered, reportDatabaseFailure } from '@/db/availability';

test('an answer to a question asked before the failure began does not say the database is back', () => {
  reportDatabaseAnswered();
  reportDatabaseFailure(1_000);
  // Another pooled connection's answer, already on its way when this one failed (a flaky outage test's 500).
  reportDatabaseAnswered(999);
  assert.equal(isDatabaseFailing(), true);
  // A question asked since (the periodic probe) does.
  reportDatabaseAnswered(1_000);
  assert.equal(isDatabaseFailing(), false);
});

test('a request that failed while the database failed is said to have failed for it, even if it answered again since', () => {
  reportDatabaseAnswered();
  reportDatabaseFailure(5_000);
  reportDatabaseAnswered(5_001);
  assert.equal(isDatabaseFailing(), false);
  assert.equal(hasDatabaseFailedSince(4_000), true);
  assert.equal(hasDatabaseFailedSince(6_000), false);
});
