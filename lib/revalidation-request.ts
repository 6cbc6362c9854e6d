// A signed request asking the running server to invalidate cache tags: how `npm run data:import`,
// a separate process, makes the server's in-memory and on-disk caches show what it wrote. The
// body carries the tags and the time it was made; an HMAC-SHA256 of the exact body, keyed from
// AUTH_SECRET through HKDF with a label of its own (as lib/device-cookie.ts derives its key), goes
// in a header. Only someone holding AUTH_SECRET can sign one; a captured request is refused once
// it is 5 minutes old, and before that the second time it comes (each carries a random nonce, and
// a server remembers the requests it took until they are too old anyway: revalidationReplayGuard).
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { isCacheTag } from './cache-tags';

export const REVALIDATION_PATH = '/api/internal/revalidate';
export const REVALIDATION_SIGNATURE_HEADER = 'x-roleboard-signature';

const MAX_AGE_MS = 5 * 60 * 1000;
/** Clocks of two processes on different machines may differ a little. */
const MAX_CLOCK_SKEW_MS = 60 * 1000;
/** Per request: 2,000 tags of at most ~110 characters stay far below the front's 1 MB body limit. */
export const MAX_TAGS_PER_REQUEST = 2000;

function signatureOf(secret: string, body: string) {
  const key = Buffer.from(hkdfSync('sha256', secret, '', 'roleboard revalidation request v1', 32));
  return createHmac('sha256', key).update(body).digest('base64url');
}

/** The body and signature of a request invalidating these tags, made at `now`. */
export function signRevalidation({ tags, secret, now = Date.now() }: { tags: string[]; secret: string; now?: number }) {
  const body = JSON.stringify({ tags, timestamp: now, nonce: randomBytes(16).toString('base64url') });
  return { body, signature: signatureOf(secret, body) };
}

/**
 * Asks the server at `origin` to invalidate the tags (in requests of MAX_TAGS_PER_REQUEST): what a
 * command-line import and the closing job send. Resolves with the first refusal, or null when every
 * request was taken; a server that does not answer rejects.
 */
export async function sendRevalidation({ origin, tags, secret }: { origin: string; tags: string[]; secret: string }): Promise<Response | null> {
  for (let start = 0; start < tags.length; start += MAX_TAGS_PER_REQUEST) {
    const { body, signature } = signRevalidation({ tags: tags.slice(start, start + MAX_TAGS_PER_REQUEST), secret });
    const response = await fetch(`${origin}${REVALIDATION_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [REVALIDATION_SIGNATURE_HEADER]: signature },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) return response;
    await response.body?.cancel();
  }
  return null;
}

const bodySchema = z.object({
  tags: z.array(z.string().refine(isCacheTag)).max(MAX_TAGS_PER_REQUEST),
  timestamp: z.number().int(),
  nonce: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
});

/** The tags of a request signed with this secret and made less than 5 minutes ago, or why it is refused. */
export function verifyRevalidation({
  body,
  signature,
  secret,
  now = Date.now(),
}: {
  body: string;
  signature: string | null;
  secret: string;
  now?: number;
}): { tags: string[] } | { refused: string } {
  const expected = Buffer.from(signatureOf(secret, body));
  const given = Buffer.from(signature ?? '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { refused: `The ${REVALIDATION_SIGNATURE_HEADER} header is missing or does not sign this body.` };
  }
  let parsed;
  try {
    parsed = bodySchema.safeParse(JSON.parse(body));
  } catch {
    parsed = null;
  }
  if (!parsed?.success) return { refused: 'The body must be {"tags": [cache tags], "timestamp": milliseconds, "nonce": 16 random bytes in base64url}.' };
  const age = now - parsed.data.timestamp;
  if (age > MAX_AGE_MS || age < -MAX_CLOCK_SKEW_MS) return { refused: 'The request was not made within the last 5 minutes.' };
  return { tags: parsed.data.tags };
}

/**
 * Remembers the signatures of the requests a server took, each until its request is too old to be
 * taken anyway, so a captured request works once. Only correctly signed requests are remembered,
 * which only holders of AUTH_SECRET can make: it cannot be filled by strangers. Per process: with
 * several instances a captured request could be replayed once to each, within its 5 minutes.
 */
export function revalidationReplayGuard() {
  const takenUntil = new Map<string, number>();
  return {
    /** True the first time this signature is seen (and it is remembered), false after. */
    firstUse(signature: string, now = Date.now()) {
      for (const [taken, until] of takenUntil) if (until <= now) takenUntil.delete(taken);
      if (takenUntil.has(signature)) return false;
      takenUntil.set(signature, now + MAX_AGE_MS + MAX_CLOCK_SKEW_MS);
      return true;
    },
  };
}
