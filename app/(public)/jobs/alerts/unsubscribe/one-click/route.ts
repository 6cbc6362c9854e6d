// RFC 8058 one-click unsubscribe: the List-Unsubscribe address of every alert email. A mail
// program POSTs `List-Unsubscribe=One-Click` here and the alert is deleted at once. A GET (a
// person, or a scanner following the link) changes nothing: it is sent to the page with a button.
import { database } from '@/db/client';
import { deleteJobAlert } from '@/db/job-alerts';
import { env } from '@/lib/env';
import { alertIdOfUnsubscribeToken } from '@/lib/jobs/alert-tokens';

function tokenOf(request: Request) {
  return (new URL(request.url).searchParams.get('token') ?? '').slice(0, 200);
}

export async function POST(request: Request) {
  const alertId = alertIdOfUnsubscribeToken({ secret: env.AUTH_SECRET(), token: tokenOf(request) });
  if (alertId === null) return new Response('This unsubscribe link is not valid.\n', { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  await deleteJobAlert(database(), { alertId });
  // Also when it was already gone: unsubscribing twice is unsubscribed.
  return new Response('Unsubscribed: no more emails will be sent for this alert.\n', { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

export function GET(request: Request) {
  const page = new URL('/jobs/alerts/unsubscribe', env.SITE_URL());
  page.searchParams.set('token', tokenOf(request));
  return Response.redirect(page, 303);
}
