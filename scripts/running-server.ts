// Telling a running Roleboard which cached pages a command-line import changed (POST
// /api/internal/revalidate, signed with AUTH_SECRET): used by `npm run data:import` and `npm run jobs:import`.
import { readDevelopmentAuthSecret } from '@/lib/development-secret';
import { env } from '@/lib/env';
import { sendRevalidation } from '@/lib/revalidation-request';

/** Asks the running server to invalidate the touched cache tags; says plainly whether it could. */
export async function tellRunningServer(tags: string[]) {
  const secret = process.env.AUTH_SECRET || readDevelopmentAuthSecret();
  const origin = env.SITE_URL();
  const restart = 'If Roleboard is running, restart it so that its pages show the new figures.';
  if (!secret) return `The running server was not told (no AUTH_SECRET, and no .data/auth-secret from npm run dev). ${restart}`;
  try {
    const refused = await sendRevalidation({ origin, tags, secret });
    if (refused) {
      const detail = ((await refused.json().catch(() => ({}))) as { detail?: string }).detail ?? refused.statusText;
      const hint = refused.status === 401 ? ' Is AUTH_SECRET the same as the server’s?' : '';
      return `The server at ${origin} refused the request (${refused.status}: ${detail}).${hint} ${restart}`;
    }
    return `Told the running server at ${origin}: its public pages show the new figures on the next request.`;
  } catch (error) {
    const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    return `No server answered at ${origin} (${reason}); set SITE_URL if it runs elsewhere. ${restart}`;
  }
}
