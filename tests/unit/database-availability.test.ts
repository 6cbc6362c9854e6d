// Whether the database counts as away (db/availability.ts), which turns a failed page into a 503.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDatabaseFailing, reportDatabaseAnswered, reportDatabaseFailure } from '@/db/availability';

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
