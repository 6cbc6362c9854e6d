// An employer's postings, every status, the latest changed first, with its members.
import type { Metadata } from 'next';
import Link from 'next/link';
import { TableScroll } from '@/components/table-scroll';
import { PostingStatus } from '@/components/employer/posting-status';
import { listOwnPostings } from '@/db/employer-postings';
import { getOwnEmployer } from '@/db/employers';
import { readOrSignIn } from '@/lib/server/admin-read';
import { formatDate, formatEditTime, formatList } from '@/lib/domain/format';
import { ColumnHeadings } from '@/components/column-headings';

export const metadata: Metadata = { title: 'Your postings' };

export default async function EmployerHomePage() {
  const { own, postings } = await readOrSignIn('/employer', async (claims) => ({ own: await getOwnEmployer(claims), postings: await listOwnPostings(claims) }));
  const { employer, members } = own;
  return (
    <div className="stack">
      <h1>{employer.name}: postings</h1>
      <p>
        <Link className="button" href="/employer/postings/new">
          New posting
        </Link>
      </p>
      {postings.length === 0 ? (
        <p>No postings yet. A new posting is checked by a Roleboard editor before it appears the first time; after that, yours publish at once.</p>
      ) : (
        <TableScroll label="Your organisation’s postings">
          <table className="data-table">
            <caption className="visually-hidden">Your organisation’s postings</caption>
            <ColumnHeadings columns={['Title', 'Status', 'Closes', 'Last saved']} />
            <tbody>
              {postings.map((posting) => (
                <tr key={posting.id}>
                  <th scope="row">
                    <Link href={`/employer/postings/${posting.id}`}>{posting.title}</Link>
                  </th>
                  <td>
                    <PostingStatus status={posting.status} />
                  </td>
                  <td>{posting.closesOn ? formatDate(posting.closesOn) : '—'}</td>
                  <td>
                    {formatEditTime(posting.updatedAt)} by {posting.updatedBy}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <section aria-labelledby="members-heading" className="stack">
        <h2 id="members-heading">Members</h2>
        <p>
          {formatList(members.map((member) => `${member.name} (${member.email})`))}. A Roleboard admin invites new members. {employer.website && <>Website: {employer.website}.</>}
        </p>
      </section>
    </div>
  );
}
