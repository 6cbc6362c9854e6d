// GET /api/ready: readiness. 200 when the database answers and every migration is applied, else
// 503: a load balancer sends traffic only to instances that can serve it.
import { checkReadiness } from '@/db/readiness';
import { DATABASE_RETRY_AFTER_SECONDS } from '@/db/availability';

export const dynamic = 'force-dynamic';

export async function GET() {
  const { ready, database, migrations } = await checkReadiness();
  return Response.json(
    { status: ready ? 'ready' : 'unavailable', database, migrations },
    {
      status: ready ? 200 : 503,
      headers: { 'Cache-Control': 'no-store', ...(ready ? {} : { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) }) },
    },
  );
}
