'use client';
// "Upload a catalogue file": a file over the limit is caught here before it is sent.
import type { FormAction } from '@/lib/form-state';
import { FileUploadForm } from './file-upload-form';

const MAX_BYTES = 5 * 1024 * 1024;

function tooLarge(file: File) {
  return file.size > MAX_BYTES ? `The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; files may be at most 5 MB. Split it into smaller files.` : null;
}

export function CatalogueUploadForm({ action }: { action: FormAction }) {
  return <FileUploadForm action={action} inputId="catalogue-file" label="CSV file (at most 5 MB)" accept=".csv,text/csv" labelledBy="upload-heading" refuse={tooLarge} />;
}
