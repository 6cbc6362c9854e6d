// Refuses to serve production without a proper signing secret, however the server was launched
// (`npm start` checks first, with the same message). Imported by instrumentation.ts at start-up.
import { env } from './env';

if (process.env.NODE_ENV === 'production' && process.env.NEXT_PHASE !== 'phase-production-build') {
  try {
    env.AUTH_SECRET();
  } catch (error) {
    console.error(`${(error as Error).message}. Generate one with: openssl rand -base64 33`);
    process.exit(1);
  }
}
