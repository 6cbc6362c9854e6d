// An uploaded postings file: what applying it would do (new, changed, unchanged, invalid with
// line and reason, a sample of the new and changed postings), and the form that applies it.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { applyJobPostingsAction } from '../../actions';
import { JobApplyForm } from '@/components/admin/job-forms';
import { EditTime } from '@/components/admin/edit-time';
import { getJobUploadPreview } from '@/db/job-uploads';
import { readOrSignIn } from '@/lib/server/admin-read';
import { formatCount } from '@/lib/domain/format';
import { describePostingProblem, postingFormatNames } from '@/lib/jobs/posting-file';
import { ColumnHeadings } from '@/components/column-headings';
import { BackLink } from '@/components/admin/back-link';

export const metadata: Metadata = { title: 'Job postings import preview' };

export default async function JobImportPreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const preview = await readOrSignIn(`/admin/jobs/import/${encodeURIComponent(id)}`, (claims) => getJobUploadPreview(claims, id));
  if (!preview) notFound();
  const { counts } = preview;
  return (
    <div className="stack">
      <BackLink href="/admin/jobs/import">← Import job postings</BackLink>
      <h1>
        Import <span className="import-file-name">{preview.fileName}</span>
      </h1>
      <p className="hint">
        {preview.format ? postingFormatNames[preview.format] : 'Format not recognised'}, uploaded by {preview.uploadedBy} on <EditTime at={preview.uploadedAt} />
      </p>
      {preview.applied ? (
        <div className="notice notice--success" role="status">
          <p>
            Applied on <EditTime at={preview.applied.at} />: {formatCount(preview.applied.outcome.new)} new, {formatCount(preview.applied.outcome.changed)} changed,{' '}
            {formatCount(preview.applied.outcome.unchanged)} unchanged; {formatCount(preview.applied.outcome.unplaced)} waiting for an occupation at{' '}
            <Link href="/admin/jobs">Job postings</Link>.
          </p>
        </div>
      ) : (
        <section aria-labelledby="summary-heading" className="stack">
          <h2 id="summary-heading">What this file would do</h2>
          <dl className="import-summary">
            {(['new', 'changed', 'unchanged', 'invalid'] as const).map((kind) => (
              <div key={kind} className={`import-summary__item import-summary__item--${kind}`}>
                <dt>{kind[0]!.toUpperCase() + kind.slice(1)}</dt>
                <dd>{formatCount(counts[kind])}</dd>
              </div>
            ))}
          </dl>
          {preview.problems.length > 0 ? (
            <div className="notice notice--error" role="alert">
              <p>
                Nothing can be applied until every posting is valid. Fix the file and <Link href="/admin/jobs/import">upload it again</Link>.
              </p>
              <ul>
                {preview.problems.map((problem, index) => (
                  <li key={index}>{describePostingProblem(problem)}</li>
                ))}
              </ul>
            </div>
          ) : counts.new + counts.changed === 0 ? (
            <p className="notice" role="status">
              Nothing to apply: every posting in the file matches what Roleboard holds.
            </p>
          ) : (
            <JobApplyForm action={applyJobPostingsAction} uploadId={preview.id} digest={preview.digest} />
          )}
        </section>
      )}
      {!preview.applied && preview.sample.length > 0 && (
        <section aria-labelledby="sample-heading" className="stack">
          <h2 id="sample-heading">New and changed postings{counts.new + counts.changed > preview.sample.length ? ` (the first ${preview.sample.length})` : ''}</h2>
          <table className="data-table">
            <ColumnHeadings columns={['Where', 'Title', 'Employer', 'Status']} />
            <tbody>
              {preview.sample.map((posting) => (
                <tr key={`${posting.source}:${posting.sourceId}`}>
                  <td>{posting.place}</td>
                  <th scope="row">{posting.title}</th>
                  <td>{posting.employer}</td>
                  <td>{posting.kind === 'new' ? 'New' : 'Changed'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
