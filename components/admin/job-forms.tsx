'use client';
// The forms of /admin/jobs: uploading a postings file (which only previews), applying a previewed
// upload, and placing a posting in an occupation. Each is a plain form posting to its Server
// Action, so it works without JavaScript; with it, the action's message shows beside the form.
import { useActionState } from 'react';
import { formatCount } from '@/lib/domain/format';
import { idleState, type FormAction } from '@/lib/form-state';
import { ButtonForm } from './button-form';
import { SubmitButton } from './submit-button';

function Message({ id, state }: { id: string; state: { status: string; message?: string } }) {
  return (
    <p id={id} className={state.status === 'error' ? 'field-error' : 'hint'} role={state.status === 'error' ? 'alert' : 'status'} aria-live="polite">
      {state.message}
    </p>
  );
}

export function JobApplyForm({ action, uploadId, digest }: { action: FormAction; uploadId: string; digest: string }) {
  return (
    <ButtonForm
      action={action}
      fields={{ id: uploadId, digest }}
      button={{ pendingLabel: 'Applying…', children: 'Apply import' }}
      outcome={(state) => <Message id="apply-message" state={state} />}
    />
  );
}

export function PlacePostingForm({
  action,
  postingId,
  postingTitle,
  othersWithTitle,
  suggestedSlug,
}: {
  action: FormAction;
  postingId: number;
  postingTitle: string;
  /** Other unplaced postings titled exactly so, which the editor may place at once with this one. */
  othersWithTitle: number;
  suggestedSlug: string;
}) {
  const [state, formAction] = useActionState(action, idleState);
  const fieldId = `occupation-${postingId}`;
  const error = state.fieldErrors?.roleSlug?.[0];
  return (
    <form action={formAction} className="place-posting">
      <input type="hidden" name="postingId" value={postingId} />
      <label htmlFor={fieldId}>
        Occupation for <span className="visually-hidden">{postingTitle}</span> (role slug)
      </label>
      <input
        id={fieldId}
        name="roleSlug"
        list="occupations"
        defaultValue={suggestedSlug}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={`${fieldId}-message`}
      />
      <SubmitButton pendingLabel="Placing…">Place</SubmitButton>
      {othersWithTitle > 0 && (
        <div className="checkbox-field">
          <input type="checkbox" id={`${fieldId}-same-title`} name="sameTitle" defaultChecked />
          <label htmlFor={`${fieldId}-same-title`}>
            Also place the {othersWithTitle === 1 ? 'other unplaced posting' : `${formatCount(othersWithTitle)} other unplaced postings`} titled exactly “{postingTitle}”
          </label>
        </div>
      )}
      <p id={`${fieldId}-message`} className={error || state.status === 'error' ? 'field-error' : 'hint'} aria-live="polite">
        {error ?? state.message}
      </p>
    </form>
  );
}
