// The site's header, public or (given `admin`) the signed-in area's: brand, navigation and, for
// admins and editors, who is signed in with a sign-out button.
import Link from 'next/link';
import type { Actor } from '@/db/access';
import type { UserRole } from '@/lib/domain/enums';
import { SubmitButton } from './admin/submit-button';

type AdminHeader = {
  actor: Pick<Actor, 'name' | 'role'>;
  /** The page passes the Server Action in, so that components never import from app/. */
  signOutAction: () => Promise<void>;
};

const publicLinks = [
  { href: '/', label: 'Browse roles' },
  { href: '/jobs', label: 'Jobs' },
  { href: '/states', label: 'States' },
  { href: '/compare', label: 'Compare' },
  { href: '/developers', label: 'Developers' },
];

function adminLinks(role: UserRole) {
  // An employer's member has their own area, for their employer's postings only.
  if (role === 'employer') return [{ href: '/employer', label: 'Your postings' }, { href: '/employer/postings/new', label: 'New posting' }, { href: '/', label: 'Public site' }];
  return [
    { href: '/admin', label: 'Roles' },
    { href: '/admin/import', label: 'Import' },
    { href: '/admin/jobs', label: 'Jobs' },
    { href: '/admin/jobs/review', label: 'Review' },
    { href: '/admin/audit', label: 'Audit log' },
    ...(role === 'admin' ? [{ href: '/admin/users', label: 'Users' }, { href: '/admin/employers', label: 'Employers' }] : []),
    { href: '/', label: 'Public site' },
  ];
}

export function SiteHeader({ admin }: { admin?: AdminHeader }) {
  const links = admin ? adminLinks(admin.actor.role) : publicLinks;
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className={admin ? 'container container--wide ends-apart site-header__inner' : 'container ends-apart site-header__inner'}>
        <Link href={admin ? (admin.actor.role === 'employer' ? '/employer' : '/admin') : '/'} className="site-header__brand">
          {/* eslint-disable-next-line @next/next/no-img-element -- the site's own 300-byte SVG icon, cached */}
          <img src="/icon.svg" alt="" width={28} height={28} />
          {admin ? (admin.actor.role === 'employer' ? 'Roleboard for employers' : 'Roleboard admin') : 'Roleboard'}
        </Link>
        <nav aria-label={admin ? 'Admin' : 'Main'}>
          <ul className="site-nav">
            {links.map((link) => (
              <li key={link.href}>
                <Link href={link.href}>{link.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
        {admin && (
          <form action={admin.signOutAction} className="sign-out">
            <span className="sign-out__who">
              {admin.actor.name} ({admin.actor.role})
            </span>
            <SubmitButton pendingLabel="Signing out…" className="button--link">
              Sign out
            </SubmitButton>
          </form>
        )}
      </div>
    </header>
  );
}

/** The signed-in areas' frame (/admin, /employer): the header with who is signed in, then the page. */
export function SignedInFrame({ children, ...admin }: AdminHeader & { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader admin={admin} />
      <main id="main" className="container container--wide" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
