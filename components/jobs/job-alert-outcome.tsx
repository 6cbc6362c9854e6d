// What an alert email's link page says when there is nothing to ask: the alert started or stopped,
// or the link no longer works, with the way back to the postings.
import Link from 'next/link';

export function JobAlertOutcome({ heading, lede, linkLabel = 'Job postings' }: { heading: string; lede: string; linkLabel?: string }) {
  return (
    <>
      <h1>{heading}</h1>
      <p className="lede">{lede}</p>
      <p>
        <Link href="/jobs">{linkLabel}</Link>
      </p>
    </>
  );
}
