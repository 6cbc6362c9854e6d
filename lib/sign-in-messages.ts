// What the login form says when a sign-in fails: one place for the form's action and for the
// login page, which shows the errors of Auth.js's own endpoint from the query string.

/** The sign-in form's state between attempts: the message to show and the email to keep. */
export type SignInState = { message?: string; email?: string };

/** The `code`s of the CredentialsSignin errors lib/auth.ts throws from authorize. */
export const signInErrorCodes = {
  unavailable: 'unavailable',
  throttled: (retryAfterMinutes: number) => `throttled-${retryAfterMinutes}`,
};

export const signInMessages = {
  invalid: 'Invalid email or password',
  unavailable: 'Sign-in is unavailable right now. Please try again in a few minutes.',
};

/**
 * The message for a failed sign-in, from Auth.js's error type and the CredentialsSignin `code`.
 * Only "CredentialsSignin" means authorize refused the credentials; any other type means something
 * broke on the way, which must never read as a wrong password.
 */
export function signInErrorMessage(errorType: string, code?: string) {
  if (errorType !== 'CredentialsSignin' || code === signInErrorCodes.unavailable) return signInMessages.unavailable;
  const throttledMinutes = /^throttled-(\d{1,4})$/.exec(code ?? '')?.[1];
  if (throttledMinutes) {
    const minutes = Number(throttledMinutes);
    return `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
  }
  return signInMessages.invalid;
}
