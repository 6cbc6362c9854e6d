import type { Metadata, Viewport } from 'next';
import { GeistSans } from 'geist/font/sans';
import { env } from '@/lib/env';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(env.SITE_URL()),
  title: { default: 'Roleboard: job role salaries and statistics', template: '%s | Roleboard' },
  description: 'Average salaries, job openings, typical education and career guides for job roles.',
  applicationName: 'Roleboard',
  // Every page has a large preview image: its own (role pages) or the site's (app/opengraph-image.tsx).
  twitter: { card: 'summary_large_image' },
};

// The browser's own bar takes the header's colour (--header-bg in app/globals.css), in either scheme.
export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#1e3a8a' },
    { media: '(prefers-color-scheme: dark)', color: '#172554' },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // Geist, served from our own origin by next/font (a size-adjusted local fallback shows until it
    // loads, so nothing shifts): the class defines --font-geist-sans, which --font-sans starts with.
    <html lang="en" className={GeistSans.variable}>
      <body>{children}</body>
    </html>
  );
}
