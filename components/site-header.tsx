import Link from 'next/link';

export function SiteHeader() {
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="container site-header__inner">
        <Link href="/" className="site-header__brand">
          {/* eslint-disable-next-line @next/next/no-img-element -- the site's own 300-byte SVG icon, cached */}
          <img src="/icon.svg" alt="" width={28} height={28} />
          Roleboard
        </Link>
        <nav aria-label="Main">
          <ul className="site-nav">
            <li>
              <Link href="/">Browse roles</Link>
            </li>
            <li>
              <Link href="/states">States</Link>
            </li>
            <li>
              <Link href="/compare">Compare</Link>
            </li>
            <li>
              <Link href="/developers">Developers</Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
