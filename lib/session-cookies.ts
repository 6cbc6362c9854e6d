// Auth.js's session cookie names (its default: `__Secure-` on https). Undocumented as a contract:
// proxy.ts, the HTTP front's byte cache (lib/server/response-cache.ts) and the edge's VCL
// (deploy/varnish/default.vcl, which cannot import this) tell signed-in visitors by them.
export const SESSION_COOKIE_NAMES = ['authjs.session-token', '__Secure-authjs.session-token'] as const;

/** Whether a Cookie header carries a session cookie, whole or in chunks (`….session-token.0`, Auth.js splits a large one). */
export function hasSessionCookie(cookieHeader: string | undefined) {
  if (!cookieHeader) return false;
  return cookieHeader.split(';').some((pair) => {
    const name = pair.split('=', 1)[0]!.trim();
    return SESSION_COOKIE_NAMES.some((session) => name === session || name.startsWith(`${session}.`));
  });
}
