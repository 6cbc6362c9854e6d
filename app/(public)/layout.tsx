import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import '../charts.css';

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" className="container" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter />
      {/* The page's only script: its copy and print buttons (public/enhance.js). */}
      <script src="/enhance.js" async />
    </>
  );
}
