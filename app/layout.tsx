import type { Metadata, Viewport } from 'next';
import { env } from '@/lib/env';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(env.SITE_URL()),
  title: { default: 'Roleboard: job role salaries and statistics', template: '%s | Roleboard' },
  description: 'Average salaries, job openings, degree requirements and career guides for job roles.',
  applicationName: 'Roleboard',
  // Every page has a large preview image: its own (role pages) or the site's (app/opengraph-image.tsx).
  twitter: { card: 'summary_large_image' },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#1d4ed8' };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
