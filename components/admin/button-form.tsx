'use client';
// A form that is one button: hidden fields say what it acts on, and its outcome shows below it
// (a FormOutcome unless the form says how). Applying an import, closing, approving or disabling.
import { useActionState } from 'react';
import { idleState, type FormAction, type FormState } from '@/lib/form-state';
import { FormOutcome } from './form-fields';
import { SubmitButton } from './submit-button';

export function ButtonForm({
  action,
  fields,
  button,
  outcome = (state) => <FormOutcome state={state} />,
}: {
  action: FormAction;
  fields: Record<string, string | number>;
  button: React.ComponentProps<typeof SubmitButton>;
  outcome?: (state: FormState) => React.ReactNode;
}) {
  const [state, formAction] = useActionState(action, idleState);
  return (
    <form action={formAction} className="stack">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="form-actions">
        <SubmitButton {...button} />
      </div>
      {outcome(state)}
    </form>
  );
}
