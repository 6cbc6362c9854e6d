// An id that is no posting, or a posting closed more than 90 days ago: the address answers 404
// either way, and says that old postings are removed, so a bookmark's reader knows why.
import Link from 'next/link';

export default function PostingNotFound() {
  return (
    <>
      <h1>Posting not found</h1>
      <p>There is no posting at this address. Postings are removed 90 days after they close.</p>
      <p>
        <Link href="/jobs">Search open job postings</Link>
      </p>
    </>
  );
}
