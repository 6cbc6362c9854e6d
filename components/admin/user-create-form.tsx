'use client';
// "Create user": everything but the password is kept when the form comes back with errors, and
// each error sits next to its field. Works without JavaScript (the action re-renders the page).
import { useActionState } from 'react';
// Type-only: lib/server/authenticated-action.ts is server code and must not enter the client bundle.
import { idleState, type FormAction } from '@/lib/form-state';
import { Field, FormOutcome, InputField, useField } from './form-fields';
import { SubmitButton } from './submit-button';

export function UserCreateForm({ action }: { action: FormAction }) {
  const [state, formAction] = useActionState(action, idleState);
  const field = useField(state, 'new-user');
  const email = field('email');
  const name = field('name');
  const role = field('role', 'Editors keep roles current; admins also manage users.');
  const password = field('password', '8 to 128 characters, not a common password. Tell it to the user in person.');
  const typedRole = role.input.defaultValue ?? 'editor';

  return (
    <form action={formAction} className="stack" noValidate aria-labelledby="create-user-heading">
      <FormOutcome state={state} />
      <div className="form-grid">
        <InputField field={email} label="Email" type="email" autoComplete="off" />
        <InputField field={name} label="Name" type="text" autoComplete="off" />
        <Field field={role} label="Role">
          {/* Keyed by its value: React does not apply a new defaultValue to a mounted select, so the
              form's reset after an error would otherwise bring back "Editor". */}
          <select key={typedRole} {...role.input} defaultValue={typedRole}>
            <option value="editor">Editor</option>
            <option value="admin">Admin</option>
          </select>
        </Field>
        <InputField field={password} label="Password" type="password" autoComplete="new-password" />
      </div>
      <div className="form-actions">
        <SubmitButton pendingLabel="Creating…">Create user</SubmitButton>
      </div>
    </form>
  );
}
