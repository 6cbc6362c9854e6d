// The Server Action wrapper against real sessions: who may run an action, what reaches its
// handler, and that secrets never go back to the browser whatever the outcome.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { z } from 'zod';
import { closeDatabase } from '@/db/client';
import { endSession } from '@/db/access';
import { actionWrapper } from '@/lib/server/action-wrapper';
import { idleState } from '@/lib/form-state';
import { claimsFor } from '../support/claims';
import { connectToTestDatabase } from '../support/database';
import { testUsers } from '../support/users';

const { db, sql } = connectToTestDatabase();
after(() => Promise.all([sql.end(), closeDatabase()]));

class SignedOut extends Error {}

const schema = z.object({ name: z.string().min(1, 'Enter a name'), password: z.string().min(8, 'Use at least 8 characters') });

function formData(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

/** An action for `role` run with these claims; it records what its handler was given. */
function actionAs(claims: unknown, role: 'admin' | 'editor', { echo = false } = {}) {
  const calls: unknown[] = [];
  const signedOut = () => {
    throw new SignedOut();
  };
  const action = actionWrapper({ getClaims: async () => claims, signedOut })({ role, schema, redact: ['password'] }, async (input, { actor, values }) => {
    calls.push({ input, actor: actor.email });
    return { status: 'saved', message: 'Done', ...(echo ? { values } : {}) };
  });
  return { action, calls };
}

describe('actionWrapper', () => {
  test("an editor running an admin's action is told so, and its handler never runs", async () => {
    const { action, calls } = actionAs(await claimsFor(db, testUsers.editor.email), 'admin');
    const state = await action(idleState, formData({ name: 'Nora', password: 'long enough password' }));
    assert.deepEqual(state, { status: 'error', message: 'Only admins can do that.' });
    assert.deepEqual(calls, []);
  });

  test('an admin runs it: the handler gets the parsed input and the actor checked against the database', async () => {
    const { action, calls } = actionAs(await claimsFor(db, testUsers.admin.email), 'admin');
    const state = await action(idleState, formData({ name: 'Nora', password: 'long enough password' }));
    assert.deepEqual(state, { status: 'saved', message: 'Done' });
    assert.deepEqual(calls, [{ input: { name: 'Nora', password: 'long enough password' }, actor: testUsers.admin.email }]);
  });

  test('an ended session is sent to sign in, whatever the role', async () => {
    const claims = await claimsFor(db, testUsers.admin.email);
    await endSession(claims);
    const { action, calls } = actionAs(claims, 'editor');
    await assert.rejects(action(idleState, formData({ name: 'Nora', password: 'long enough password' })), SignedOut);
    assert.deepEqual(calls, []);
  });

  test('a typed password never comes back: not after a field error, not in what a handler returns', async () => {
    const claims = await claimsFor(db, testUsers.admin.email);
    const invalid = await actionAs(claims, 'admin').action(idleState, formData({ name: '', password: 'typed secret 123' }));
    assert.equal(invalid.status, 'error');
    assert.deepEqual(invalid.fieldErrors, { name: ['Enter a name'] });
    assert.deepEqual(invalid.values, { name: '' }, 'everything typed but the password');

    const echoed = await actionAs(claims, 'admin', { echo: true }).action(idleState, formData({ name: 'Nora', password: 'typed secret 123' }));
    assert.deepEqual(echoed.values, { name: 'Nora' });
    assert.ok(!JSON.stringify([invalid, echoed]).includes('typed secret 123'));
  });
});
