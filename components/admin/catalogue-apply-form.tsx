'use client';
// "Apply import": sends back which upload and which preview (its digest), so what is applied is
// what the editor saw. Rows that would replace what an editor set by hand stay as they are unless
// ticked. When those rows are all the file would change, Apply is a disabled button with the
// reason until the box is ticked: a CSS swap (admin.css, .import-apply--held-back), so it works
// before and without JavaScript alike.
import { useActionState } from 'react';
import { idleState, type FormAction } from '@/lib/form-state';
import { formatCount } from '@/lib/domain/format';
import { SubmitButton } from './submit-button';

export function CatalogueApplyForm({
  action,
  uploadId,
  digest,
  editedCount,
  nothingUnlessOverwritten,
}: {
  action: FormAction;
  uploadId: string;
  digest: string;
  editedCount: number;
  /** Why nothing would be applied unless "Overwrite edited roles" is ticked; null when something would. */
  nothingUnlessOverwritten: string | null;
}) {
  const [state, formAction] = useActionState(action, idleState);
  const heldBack = nothingUnlessOverwritten !== null && editedCount > 0;
  return (
    <form action={formAction} className={`import-apply stack${heldBack ? ' import-apply--held-back' : ''}`} aria-labelledby="apply-heading">
      <h2 id="apply-heading">Apply this import</h2>
      {state.status === 'error' && state.message && (
        <p className="notice notice--error" role="alert">
          {state.message}
        </p>
      )}
      <input type="hidden" name="id" value={uploadId} />
      <input type="hidden" name="digest" value={digest} />
      {heldBack && (
        <p className="notice import-apply__reason" id="apply-reason">
          {nothingUnlessOverwritten}
        </p>
      )}
      {editedCount > 0 && (
        <div className="checkbox-field">
          <input type="checkbox" id="overwrite-edited" name="overwriteEdited" aria-describedby="overwrite-edited-hint" />
          <label htmlFor="overwrite-edited">Overwrite edited roles</label>
          <p className="hint" id="overwrite-edited-hint">
            {formatCount(editedCount)} {editedCount === 1 ? 'row would replace' : 'rows would replace'} figures or text an editor set by hand since the last import. Unticked,{' '}
            {editedCount === 1 ? 'that role stays' : 'those roles stay'} as the editors left {editedCount === 1 ? 'it' : 'them'}; rows that change only other fields are applied either way.
          </p>
        </div>
      )}
      <div className="form-actions">
        {heldBack && (
          <button type="button" disabled className="import-apply__blocked" aria-describedby="apply-reason">
            Apply import
          </button>
        )}
        <SubmitButton pendingLabel="Applying…" className="import-apply__go">
          Apply import
        </SubmitButton>
      </div>
    </form>
  );
}
