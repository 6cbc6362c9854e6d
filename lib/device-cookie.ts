// Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): after a
// successful sign-in the browser keeps a cookie proving "this browser has signed in to this account
// before". Sign-in attempts carrying one are throttled per device only, so strangers failing
// against an account from elsewhere cannot lock its owner out (see db/sign-in.ts).
//
// The cookie is `<device id>.<HMAC-SHA256 over the lower-cased email and the device id>`, keyed
// by a key derived from AUTH_SECRET for this purpose alone. Anything else counts as no cookie.
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

export const DEVICE_COOKIE_NAME = 'roleboard-device';

/** A year: the cookie is for recognising the owner's browser long after their session ended. */
const MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

const deviceCookiePattern = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

function signature(secret: string, email: string, deviceId: string) {
  const key = Buffer.from(hkdfSync('sha256', secret, '', 'roleboard device cookie v1', 32));
  return createHmac('sha256', key).update(`${email.trim().toLowerCase()}\n${deviceId}`).digest();
}

/** A new device cookie for this email, with the attributes to set it with. */
export function issueDeviceCookie({ email, secret, secure }: { email: string; secret: string; secure: boolean }) {
  const deviceId = randomBytes(16).toString('base64url');
  return {
    name: DEVICE_COOKIE_NAME,
    value: `${deviceId}.${signature(secret, email, deviceId).toString('base64url')}`,
    options: { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: MAX_AGE_SECONDS } as const,
  };
}

/** The device id of a cookie this site issued for this email, or null for anything else. */
export function verifiedDeviceId({ cookie, email, secret }: { cookie: string | undefined; email: string; secret: string }) {
  const match = deviceCookiePattern.exec(cookie ?? '');
  if (!match) return null;
  const [, deviceId, givenSignature] = match as unknown as [string, string, string];
  const expected = signature(secret, email, deviceId);
  const given = Buffer.from(givenSignature, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected) ? deviceId : null;
}
