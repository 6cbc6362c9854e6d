'use client';
// A failure outside the public and admin sections (their own error.tsx show inside their frame).
import { ErrorMessage } from '@/components/error-message';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <>
      <SiteHeader />
      <main id="main" className="container" tabIndex={-1}>
        <ErrorMessage reset={reset} />
      </main>
      <SiteFooter />
    </>
  );
}
