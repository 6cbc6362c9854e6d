// The signed-in area's frame. It redirects visitors who are not signed in, but it is not the
// guard: every admin page and action checks the session again through the DAL.
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import './admin.css';
import { SubmitButton } from '@/components/admin/submit-button';
import { getActor } from '@/db/access';
import { getSessionClaims } from '@/lib/auth';
import { signOutAction } from './actions';

export const metadata: Metadata = { title: { default: 'Admin', template: '%s | Roleboard admin' }, robots: { index: false } };

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor(await getSessionClaims());
  if (!actor) redirect('/login?callbackUrl=/admin');
  return (
    <>
      <header className="site-header">
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <div className="container container--wide site-header__inner">
          <Link href="/admin" className="site-header__brand">
            {/* eslint-disable-next-line @next/next/no-img-element -- the site's own 300-byte SVG icon, cached */}
            <img src="/icon.svg" alt="" width={28} height={28} />
            Roleboard admin
          </Link>
          <nav aria-label="Admin">
            <ul className="site-nav">
              <li>
                <Link href="/admin">Roles</Link>
              </li>
              <li>
                <Link href="/admin/import">Import</Link>
              </li>
              <li>
                <Link href="/admin/audit">Audit log</Link>
              </li>
              {actor.role === 'admin' && (
                <li>
                  <Link href="/admin/users">Users</Link>
                </li>
              )}
              <li>
                <Link href="/">Public site</Link>
              </li>
            </ul>
          </nav>
          <form action={signOutAction} className="sign-out">
            <span className="sign-out__who">
              {actor.name} ({actor.role})
            </span>
            <SubmitButton pendingLabel="Signing out…" className="button--link">
              Sign out
            </SubmitButton>
          </form>
        </div>
      </header>
      <main id="main" className="container container--wide" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
