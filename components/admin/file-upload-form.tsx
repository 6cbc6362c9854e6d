'use client';
// "Upload a file": the first step of both imports that take a file (/admin/import, the catalogue;
// /admin/jobs, postings), which only previews. With `refuse`, a file the server would refuse is
// caught here before it is sent; the server checks everything again.
import { useActionState, useState } from 'react';
import { idleState, type FormAction } from '@/lib/form-state';
import { SubmitButton } from './submit-button';

export function FileUploadForm({
  action,
  inputId,
  label,
  accept,
  labelledBy,
  refuse,
}: {
  action: FormAction;
  inputId: string;
  label: string;
  accept: string;
  labelledBy?: string;
  /** Why a chosen file would be refused, or null. */
  refuse?: (file: File) => string | null;
}) {
  const [state, formAction] = useActionState(action, idleState);
  const [refused, setRefused] = useState<string | null>(null);
  const error = refused ?? state.fieldErrors?.file?.[0] ?? (state.status === 'error' ? state.message : undefined);

  return (
    <form
      action={formAction}
      className="stack import-upload"
      aria-labelledby={labelledBy}
      onSubmit={(event) => {
        if (refused) event.preventDefault();
      }}
    >
      <div className="field">
        <label htmlFor={inputId}>{label}</label>
        <input
          id={inputId}
          name="file"
          type="file"
          accept={accept}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={[`${inputId}-hint`, error ? `${inputId}-error` : null].filter(Boolean).join(' ')}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            setRefused(file && refuse ? refuse(file) : null);
          }}
        />
        <p className="hint" id={`${inputId}-hint`}>
          Nothing changes yet: you will see what the file would do first.
        </p>
        {error && (
          <p className="field-error" id={`${inputId}-error`} role="alert">
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
