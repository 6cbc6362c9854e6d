// Runs once when the server starts: refuse to serve production without a proper signing secret,
// however the server was launched (`npm start` checks too, with a friendlier message).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NODE_ENV !== 'production') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { env } = await import('./lib/env');
  env.AUTH_SECRET();
}
