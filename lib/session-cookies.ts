// Whether a request comes from a signed-in visitor, by Auth.js's session cookie (its names, and why
// we may rely on them: lib/framework-contract.mjs). The HTTP front's byte cache
// (lib/server/response-cache.ts) asks; the edge's VCL (deploy/varnish/default.vcl) asks the same.
import { SESSION_COOKIE_NAMES } from './framework-contract.mjs';

/** Whether a Cookie header carries a session cookie, whole or in chunks (`….session-token.0`, Auth.js splits a large one). */
export function hasSessionCookie(cookieHeader: string | undefined) {
  if (!cookieHeader) return false;
  return cookieHeader.split(';').some((pair) => {
    const name = pair.split('=', 1)[0]!.trim();
    return SESSION_COOKIE_NAMES.some((session) => name === session || name.startsWith(`${session}.`));
  });
}
