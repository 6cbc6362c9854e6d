// Importing roles from a CSV file: upload here, then preview and apply at /admin/import/[id].
import type { Metadata } from 'next';
import Link from 'next/link';
import { uploadCatalogueAction } from './actions';
import { CatalogueUploadForm } from '@/components/admin/catalogue-upload-form';
import { EditTime } from '@/components/admin/edit-time';
import { listCatalogueUploads } from '@/db/catalogue-uploads';
import { readOrSignIn } from '@/lib/server/admin-read';
import { formatByteSize } from '@/lib/domain/format';
import { describeOutcome } from '@/db/catalogue-import-preview';

export const metadata: Metadata = { title: 'Import roles' };

export default async function ImportPage() {
  const uploads = await readOrSignIn('/admin/import', (claims) => listCatalogueUploads(claims));
  return (
    <div className="stack">
      <h1>Import roles</h1>
      <p className="import-intro">
        Bring in many roles at once from a CSV file in the format of the public export (<a href="/api/v1/roles.csv">download the current catalogue</a>
        ; the columns are described on the <Link href="/developers#csv">developers page</Link>). Roles are matched by slug: new slugs become new roles,
        and existing roles take the file&apos;s values. Roles not in the file are left as they are.
      </p>
      <section aria-labelledby="upload-heading" className="import-panel">
        <h2 id="upload-heading">Upload a file</h2>
        <CatalogueUploadForm action={uploadCatalogueAction} />
      </section>
      {uploads.length > 0 && (
        <section aria-labelledby="uploads-heading" className="stack">
          <h2 id="uploads-heading">Recent uploads</h2>
          <ul className="import-uploads">
            {uploads.map((upload) => (
              <li key={upload.id}>
                <Link href={`/admin/import/${upload.id}`} className="import-uploads__file">
                  {upload.fileName}
                </Link>{' '}
                <span className={`badge ${upload.applied ? 'import-status--new' : ''}`}>
                  {upload.applied ? `Applied: ${describeOutcome(upload.applied.outcome)}` : 'Not applied'}
                </span>
                <br />
                <span className="hint">
                  {formatByteSize(upload.byteSize)}, uploaded by {upload.uploadedBy} on <EditTime at={upload.uploadedAt} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
