// Unknown paths (and the made-up role addresses proxy.ts turns away) render this on its own, with
// only the root layout around it; a notFound() inside a section renders that section's not-found.
import { NotFoundMessage } from '@/components/not-found-message';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';

export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="container" tabIndex={-1}>
        <NotFoundMessage />
      </main>
      <SiteFooter />
    </>
  );
}
