import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { signInErrorCodes, signInErrorMessage, signInMessages } from '@/lib/sign-in-messages';

describe('what the login form says when signing in fails', () => {
  test('refused credentials read as a wrong email or password', () => {
    assert.equal(signInErrorMessage('CredentialsSignin', 'credentials'), 'Invalid email or password');
    assert.equal(signInErrorMessage('CredentialsSignin'), signInMessages.invalid);
  });

  test('a throttled attempt says how long to wait: seconds under a minute, else minutes rounded up', () => {
    const waits: [number, string][] = [
      [1, '1 second'],
      [8, '8 seconds'],
      [59, '59 seconds'],
      [60, '1 minute'],
      [61, '2 minutes'],
      [180, '3 minutes'],
      [899, '15 minutes'],
      [900, '15 minutes'],
    ];
    for (const [seconds, words] of waits) {
      assert.equal(signInErrorMessage('CredentialsSignin', signInErrorCodes.throttled(seconds)), `Too many sign-in attempts. Try again in ${words}.`);
    }
  });

  test('the code carries whole seconds, rounded up, and never a wait the message would not read', () => {
    assert.equal(signInErrorCodes.throttled(8), 'throttled-8');
    assert.equal(signInErrorCodes.throttled(7.2), 'throttled-8');
    assert.equal(signInErrorCodes.throttled(0), 'throttled-1');
    assert.equal(signInErrorCodes.throttled(20_000), 'throttled-9999');
    assert.equal(signInErrorMessage('CredentialsSignin', signInErrorCodes.throttled(20_000)), 'Too many sign-in attempts. Try again in 167 minutes.');
  });

  test('a code from the query string is read as a wait only in exactly that form', () => {
    for (const code of ['throttled-0', 'throttled-08', 'throttled--5', 'throttled-+5', 'throttled-10000', 'throttled-1e3', 'throttled-8 ', ' throttled-8', 'throttled-8s', 'throttled-', 'throttled-８']) {
      assert.equal(signInErrorMessage('CredentialsSignin', code), signInMessages.invalid, code);
    }
  });

  test('a sign-in that could not be checked, or any other error, is "unavailable", never "invalid"', () => {
    const unavailable = 'Sign-in is unavailable right now. Please try again in a few minutes.';
    assert.equal(signInErrorMessage('CredentialsSignin', signInErrorCodes.unavailable), unavailable);
    for (const errorType of ['CallbackRouteError', 'Configuration', 'AuthError', 'MissingCSRF', '']) {
      assert.equal(signInErrorMessage(errorType, 'credentials'), unavailable, errorType);
    }
  });
});
