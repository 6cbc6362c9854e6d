// The trail above a public page's heading: links to the pages it belongs under and, where the
// page names itself there, its own name as the current one.
import Link from 'next/link';

export type Crumb = { href: string; label: string };

export function Breadcrumb({ trail, current }: { trail: readonly Crumb[]; current?: string }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        {trail.map(({ href, label }) => (
          <li key={href}>
            <Link href={href}>{label}</Link>
          </li>
        ))}
        {current !== undefined && <li aria-current="page">{current}</li>}
      </ol>
    </nav>
  );
}
