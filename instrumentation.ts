// Runs once when the server starts (Node.js runtime only; see lib/check-production-env.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') await import('./lib/check-production-env');
}
