import Link from 'next/link';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';

export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="container" tabIndex={-1}>
        <h1>Page not found</h1>
        <p>We could not find that page. The role may have been renamed or removed.</p>
        <p>
          <Link href="/">Browse all roles</Link>
        </p>
      </main>
      <SiteFooter />
    </>
  );
}
