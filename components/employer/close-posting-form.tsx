'use client';
// "Close this posting": it leaves every open figure, page and feed at once. Works without JavaScript.
import { useActionState } from 'react';
import { SubmitButton } from '@/components/admin/submit-button';
import { idleState, type FormAction } from '@/lib/form-state';

export function ClosePostingForm({ action, id, version }: { action: FormAction; id: number; version: number }) {
  const [state, formAction] = useActionState(action, idleState);
  return (
    <form action={formAction} className="stack">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <div className="form-actions">
        <SubmitButton pendingLabel="Closing…" className="button--secondary">
          Close this posting
        </SubmitButton>
      </div>
      {state.status === 'error' && (
        <p className="field-error" role="alert">
          {state.message}
        </p>
      )}
    </form>
  );
}
