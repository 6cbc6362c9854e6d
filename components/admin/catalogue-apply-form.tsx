'use client';
// "Apply import": sends back which upload and which preview (its digest), so what is applied is
// what the editor saw. Roles edited since their last import stay as they are unless ticked.
import { useActionState } from 'react';
import { idleState, type FormAction } from '@/lib/form-state';
import { formatCount } from '@/lib/format';
import { SubmitButton } from './submit-button';

export function CatalogueApplyForm({
  action,
  uploadId,
  digest,
  editedCount,
}: {
  action: FormAction;
  uploadId: string;
  digest: string;
  editedCount: number;
}) {
  const [state, formAction] = useActionState(action, idleState);
  return (
    <form action={formAction} className="import-apply stack" aria-labelledby="apply-heading">
      <h2 id="apply-heading">Apply this import</h2>
      {state.status === 'error' && state.message && (
        <p className="notice notice--error" role="alert">
          {state.message}
        </p>
      )}
      <input type="hidden" name="id" value={uploadId} />
      <input type="hidden" name="digest" value={digest} />
      {editedCount > 0 && (
        <div className="checkbox-field">
          <input type="checkbox" id="overwrite-edited" name="overwriteEdited" aria-describedby="overwrite-edited-hint" />
          <label htmlFor="overwrite-edited">Overwrite edited roles</label>
          <p className="hint" id="overwrite-edited-hint">
            {formatCount(editedCount)} {editedCount === 1 ? 'role was' : 'roles were'} changed by an editor since the last import. Unticked, {editedCount === 1 ? 'it stays' : 'they stay'} as the editor left {editedCount === 1 ? 'it' : 'them'}.
          </p>
        </div>
      )}
      <div className="form-actions">
        <SubmitButton pendingLabel="Applying…">Apply import</SubmitButton>
      </div>
    </form>
  );
}
