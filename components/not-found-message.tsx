import Link from 'next/link';
import { notFoundAnswer } from '@/lib/server/error-documents';

/** What every "not found" page says, inside whichever frame (public or admin) it appears in. */
export function NotFoundMessage({ next = notFoundAnswer.next }: { next?: { href: string; label: string } }) {
  return (
    <>
      <h1>{notFoundAnswer.title}</h1>
      <p>{notFoundAnswer.detail}</p>
      <p>
        <Link href={next.href}>{next.label}</Link>
      </p>
    </>
  );
}
