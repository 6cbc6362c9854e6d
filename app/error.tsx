'use client';
import Link from 'next/link';

// Shown instead of a stack trace when something fails while rendering after a client-side
// navigation; a full page load gets the HTTP front's own error page (lib/server).
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main id="main" className="container">
      <h1>Something went wrong</h1>
      <p>Sorry, this page could not be shown. Please try again in a moment.</p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>{' '}
        or <Link href="/">go to the home page</Link>.
      </p>
    </main>
  );
}
