import Link from 'next/link';

/** The link above a signed-in page's heading back to where it was opened from ("← All roles"). */
export function BackLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <p>
      <Link href={href}>{children}</Link>
    </p>
  );
}
