// POST /api/internal/revalidate: how a command-line import (`npm run data:import`) tells this
// server which cache tags its changes touched, so the public pages show them on the next request.
// Only a request signed with AUTH_SECRET's key, made in the last 5 minutes and not taken before
// counts (lib/revalidation-request.ts); anything else is a 401 and changes nothing. Not for
// browsers: no CORS.
import { problemResponse, withProblemDetails } from '@/lib/api/http';
import { env } from '@/lib/env';
import { expirePublicRoles } from '@/lib/server/cached-public-reads';
import { REVALIDATION_SIGNATURE_HEADER, revalidationReplayGuard, verifyRevalidation } from '@/lib/revalidation-request';

export const dynamic = 'force-dynamic';

const replayGuard = revalidationReplayGuard();

export const POST = withProblemDetails(async (request: Request) => {
  // The HTTP front has already refused bodies over 1 MB.
  const body = await request.text();
  const verified = verifyRevalidation({ body, signature: request.headers.get(REVALIDATION_SIGNATURE_HEADER), secret: env.AUTH_SECRET() });
  if ('refused' in verified) return problemResponse(401, verified.refused, { cors: false });
  // Checked last, so only correctly signed requests are remembered.
  if (!replayGuard.firstUse(request.headers.get(REVALIDATION_SIGNATURE_HEADER)!)) {
    return problemResponse(401, 'This request was already received; sign a new one.', { cors: false });
  }
  expirePublicRoles(verified.tags);
  return Response.json({ invalidated: verified.tags.length }, { headers: { 'Cache-Control': 'no-store' } });
});
