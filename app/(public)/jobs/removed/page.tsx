// What a posting's address shows once the posting closed more than 90 days ago: proxy.ts rewrites
// the address here with a 410 (Gone), so search engines drop it; its own address is a 404.
import type { Metadata } from 'next';
import Link from 'next/link';
import { KEPT_AFTER_CLOSING_DAYS } from '@/lib/jobs/job-search';

export const metadata: Metadata = {
  title: 'Posting removed',
  robots: { index: false, follow: true },
};

export default function RemovedPostingPage() {
  return (
    <>
      <h1>This posting has been removed</h1>
      <p>It closed more than {KEPT_AFTER_CLOSING_DAYS} days ago, so it is no longer shown. Its occupation’s figures still count it among the postings of the last 12 months.</p>
      <p>
        <Link href="/jobs">Search open job postings</Link>
      </p>
    </>
  );
}
