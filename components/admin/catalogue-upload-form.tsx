'use client';
// "Upload a catalogue file": the first step of an import, which only previews. A file over the
// limit is caught here before it is sent; the server checks everything again.
import { useActionState, useState } from 'react';
import { idleState, type FormAction } from '@/lib/form-state';
import { SubmitButton } from './submit-button';

const MAX_BYTES = 5 * 1024 * 1024;

export function CatalogueUploadForm({ action }: { action: FormAction }) {
  const [state, formAction] = useActionState(action, idleState);
  const [tooBig, setTooBig] = useState<string | null>(null);
  const error = tooBig ?? state.fieldErrors?.file?.[0] ?? (state.status === 'error' ? state.message : undefined);

  return (
    <form
      action={formAction}
      className="stack import-upload"
      aria-labelledby="upload-heading"
      onSubmit={(event) => {
        if (tooBig) event.preventDefault();
      }}
    >
      <div className="field">
        <label htmlFor="catalogue-file">CSV file (at most 5 MB)</label>
        <input
          id="catalogue-file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={['catalogue-file-hint', error ? 'catalogue-file-error' : null].filter(Boolean).join(' ')}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            setTooBig(file && file.size > MAX_BYTES ? `The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; files may be at most 5 MB. Split it into smaller files.` : null);
          }}
        />
        <p className="hint" id="catalogue-file-hint">
          Nothing changes yet: you will see what the file would do first.
        </p>
        {error && (
          <p className="field-error" id="catalogue-file-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="form-actions">
        <SubmitButton pendingLabel="Reading the file…">Preview import</SubmitButton>
      </div>
    </form>
  );
}
