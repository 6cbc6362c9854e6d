'use client';
// A one-button form for a role-wide change (archive, restore, revert to a version): it carries
// the version the page was loaded with, and shows the outcome next to the button.
import { useActionState } from 'react';
import { idleState, type FormAction } from '@/lib/form-state';
import { SubmitButton } from './submit-button';

export function RoleChangeButton({
  action,
  fields,
  label,
  pendingLabel,
  danger = false,
}: {
  action: FormAction;
  /** Hidden fields: roleId, version, and for a revert the historyId. */
  fields: Record<string, string | number>;
  label: string;
  pendingLabel: string;
  danger?: boolean;
}) {
  const [state, formAction] = useActionState(action, idleState);
  return (
    <form action={formAction} className="role-change">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton pendingLabel={pendingLabel} className={danger ? 'button--danger' : 'button--secondary'}>
        {label}
      </SubmitButton>
      {state.message && (
        <p className={`role-change__message ${state.status === 'saved' ? '' : 'field-error'}`} role={state.status === 'saved' ? 'status' : 'alert'}>
          {state.message}
        </p>
      )}
    </form>
  );
}
