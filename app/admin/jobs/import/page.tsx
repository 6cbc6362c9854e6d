// Importing job postings from a file: upload here, then preview and apply at /admin/jobs/import/[id].
import type { Metadata } from 'next';
import Link from 'next/link';
import { uploadJobPostingsAction } from '../actions';
import { FileUploadForm } from '@/components/admin/file-upload-form';
import { EditTime } from '@/components/admin/edit-time';
import { listJobUploads } from '@/db/job-uploads';
import { readOrSignIn } from '@/lib/server/admin-read';
import { formatByteSize, formatCount } from '@/lib/domain/format';
import { POSTING_FILE_LIMITS } from '@/lib/jobs/posting-file';
import { BackLink } from '@/components/admin/back-link';

export const metadata: Metadata = { title: 'Import job postings' };

const { maxBytes, maxRows } = POSTING_FILE_LIMITS.upload;

export default async function JobImportPage() {
  const uploads = await readOrSignIn('/admin/jobs/import', (claims) => listJobUploads(claims));
  return (
    <div className="stack">
      <BackLink href="/admin/jobs">← Job postings</BackLink>
      <h1>Import job postings</h1>
      <p>
        A file in Roleboard’s postings CSV format (its columns are on <Link href="/developers">the developers page</Link>), the USAJOBS or NYC Jobs sets’ own CSV, or
        schema.org <code>JobPosting</code> JSON-LD (an array, or an <code>ItemList</code>). Postings are matched by their source and id: importing a file again changes
        only what changed. A file with any invalid row is not applied at all. Uploads may be at most {formatByteSize(maxBytes)} and {formatCount(maxRows)} postings;
        larger files go through <code>npm run jobs:import</code>.
      </p>
      <FileUploadForm
        action={uploadJobPostingsAction}
        inputId="postings-file"
        label={`Postings file (at most ${formatByteSize(maxBytes)} and ${formatCount(maxRows)} postings)`}
        accept=".csv,.json,.jsonld,.gz,text/csv,application/json,application/ld+json"
      />
      {uploads.length > 0 && (
        <section aria-labelledby="recent-heading" className="stack">
          <h2 id="recent-heading">Recent uploads</h2>
          <ul>
            {uploads.map((upload) => (
              <li key={upload.id}>
                <Link href={`/admin/jobs/import/${upload.id}`}>{upload.fileName}</Link>, <EditTime at={upload.uploadedAt} />
                {upload.applied ? ' (applied)' : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
