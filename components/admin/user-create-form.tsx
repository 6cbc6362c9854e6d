'use client';
// "Create user": everything but the password is kept when the form comes back with errors, and
// each error sits next to its field. Works without JavaScript (the action re-renders the page).
import { useActionState } from 'react';
// Type-only: lib/server/authenticated-action.ts is server code and must not enter the client bundle.
import { idleState, type FormAction } from '@/lib/form-state';
import { SubmitButton } from './submit-button';

type Field = 'email' | 'name' | 'role' | 'password';

export function UserCreateForm({ action }: { action: FormAction }) {
  const [state, formAction] = useActionState(action, idleState);
  const typed = state.status === 'error' ? (state.values ?? {}) : {};
  const valueOf = (field: Field) => (typeof typed[field] === 'string' ? typed[field] : undefined);
  const errorOf = (field: Field) => state.fieldErrors?.[field]?.[0];

  const wiring = (field: Field, hint = false) => {
    const id = `new-user-${field}`;
    const describedBy = [hint ? `${id}-hint` : null, errorOf(field) ? `${id}-error` : null].filter(Boolean).join(' ');
    return { id, name: field, 'aria-invalid': errorOf(field) ? (true as const) : undefined, 'aria-describedby': describedBy || undefined };
  };
  const error = (field: Field) =>
    errorOf(field) ? (
      <p className="field-error" id={`new-user-${field}-error`}>
        {errorOf(field)}
      </p>
    ) : null;

  return (
    <form action={formAction} className="stack" noValidate aria-labelledby="create-user-heading">
      {state.status === 'saved' && (
        <p className="notice notice--success" role="status">
          {state.message}
        </p>
      )}
      {state.status === 'error' && state.message && (
        <p className="notice notice--error" role="alert">
          {state.message}
        </p>
      )}
      <div className="form-grid">
        <div className="field">
          <label htmlFor="new-user-email">Email</label>
          <input type="email" autoComplete="off" defaultValue={valueOf('email')} {...wiring('email')} />
          {error('email')}
        </div>
        <div className="field">
          <label htmlFor="new-user-name">Name</label>
          <input type="text" autoComplete="off" defaultValue={valueOf('name')} {...wiring('name')} />
          {error('name')}
        </div>
        <div className="field">
          <label htmlFor="new-user-role">Role</label>
          {/* Keyed by its value: React does not apply a new defaultValue to a mounted select, so the
              form's reset after an error would otherwise bring back "Editor". */}
          <select key={valueOf('role') ?? 'editor'} defaultValue={valueOf('role') ?? 'editor'} {...wiring('role', true)}>
            <option value="editor">Editor</option>
            <option value="admin">Admin</option>
          </select>
          <p className="hint" id="new-user-role-hint">
            Editors keep roles current; admins also manage users.
          </p>
          {error('role')}
        </div>
        <div className="field">
          <label htmlFor="new-user-password">Password</label>
          <input type="password" autoComplete="new-password" {...wiring('password', true)} />
          <p className="hint" id="new-user-password-hint">
            8 to 128 characters, not a common password. Tell it to the user in person.
          </p>
          {error('password')}
        </div>
      </div>
      <div className="form-actions">
        <SubmitButton pendingLabel="Creating…">Create user</SubmitButton>
      </div>
    </form>
  );
}
