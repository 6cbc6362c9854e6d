// What the login form says when a sign-in fails: one place for the form's action and for the
// login page, which shows the errors of Auth.js's own endpoint from the query string.

/** The sign-in form's state between attempts: the message to show and the email to keep. */
export type SignInState = { message?: string; email?: string };

/**
 * The `code`s of the CredentialsSignin errors lib/server/auth.ts throws from authorize. A throttled
 * attempt's code carries the wait in whole seconds, 1 to 9999 (`throttled-8`, `throttled-840`).
 */
export const signInErrorCodes = {
  unavailable: 'unavailable',
  throttled: (retryAfterSeconds: number) => `throttled-${Math.min(9999, Math.max(1, Math.ceil(retryAfterSeconds)))}`,
};

// Only what signInErrorCodes.throttled writes (no sign, no leading zero, at most four digits):
// the code may come from the query string, and nothing else is read as a wait.
const throttledCodePattern = /^throttled-([1-9]\d{0,3})$/;

/** A wait in words: seconds under a minute, else minutes rounded up (never too early). */
function waitInWords(seconds: number) {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

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
  const throttledSeconds = throttledCodePattern.exec(code ?? '')?.[1];
  if (throttledSeconds) return `Too many sign-in attempts. Try again in ${waitInWords(Number(throttledSeconds))}.`;
  return signInMessages.invalid;
}
