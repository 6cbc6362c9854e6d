// GET /api/health: liveness. The process answers; it asks nothing of the database, so an
// orchestrator never restarts a healthy process because PostgreSQL is away (see /api/ready).
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) }, { headers: { 'Cache-Control': 'no-store' } });
}
