import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { signInErrorCodes, signInErrorMessage, signInMessages } from '@/lib/sign-in-messages';

describe('what the login form says when signing in fails', () => {
  test('refused credentials read as a wrong email or password', () => {
    assert.equal(signInErrorMessage('CredentialsSignin', 'credentials'), 'Invalid email or password');
    assert.equal(signInErrorMessage('CredentialsSignin'), signInMessages.invalid);
  });

  test('a throttled attempt says how long to wait', () => {
    assert.equal(signInErrorMessage('CredentialsSignin', signInErrorCodes.throttled(1)), 'Too many sign-in attempts. Try again in 1 minute.');
    assert.equal(signInErrorMessage('CredentialsSignin', signInErrorCodes.throttled(15)), 'Too many sign-in attempts. Try again in 15 minutes.');
  });

  test('a sign-in that could not be checked, or any other error, is "unavailable", never "invalid"', () => {
    const unavailable = 'Sign-in is unavailable right now. Please try again in a few minutes.';
    assert.equal(signInErrorMessage('CredentialsSignin', signInErrorCodes.unavailable), unavailable);
    for (const errorType of ['CallbackRouteError', 'Configuration', 'AuthError', 'MissingCSRF', '']) {
      assert.equal(signInErrorMessage(errorType, 'credentials'), unavailable, errorType);
    }
  });
});
