// The tokens in job alert links. Both are HMACs of the alert's id under AUTH_SECRET, so that
// neither the database nor pg-boss's job rows ever hold a working link:
// - the confirmation token also signs how many confirmation emails were sent, so a resent email
//   replaces the earlier link; only its SHA-256 is stored (job_alerts.confirm_token_hash), which
//   finds the alert;
// - the unsubscribe token has to be in every digest, for as long as the alert lives, so it is
//   derived again for each email rather than stored; it names its alert (`<id>.<mac>`).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

function mac(secret: string, message: string) {
  return createHmac('sha256', secret).update(`job-alert:${message}`).digest('base64url');
}

export function confirmationToken({ secret, alertId, emailNumber }: { secret: string; alertId: number; emailNumber: number }) {
  return mac(secret, `confirm:${alertId}:${emailNumber}`);
}

/** What job_alerts keeps of a confirmation token. */
export function hashToken(token: string) {
  return createHash('sha256').update(token).digest('hex');
}

export function unsubscribeToken({ secret, alertId }: { secret: string; alertId: number }) {
  return `${alertId}.${mac(secret, `unsubscribe:${alertId}`)}`;
}

/** The alert an unsubscribe token names, or null when it is not one we made. */
export function alertIdOfUnsubscribeToken({ secret, token }: { secret: string; token: string }) {
  const match = /^([1-9]\d{0,15})\.[A-Za-z0-9_-]{43}$/.exec(token);
  if (!match) return null;
  const alertId = Number(match[1]);
  const expected = Buffer.from(unsubscribeToken({ secret, alertId }));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given) ? alertId : null;
}
