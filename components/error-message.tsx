import Link from 'next/link';

/**
 * What the app's error boundaries say. They show only after a client-side navigation: a full page
 * load that fails gets the HTTP front's own error page (lib/server/error-documents.ts).
 */
export function ErrorMessage({ reset, home = { href: '/', label: 'go to the home page' } }: { reset: () => void; home?: { href: string; label: string } }) {
  return (
    <>
      <h1>Something went wrong</h1>
      <p>Sorry, this page could not be shown. Please try again in a moment.</p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>{' '}
        or <Link href={home.href}>{home.label}</Link>.
      </p>
    </>
  );
}
